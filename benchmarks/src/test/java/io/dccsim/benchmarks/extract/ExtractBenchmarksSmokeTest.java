package io.dccsim.benchmarks.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extract benchmarks with a few thousand certificates, so they cannot rot. */
class ExtractBenchmarksSmokeTest {

  @Test
  void writeBenchmarkComparesTheExtractWithAPlainWriteAndCleansUp(@TempDir Path dir)
      throws Exception {
    String out =
        capture(() -> ExtractWriteBenchmark.main(new String[] {"2000", "1", dir.toString()}));
    assertThat(out).contains("round 1:").contains("ratio").contains("a 16 GB extract");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("the benchmark leaves no files behind").isEmpty();
    }
  }

  @Test
  void scaleRunWritesAndReadsBackEveryCertificate(@TempDir Path dir) throws Exception {
    String out = capture(() -> FullExtractScaleRun.main(new String[] {"3000", dir.toString()}));
    assertThat(out)
        .contains("full extract: 3000 certificates")
        .contains("verified read of 3000 entries");
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
