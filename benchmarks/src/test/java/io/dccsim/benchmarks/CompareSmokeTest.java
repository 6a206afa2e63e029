package io.dccsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The whole comparison in its quick mode: every target answers, the table and ratios print. */
class CompareSmokeTest {
  @Test
  void durationsReadAsUsersWriteThem() {
    Compare.Seconds seconds = new Compare.Seconds();
    assertThat(seconds.convert("500ms")).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(seconds.convert("10s")).isEqualTo(java.time.Duration.ofSeconds(10));
    assertThat(seconds.convert("10m")).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(seconds.convert("PT15S")).isEqualTo(java.time.Duration.ofSeconds(15));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> seconds.convert("10x"))
        .hasMessageContaining("not a duration");
  }

  @Test
  void quickComparisonRunsEveryTargetWithoutErrors() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int exit =
        new CommandLine(new Compare(out))
            .execute(
                "--quick",
                "--wiremock-jar",
                "target/wiremock/wiremock-standalone.jar",
                "--connections",
                "2");
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(report).isZero();
    assertThat(report)
        .contains("simulator, full checks")
        .contains("simulator, signature checks off")
        .contains("WireMock standalone, static stub")
        .contains("bare Netty, same bytes")
        .contains("full checks / crypto limit")
        .contains("checks off / WireMock")
        .contains("Heap used over each in-process row")
        .contains("Where the CPU went while row (1) was measured")
        .contains("ECDSA verify of the request");
    // Every row of the table reports zero errors: the simulator answered I0 to every request.
    report
        .lines()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| target"))
        .forEach(row -> assertThat(row.split("\\|")[7].strip()).as(row).isEqualTo("0"));
  }
}
