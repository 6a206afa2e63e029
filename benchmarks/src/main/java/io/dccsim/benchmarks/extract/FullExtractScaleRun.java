package io.dccsim.benchmarks.extract;

import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.extract.RetentionPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Publishes one full extract of a synthetic repository and reads it back, printing time, throughput
 * and peak heap. Run with a small heap to show that memory stays bounded:
 *
 * <pre>
 * java -Xmx256m -cp ... io.dccsim.benchmarks.extract.FullExtractScaleRun 1000000 /tmp/extracts
 * </pre>
 */
public final class FullExtractScaleRun {
  private FullExtractScaleRun() {}

  /** Arguments: certificate count (default 1,000,000), directory (default a new temp dir). */
  public static void main(String[] args) throws Exception {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("dccsim-extracts");
    ExtractPublisher publisher =
        new ExtractPublisher(
            new SyntheticRepository(count),
            new ExtractDirectory(dir),
            Clock.systemUTC(),
            RetentionPolicy.keepFullExtracts(1),
            ExtractPublisher.DEFAULT_MAX_CHANGED);
    long t0 = System.nanoTime();
    ExtractManifest m = publisher.publish(ExtractKind.FULL, Optional.empty());
    double write = (System.nanoTime() - t0) / 1e9;
    long bytes = Files.size(publisher.directory().file(m.fileName()));
    long[] seen = {0};
    long t1 = System.nanoTime();
    ExtractReader.open(dir).replay(r -> seen[0]++);
    double read = (System.nanoTime() - t1) / 1e9;
    double mib = bytes / 1048576.0;
    System.out.printf(
        "full extract: %d certificates, %.1f MiB, written and published in %.2f s (%.0f MiB/s,"
            + " %.0f certificates/s)%n",
        m.entryCount(), mib, write, mib / write, m.entryCount() / write);
    System.out.printf(
        "verified read of %d entries: %.2f s (%.0f MiB/s)%n", seen[0], read, mib / read);
    System.out.printf(
        "max heap %d MiB, peak heap used %d MiB%n",
        Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
    System.out.printf(
        "a 16 GB extract at this rate: %.1f minutes to write%n", 16e9 / (bytes / write) / 60);
  }

  static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
