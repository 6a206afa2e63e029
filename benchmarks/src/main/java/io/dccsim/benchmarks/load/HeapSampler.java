package io.dccsim.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples this JVM's used heap at a fixed interval while a run goes on. The lowest sample of each
 * window approximates the live set, so a line of window minima that does not climb means memory is
 * flat.
 */
public final class HeapSampler implements AutoCloseable {
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<Long> samples = new ArrayList<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "heap-sampler");
            t.setDaemon(true);
            return t;
          });

  /** Starts sampling every {@code intervalMillis}. */
  public HeapSampler(long intervalMillis) {
    timer.scheduleAtFixedRate(this::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void sample() {
    long used = memory.getHeapMemoryUsage().getUsed();
    synchronized (samples) {
      samples.add(used);
    }
  }

  /** The samples so far, in bytes. */
  public List<Long> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /** The lowest sample of each consecutive window of {@code window} samples, in MiB. */
  public List<Long> windowMinimaMiB(int window) {
    List<Long> all = samples();
    List<Long> out = new ArrayList<>();
    for (int i = 0; i + window <= all.size(); i += window) {
      long min = Long.MAX_VALUE;
      for (int j = i; j < i + window; j++) {
        min = Math.min(min, all.get(j));
      }
      out.add(min / (1024 * 1024));
    }
    return out;
  }

  /** The highest sample, in MiB. */
  public long peakMiB() {
    return samples().stream().mapToLong(Long::longValue).max().orElse(0) / (1024 * 1024);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
