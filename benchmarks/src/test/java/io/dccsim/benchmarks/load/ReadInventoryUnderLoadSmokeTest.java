package io.dccsim.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.smki.repository.PostgresTestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SR 8.2 under load with 6,000 devices for a couple of seconds, so the benchmark cannot rot:
 * structure (every request answered I0, the store held the estate), never timings.
 */
class ReadInventoryUnderLoadSmokeTest {

  @Test
  void answersEveryRequestWithAnInventoryOnH2(@TempDir Path dir) throws Exception {
    ReadInventoryUnderLoad.Result first = run("h2", "--dir", dir.toString());
    assertEveryRequestAnswered(first);
    assertThat(first.loadSeconds()).isPositive();
    // A second run finds the estate in the store and reuses it.
    ReadInventoryUnderLoad.Result again = run("h2", "--dir", dir.toString());
    assertEveryRequestAnswered(again);
    assertThat(again.loadSeconds()).isZero();
  }

  @Test
  void answersEveryRequestWithAnInventoryOnPostgres() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    assertEveryRequestAnswered(run("postgres"));
  }

  private static ReadInventoryUnderLoad.Result run(String store, String... more) throws Exception {
    String[] base = {
      "--store",
      store,
      "--devices",
      "6000",
      "--rate",
      "40",
      "--seconds",
      "2",
      "--warmup",
      "1",
      "--connections",
      "4"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return ReadInventoryUnderLoad.run(ReadInventoryUnderLoad.Options.parse(args));
  }

  private static void assertEveryRequestAnswered(ReadInventoryUnderLoad.Result r) {
    assertThat(r.devices()).isEqualTo(6000);
    assertThat(r.load().errors()).as(r.load().toString()).isZero();
    assertThat(r.load().completed()).as(r.load().toString()).isPositive();
    // One histogram entry per I0 answer, and no more answers than were due in the window.
    assertThat(r.load().latency().getTotalCount()).isEqualTo(r.load().completed());
    assertThat(r.load().completed()).isLessThanOrEqualTo(40 * 2 + 40);
    assertThat(r.peakHeapMiB()).isPositive().isLessThanOrEqualTo(r.maxHeapMiB());
  }
}
