package io.dccsim.benchmarks.extract;

import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.RetentionPolicy;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Extract writing beside the disk's plain sequential write of the same number of bytes, in the same
 * run and the same directory: the ratio says how close the extract writer (encoding, SHA-256 twice,
 * fsync, rename) comes to the disk. Both sides end with an fsync.
 *
 * <pre>
 * java -Xmx256m -cp ... io.dccsim.benchmarks.extract.ExtractWriteBenchmark 1000000 3 /tmp/bench
 * </pre>
 */
public final class ExtractWriteBenchmark {
  private ExtractWriteBenchmark() {}

  /** Arguments: certificates (default 1,000,000), rounds (default 3), directory (default temp). */
  public static void main(String[] args) throws Exception {
    long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("dccsim-bench");
    Files.createDirectories(dir);
    double bestExtract = 0;
    double bestPlain = 0;
    for (int round = 1; round <= rounds; round++) {
      Path extracts = Files.createTempDirectory(dir, "extract-");
      ExtractPublisher publisher =
          new ExtractPublisher(
              new SyntheticRepository(count),
              new ExtractDirectory(extracts),
              Clock.systemUTC(),
              RetentionPolicy.keepFullExtracts(1),
              ExtractPublisher.DEFAULT_MAX_CHANGED);
      long t0 = System.nanoTime();
      ExtractManifest m = publisher.publish(ExtractKind.FULL, Optional.empty());
      double extractSeconds = (System.nanoTime() - t0) / 1e9;
      Path file = publisher.directory().file(m.fileName());
      long bytes = Files.size(file);
      Files.delete(file);
      Files.delete(publisher.directory().digestFile(m.fileName()));

      Path plain = dir.resolve("plain-" + round + ".bin");
      double plainSeconds = plainWrite(plain, bytes);
      Files.delete(plain);
      Files.delete(extracts);

      double extractRate = bytes / extractSeconds / 1048576;
      double plainRate = bytes / plainSeconds / 1048576;
      bestExtract = Math.max(bestExtract, extractRate);
      bestPlain = Math.max(bestPlain, plainRate);
      System.out.printf(
          "round %d: %d bytes; extract %.2f s (%.0f MiB/s), plain write %.2f s (%.0f MiB/s),"
              + " ratio %.0f%%%n",
          round,
          bytes,
          extractSeconds,
          extractRate,
          plainSeconds,
          plainRate,
          100 * extractRate / plainRate);
    }
    System.out.printf(
        "best: extract %.0f MiB/s, plain %.0f MiB/s, ratio %.0f%%; a 16 GB extract: %.1f min"
            + " (plain write %.1f min)%n",
        bestExtract,
        bestPlain,
        100 * bestExtract / bestPlain,
        16e9 / (bestExtract * 1048576) / 60,
        16e9 / (bestPlain * 1048576) / 60);
  }

  /** Writes {@code bytes} of random-looking data in 256 KiB blocks, then forces it to disk. */
  static double plainWrite(Path file, long bytes) throws IOException {
    byte[] block = new byte[256 * 1024];
    ThreadLocalRandom.current().nextBytes(block);
    ByteBuffer buf = ByteBuffer.wrap(block);
    long t0 = System.nanoTime();
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long left = bytes;
      while (left > 0) {
        buf.clear().limit((int) Math.min(block.length, left));
        while (buf.hasRemaining()) {
          left -= ch.write(buf);
        }
      }
      ch.force(true);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
