package io.dccsim.benchmarks.load;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * What one load run measured.
 *
 * @param target the target's label
 * @param mode closed-loop or open-loop at a rate
 * @param completed responses received with a 2xx status
 * @param errors non-2xx responses, connection failures and timeouts
 * @param elapsed the measured window
 * @param latency latencies in microseconds (from the intended send time in open-loop runs)
 */
public record LoadResult(
    String target, String mode, long completed, long errors, Duration elapsed, Histogram latency) {

  /** Successful responses per second. */
  public double throughput() {
    return completed / (elapsed.toNanos() / 1e9);
  }

  /** A latency percentile in milliseconds. */
  public double percentileMillis(double percentile) {
    return latency.getValueAtPercentile(percentile) / 1000.0;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "%s [%s]: %.0f/s, %d ok, %d errors, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
        target,
        mode,
        throughput(),
        completed,
        errors,
        percentileMillis(50),
        percentileMillis(99),
        percentileMillis(99.9),
        latency.getMaxValue() / 1000.0);
  }
}
