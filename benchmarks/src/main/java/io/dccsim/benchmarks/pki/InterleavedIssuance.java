package io.dccsim.benchmarks.pki;

import io.dccsim.benchmarks.codec.InterleavedRatios;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The issuance goal measured by taking turns: each way of issuing and its limit (one P-256 key pair
 * plus one signature) run in short alternating blocks in one JVM, so a changing machine load slows
 * them alike. A complement to {@link IssuanceBenchmark}.
 *
 * <p>Usage: {@code benchmarks/run main io.dccsim.benchmarks.pki.InterleavedIssuance [rounds]}.
 */
public final class InterleavedIssuance {
  private InterleavedIssuance() {}

  /** Runs {@code args[0]} rounds (default 30, the first third discarded as warm-up). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    IssuanceBenchmark bench = new IssuanceBenchmark();
    bench.setUp();
    Map<String, InterleavedRatios.Step> steps = new LinkedHashMap<>();
    steps.put("keyPairAndSignature", bench::keyPairAndSignature);
    steps.put("deviceCertificate", bench::deviceCertificate);
    steps.put("deviceRecord", bench::deviceRecord);
    steps.put("organisationCertificate", bench::organisationCertificate);

    Map<String, Double> micros = InterleavedRatios.measure(steps, rounds);
    double limit = micros.get("keyPairAndSignature");
    for (Map.Entry<String, Double> e : micros.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "%-24s %9.1f us/op %8.0f ops/s %5.0f%% of the limit (goal >= 70%%)%n",
          e.getKey(),
          e.getValue(),
          1e6 / e.getValue(),
          100 * limit / e.getValue());
    }
  }
}
