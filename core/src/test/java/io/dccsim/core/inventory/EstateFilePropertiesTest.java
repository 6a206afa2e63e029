package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Mangled estate files: a reader either accepts the file (the change happened to leave valid
 * devices) or refuses it with an {@link EstateFileException} naming the mangled line; it never
 * fails any other way.
 */
class EstateFilePropertiesTest {

  private static final List<Device> DEVICES = SyntheticEstate.devices(4, 12L);
  private static final List<String> CSV_LINES =
      EstateFileTest.write(EstateFile.Format.CSV, DEVICES).lines().toList();
  private static final List<String> JSON_LINES =
      EstateFileTest.write(EstateFile.Format.JSON, DEVICES).lines().toList();

  @Provide
  Arbitrary<Character> junk() {
    return Arbitraries.oneOf(
        Arbitraries.of(',', '"', ';', ' ', '-', '{', '}', '[', ']', ':', '\\', '\t', '\u0000'),
        Arbitraries.chars().alpha(),
        Arbitraries.chars().numeric(),
        Arbitraries.chars().range('\u00a0', '\uffef'));
  }

  private static String mangle(String line, int at, int how, char c) {
    int i = line.isEmpty() ? 0 : at % (line.length() + 1);
    return switch (how) {
      case 0 -> line.substring(0, i) + c + line.substring(i);
      case 1 -> i < line.length() ? line.substring(0, i) + line.substring(i + 1) : line;
      default -> i < line.length() ? line.substring(0, i) + c + line.substring(i + 1) : line + c;
    };
  }

  @Property(tries = 400)
  void aMangledCsvLineIsAcceptedOrRefusedAtThatLine(
      @ForAll @IntRange(min = 0, max = 4) int lineIndex,
      @ForAll @IntRange(min = 0, max = 400) int at,
      @ForAll @IntRange(min = 0, max = 2) int how,
      @ForAll("junk") char c) {
    List<String> lines = new ArrayList<>(CSV_LINES);
    lines.set(lineIndex, mangle(lines.get(lineIndex), at, how, c));
    String text = String.join("\n", lines) + "\n";
    try {
      List<Device> read = EstateFile.read(new StringReader(text), EstateFile.Format.CSV);
      assertThat(read).hasSize(DEVICES.size());
    } catch (EstateFileException e) {
      assertThat(e.line()).isEqualTo(lineIndex + 1L);
    }
  }

  @Property(tries = 400)
  void aMangledJsonFileIsAcceptedOrRefusedWithALine(
      @ForAll @IntRange(min = 0, max = 1_000) int lineSeed,
      @ForAll @IntRange(min = 0, max = 400) int at,
      @ForAll @IntRange(min = 0, max = 2) int how,
      @ForAll("junk") char c) {
    List<String> lines = new ArrayList<>(JSON_LINES);
    int lineIndex = lineSeed % lines.size();
    lines.set(lineIndex, mangle(lines.get(lineIndex), at, how, c));
    String text = String.join("\n", lines);
    try {
      List<Device> read = EstateFile.read(new StringReader(text), EstateFile.Format.JSON);
      assertThat(read).hasSize(DEVICES.size());
    } catch (EstateFileException e) {
      assertThat(e.line()).isBetween(1L, (long) lines.size());
    }
  }

  @Property(tries = 200)
  void aTruncatedFileIsRefusedOrShorter(@ForAll @IntRange(min = 0, max = 100_000) int cut) {
    for (EstateFile.Format f : EstateFile.Format.values()) {
      String text = EstateFileTest.write(f, DEVICES);
      String truncated = text.substring(0, cut % text.length());
      try {
        assertThat(EstateFile.read(new StringReader(truncated), f).size())
            .isLessThanOrEqualTo(DEVICES.size());
      } catch (EstateFileException e) {
        assertThat(e.line()).isPositive();
      }
    }
  }
}
