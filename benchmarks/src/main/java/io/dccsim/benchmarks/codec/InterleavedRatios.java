package io.dccsim.benchmarks.codec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The codec goals measured by taking turns: the full paths and their bare crypto run in short
 * alternating blocks in one JVM, so a machine whose load changes during the run (a shared machine)
 * slows them alike and their ratio stays meaningful. A complement to {@link DuisCodecBenchmark},
 * whose benchmarks run one after another.
 *
 * <p>Usage: {@code benchmarks/run main io.dccsim.benchmarks.codec.InterleavedRatios [rounds]}.
 */
public final class InterleavedRatios {
  private static final int BLOCK = 200;

  private InterleavedRatios() {}

  /** A step measured in turns. */
  @FunctionalInterface
  public interface Step {
    /** Does the work once. */
    void run() throws Exception;
  }

  /** Runs {@code args[0]} rounds (default 60, the first third discarded as warm-up). */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    DuisCodecBenchmark bench = new DuisCodecBenchmark();
    bench.setUp();
    DuisCodecBenchmark.ResponseSide flat = side(bench, "5.1");
    DuisCodecBenchmark.ResponseSide perRegion = side(bench, "5.4");

    Map<String, Step> steps = new LinkedHashMap<>();
    steps.put("bareVerify", bench::bareVerify);
    steps.put("bareSign", bench::bareSign);
    steps.put("receiveRequest", bench::receiveRequest);
    steps.put("receiveRequestTwoPass", bench::receiveRequestTwoPass);
    steps.put("sendResponse 5.1", () -> bench.sendResponse(flat));
    steps.put("sendResponse 5.4", () -> bench.sendResponse(perRegion));
    steps.put("parseOnly", bench::parseOnly);
    steps.put("validateOnly", bench::validateOnly);
    steps.put("parseValidatedOnly", bench::parseValidatedOnly);
    steps.put("verifyOnly", bench::verifyOnly);
    steps.put("decodeOnly", bench::decodeOnly);
    steps.put("buildAndSignResponse 5.1", () -> bench.buildAndSignResponse(flat));
    steps.put("serialiseResponseOnly 5.1", () -> bench.serialiseResponseOnly(flat));

    Map<String, Double> micros = measure(steps, rounds);
    for (Map.Entry<String, Double> e : micros.entrySet()) {
      System.out.printf(
          Locale.ROOT,
          "%-28s %9.1f us/op %9.0f ops/s%n",
          e.getKey(),
          e.getValue(),
          1e6 / e.getValue());
    }
    double verify = micros.get("bareVerify");
    double sign = micros.get("bareSign");
    System.out.printf(
        Locale.ROOT,
        "%nreceiveRequest / bareVerify cost:   %.2f (goal <= 1.30)%n"
            + "  the same with two passes:         %.2f%n"
            + "sendResponse 5.1 / bareSign cost: %.2f (goal <= 1.30)%n"
            + "sendResponse 5.4 / bareSign cost: %.2f (goal <= 1.30)%n",
        micros.get("receiveRequest") / verify,
        micros.get("receiveRequestTwoPass") / verify,
        micros.get("sendResponse 5.1") / sign,
        micros.get("sendResponse 5.4") / sign);
  }

  private static DuisCodecBenchmark.ResponseSide side(DuisCodecBenchmark bench, String version) {
    DuisCodecBenchmark.ResponseSide side = new DuisCodecBenchmark.ResponseSide();
    side.schemaVersion = version;
    side.setUp(bench);
    return side;
  }

  /**
   * Runs the steps in turns, {@code rounds} times each in blocks of 200 operations, and returns the
   * microseconds per operation of each, from the rounds after the first third.
   */
  public static Map<String, Double> measure(Map<String, Step> steps, int rounds) throws Exception {
    Map<String, long[]> totals = new LinkedHashMap<>();
    steps.keySet().forEach(k -> totals.put(k, new long[2]));
    int warmUp = rounds / 3;
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Step> e : steps.entrySet()) {
        Step step = e.getValue();
        long start = System.nanoTime();
        for (int i = 0; i < BLOCK; i++) {
          step.run();
        }
        long elapsed = System.nanoTime() - start;
        if (round >= warmUp) {
          long[] t = totals.get(e.getKey());
          t[0] += elapsed;
          t[1] += BLOCK;
        }
      }
    }
    Map<String, Double> micros = new LinkedHashMap<>();
    totals.forEach((k, t) -> micros.put(k, t[1] == 0 ? Double.NaN : t[0] / 1000.0 / t[1]));
    return micros;
  }
}
