package io.dccsim.benchmarks.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.smki.repository.PostgresTestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The inventory benchmark with 6,000 devices, so it cannot rot: structure, never timings. */
class MillionDeviceInventorySmokeTest {

  private static final Pattern LOOKUP_ROW =
      Pattern.compile(
          "\\| ([^|]+) \\| ([^|]+) \\| (\\d+) \\| (\\d+) \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|");

  @Test
  void loadsAnH2StoreAndAnswersEveryLookup() throws Exception {
    String out = run("h2");
    assertThat(out).contains("H2 (file, synced): loaded 6000 devices").contains("; 6000 held");
    assertEveryLookupAnswered(out, "H2 (file, synced)");
  }

  @Test
  void loadsAPostgresStoreAndAnswersEveryLookup() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    String out = run("postgres");
    assertThat(out).contains("PostgreSQL: loaded 6000 devices").contains("; 6000 held");
    assertEveryLookupAnswered(out, "PostgreSQL");
  }

  private static String run(String store) throws Exception {
    return capture(
        () ->
            MillionDeviceInventory.main(
                new String[] {
                  "--store", store, "--devices", "6000", "--lookups", "200", "--chunk", "70"
                }));
  }

  private static void assertEveryLookupAnswered(String out, String store) {
    Matcher m = LOOKUP_ROW.matcher(out);
    int kinds = 0;
    while (m.find()) {
      assertThat(m.group(1)).isEqualTo(store);
      assertThat(m.group(3)).as(m.group(2)).isEqualTo("200");
      assertThat(m.group(4)).as(m.group(2) + " answered").isEqualTo("200");
      kinds++;
    }
    assertThat(kinds).as("lookup kinds in\n" + out).isEqualTo(5);
  }

  private interface Body {
    void run() throws Exception;
  }

  private static synchronized String capture(Body body) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      body.run();
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
