package io.dccsim.benchmarks.crypto;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The machine's crypto limit for one DUIS exchange (one ECDSA P-256 verify of the request plus one
 * sign of the response) on one provider, measured by JMH on all cores.
 *
 * @param provider the JMH parameter of {@link EcdsaBenchmark}: {@code ACCP}, {@code BC}, {@code
 *     SunEC}
 * @param signPerSecond signatures per second, all threads together
 * @param verifyPerSecond verifications per second, all threads together
 * @param threads the JMH threads used
 */
public record CryptoLimit(
    String provider, double signPerSecond, double verifyPerSecond, int threads) {

  /** The benchmark's name for the provider the simulator's DUIS signatures run on. */
  public static String inUse() {
    return io.dccsim.core.signature.EcdsaProvider.inUse().equals("accp") ? "ACCP" : "BC";
  }

  /**
   * The limit on the provider in use and on each other candidate that loads (ACCP, BC), so a caller
   * can state ratios against both; the first is the one in use.
   */
  public static java.util.List<CryptoLimit> measureCandidates(int threads, boolean quick)
      throws RunnerException {
    java.util.List<CryptoLimit> out = new java.util.ArrayList<>();
    out.add(measure(inUse(), threads, quick));
    for (String p : java.util.List.of("ACCP", "BC")) {
      if (!p.equals(inUse())
          && (p.equals("BC")
              || io.dccsim.core.signature.EcdsaProvider.accpUnavailable().isEmpty())) {
        out.add(measure(p, threads, quick));
      }
    }
    return out;
  }

  /** The fastest of {@code limits}. */
  public static CryptoLimit fastest(java.util.List<CryptoLimit> limits) {
    return limits.stream()
        .max(java.util.Comparator.comparingDouble(CryptoLimit::exchangesPerSecond))
        .orElseThrow();
  }

  /** Exchanges per second if the machine did nothing but one verify and one sign for each. */
  public double exchangesPerSecond() {
    return 1.0 / (1.0 / signPerSecond + 1.0 / verifyPerSecond);
  }

  /** The limit on the provider in use. */
  public static CryptoLimit measure(int threads, boolean quick) throws RunnerException {
    return measure(inUse(), threads, quick);
  }

  /**
   * Runs {@link EcdsaBenchmark} sign and verify on {@code provider} with {@code threads} threads.
   *
   * @param quick a smoke run (fractions of a second, no fork) rather than a measurement
   */
  public static CryptoLimit measure(String provider, int threads, boolean quick)
      throws RunnerException {
    ChainedOptionsBuilder opts =
        new OptionsBuilder()
            .include(EcdsaBenchmark.class.getName() + "\\.(sign|verify)$")
            .param("provider", provider)
            .threads(threads)
            .shouldFailOnError(true);
    if (quick) {
      opts.forks(0)
          .warmupIterations(1)
          .warmupTime(TimeValue.milliseconds(100))
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(200));
    } else {
      opts.forks(1)
          .warmupIterations(2)
          .warmupTime(TimeValue.seconds(2))
          .measurementIterations(3)
          .measurementTime(TimeValue.seconds(3));
    }
    Collection<RunResult> results = new Runner(opts.build()).run();
    double sign = 0;
    double verify = 0;
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      double score = r.getPrimaryResult().getScore();
      if (label.endsWith(".sign")) {
        sign = score;
      } else if (label.endsWith(".verify")) {
        verify = score;
      }
    }
    if (sign <= 0 || verify <= 0) {
      throw new IllegalStateException("JMH returned no sign/verify score");
    }
    return new CryptoLimit(provider, sign, verify, threads);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "P-256 on %s, %d threads: sign %.0f/s, verify %.0f/s => %.0f exchanges/s",
        provider,
        threads,
        signPerSecond,
        verifyPerSecond,
        exchangesPerSecond());
  }
}
