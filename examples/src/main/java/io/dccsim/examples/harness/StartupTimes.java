package io.dccsim.examples.harness;

import io.dccsim.sim.junit.SimulatorOptions;
import io.dccsim.sim.junit.internal.RunningSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures how long the JUnit extension takes to start a simulator: the first start in a fresh JVM
 * (class loading, key generation, Netty) and the ones after it. A shared simulator pays the first
 * cost once per test run.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java
 * -Dexec.mainClass=io.dccsim.examples.harness.StartupTimes}
 */
public final class StartupTimes {
  private StartupTimes() {}

  /** Starts and closes {@code args[0]} simulators (default 10) and prints each start-up time. */
  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<Duration> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try (RunningSimulator sim = RunningSimulator.start(SimulatorOptions.DEFAULTS)) {
        times.add(sim.startup());
      }
    }
    System.out.printf("first start: %d ms%n", times.get(0).toMillis());
    if (runs > 1) {
      List<Long> rest = times.subList(1, runs).stream().map(Duration::toMillis).sorted().toList();
      System.out.printf(
          "next %d starts: median %d ms, min %d ms, max %d ms%n",
          rest.size(), rest.get(rest.size() / 2), rest.get(0), rest.get(rest.size() - 1));
    }
  }
}
