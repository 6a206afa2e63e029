package io.dccsim.smki.repository.bulk;

import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.RepositoryConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Measures the H2 file repository at scale: loads N synthetic device certificates, times lookups by
 * serial, by issuer and serial and by device EUI, streams a full scan, and reports the peak heap.
 *
 * <pre>
 * java -Xmx256m -cp CLASSPATH io.dccsim.smki.repository.bulk.ScaleRun \
 *     --dir target/scale --count 1000000 [--lookups 10000] [--batch 5000] [--seed 1] \
 *     [--sync true|false]
 * </pre>
 *
 * <p>A store already holding the records is reused (the load is then idempotent and quick), so the
 * lookups and the scan can be measured again without reloading.
 */
public final class ScaleRun {

  private ScaleRun() {}

  /** Runs; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path dir = Path.of("target", "scale");
    long count = 1_000_000;
    int lookups = 10_000;
    int batch = 5_000;
    long seed = 1;
    boolean sync = true;
    for (int i = 0; i < args.length; i++) {
      String value = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--dir" -> dir = Path.of(value);
        case "--count" -> count = Long.parseLong(value);
        case "--lookups" -> lookups = Integer.parseInt(value);
        case "--batch" -> batch = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--sync" -> sync = Boolean.parseBoolean(value);
        default -> {
          out.println(
              "usage: ScaleRun [--dir DIR] [--count N] [--lookups N] [--batch N] [--seed N]"
                  + " [--sync true|false]");
          return;
        }
      }
      i++;
    }
    HeapSampler heap = new HeapSampler();
    heap.start();
    SyntheticDeviceRecords source = SyntheticDeviceRecords.withSeed(seed);
    out.printf(
        Locale.ROOT,
        "ScaleRun: %,d device certificates into %s, max heap %,d MiB%n",
        count,
        dir.toAbsolutePath(),
        Runtime.getRuntime().maxMemory() >> 20);

    try (CertificateRepository repo =
        CertificateRepositories.open(RepositoryConfig.h2File(dir).withSyncEachWrite(sync))) {
      long start = System.nanoTime();
      long added;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Loading")
              .setInitialMax(count)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" certs", 1)
              .setUpdateIntervalMillis(1_000)
              .continuousUpdate()
              .build()) {
        added =
            new BulkLoader(repo, batch).load(source, count, (offered, n) -> bar.stepTo(offered));
      }
      double loadSeconds = seconds(System.nanoTime() - start);
      out.printf(
          Locale.ROOT,
          "load: %,d new of %,d in %.1f s (%,.0f certificates/s)%n",
          added,
          count,
          loadSeconds,
          count / Math.max(loadSeconds, 1e-9));

      SplittableRandom random = new SplittableRandom(seed * 7 + 3);
      long[] sample = new long[lookups];
      for (int i = 0; i < lookups; i++) {
        sample[i] = random.nextLong(count);
      }
      // Warm up the code paths before timing.
      for (int i = 0; i < Math.min(1_000, lookups); i++) {
        repo.findBySerial(source.serial(sample[i]));
      }

      start = System.nanoTime();
      for (long index : sample) {
        BigInteger serial = source.serial(index);
        if (repo.findBySerial(serial).isEmpty()) {
          throw new IllegalStateException("serial not found: " + serial.toString(16));
        }
      }
      report(out, "findBySerial", System.nanoTime() - start, lookups);

      start = System.nanoTime();
      for (long index : sample) {
        if (repo.findByIssuerAndSerial(source.issuer(), source.serial(index)).isEmpty()) {
          throw new IllegalStateException("issuer and serial not found: " + index);
        }
      }
      report(out, "findByIssuerAndSerial", System.nanoTime() - start, lookups);

      start = System.nanoTime();
      for (long index : sample) {
        if (repo.search(CertificateQuery.bySubjectAltNameEui(source.deviceEui(index))).size()
            != 1) {
          throw new IllegalStateException("device EUI not found: " + source.deviceEui(index));
        }
      }
      report(out, "search by device EUI", System.nanoTime() - start, lookups);

      start = System.nanoTime();
      long total = repo.count();
      long inUse = repo.count(CertificateStatus.IN_USE);
      out.printf(
          Locale.ROOT,
          "count: %,d (in use %,d) in %.1f ms%n",
          total,
          inUse,
          (System.nanoTime() - start) / 1e6);

      start = System.nanoTime();
      BigInteger[] previous = {BigInteger.ZERO};
      long scanned =
          repo.scan(
              (CertificateRecord r) -> {
                if (r.serial().compareTo(previous[0]) <= 0) {
                  throw new IllegalStateException("scan out of order at " + r.serialHex());
                }
                previous[0] = r.serial();
              });
      double scanSeconds = seconds(System.nanoTime() - start);
      out.printf(
          Locale.ROOT,
          "scan: %,d records in order in %.1f s (%,.0f records/s)%n",
          scanned,
          scanSeconds,
          scanned / Math.max(scanSeconds, 1e-9));
    }
    out.printf(Locale.ROOT, "store size: %,d MiB%n", directorySize(dir) >> 20);
    heap.interrupt();
    System.gc(); // what the run retains, as opposed to garbage not yet collected
    out.printf(
        Locale.ROOT,
        "heap: peak used %,d MiB (sampled every 10 ms), used after a final GC %,d MiB, max %,d MiB%n",
        heap.peak >> 20,
        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** Samples the used heap and keeps the largest value seen. */
  private static final class HeapSampler extends Thread {
    private volatile long peak;

    HeapSampler() {
      super("heap-sampler");
      setDaemon(true);
    }

    @Override
    public void run() {
      while (!isInterrupted()) {
        peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private static void report(PrintStream out, String what, long nanos, int n) {
    out.printf(
        Locale.ROOT, "%s: %,d lookups, average %.1f µs%n", what, n, nanos / 1e3 / Math.max(n, 1));
  }

  private static double seconds(long nanos) {
    return nanos / (double) TimeUnit.SECONDS.toNanos(1);
  }

  private static long directorySize(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
