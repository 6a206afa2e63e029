package io.dccsim.sim.coverage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures loading a GB-scale coverage table: writes 1.7 million postcodes to a CSV file, loads it,
 * and prints the time and the heap the table holds. Run with the test classpath.
 */
public final class CoverageLoadMeasurement {
  private CoverageLoadMeasurement() {}

  /** Arguments: optional row count (default 1,700,000). */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_700_000;
    Path dir = Files.createTempDirectory("coverage-measure");
    Path file = dir.resolve("gb.csv");
    CoverageFiles.writeCsv(file, count);
    System.out.printf("file: %,d bytes, %,d postcodes%n", Files.size(file), count);
    Runtime rt = Runtime.getRuntime();
    long before = usedAfterGc(rt);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long startCpu = threads.getCurrentThreadCpuTime();
    CoverageTable table = CoverageTable.load(file);
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    long cpuMs = (threads.getCurrentThreadCpuTime() - startCpu) / 1_000_000;
    long after = usedAfterGc(rt);
    System.out.printf(
        "loaded %,d postcodes, %d distinct answer lists in %,d ms (%,d ms CPU);"
            + " table heap ~%,d MB (max heap %,d MB)%n",
        table.postcodeCount(),
        table.distinctAnswerLists(),
        elapsedMs,
        cpuMs,
        (after - before) / (1024 * 1024),
        rt.maxMemory() / (1024 * 1024));
    Files.delete(file);
    Files.delete(dir);
  }

  private static long usedAfterGc(Runtime rt) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
