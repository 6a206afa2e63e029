package io.dccsim.sim.coverage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes generated coverage files for tests and measurements. */
final class CoverageFiles {
  private static final String[] AREAS = {"M", "EH", "CF", "SW", "B", "LS", "SO", "NR", "G", "BS"};
  private static final String UNIT = "ABDEFGHJLNPQRSTUWXYZ";

  private CoverageFiles() {}

  /** The i-th of many distinct valid postcodes (up to 10 * 100 * 10 * 400 = 4 million). */
  static String postcode(int i) {
    String area = AREAS[i % AREAS.length];
    int rest = i / AREAS.length;
    int district = rest % 100;
    rest /= 100;
    int sector = rest % 10;
    rest /= 10;
    char u1 = UNIT.charAt(rest % 20);
    char u2 = UNIT.charAt((rest / 20) % 20);
    return area + district + " " + sector + u1 + u2;
  }

  /** Writes a CSV with {@code count} postcodes, every tenth with two regions. */
  static void writeCsv(Path file, int count) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(String.join(",", CoverageCsv.COLUMNS));
      w.write('\n');
      for (int i = 0; i < count; i++) {
        String pc = postcode(i);
        int kind = i % 7;
        if (kind == 0) {
          w.write(pc + ",South,false,2021-0" + (1 + i % 9) + "-15,\" \",Medium,,\n");
        } else if (kind == 1) {
          w.write(pc + ",North,false,2020-11-01,Long Range Radio,Low,External aerial,\n");
        } else {
          w.write(pc + ",Central,true,,Dual Band,High,,\n");
        }
        if (i % 10 == 0) {
          w.write(pc + ",4G Central,true,,4G,High,,\"Served by 4G, for now\"\n");
        }
      }
    }
  }
}
