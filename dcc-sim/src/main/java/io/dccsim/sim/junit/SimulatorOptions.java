package io.dccsim.sim.junit;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How the JUnit extension starts and treats its simulator. Two tests asking for equal options share
 * one simulator when {@link #shared()} is set.
 *
 * @param shared one simulator per test run for every class with equal options (true), or one per
 *     test class (false)
 * @param resetBetweenTests clear journal, scenarios and coverage overlay, restore the clock and
 *     unpin the baseline before each test; tests sharing a simulator then run one at a time
 * @param journalCapacity how many exchanges the journal retains
 * @param startAt where the simulated clock starts; empty for the simulator's default
 * @param clockRate simulated seconds per real second (0 frozen, 1 real time)
 * @param baseline the baseline policy: {@code by-date}, {@code JUNE_2021} or {@code PRE_JUNE_2021}
 * @param seed the seed of the scenarios' random delays
 * @param controlApi also start the control API on its own loopback port
 */
public record SimulatorOptions(
    boolean shared,
    boolean resetBetweenTests,
    int journalCapacity,
    Optional<Instant> startAt,
    double clockRate,
    String baseline,
    long seed,
    boolean controlApi) {

  /** The options used when none are given. */
  public static final SimulatorOptions DEFAULTS =
      new SimulatorOptions(
          true,
          true,
          RequestJournal.DEFAULT_CAPACITY,
          Optional.empty(),
          0.0,
          "by-date",
          Scenarios.DEFAULT_SEED,
          false);

  /** Validates. */
  public SimulatorOptions {
    Objects.requireNonNull(startAt, "startAt");
    Objects.requireNonNull(baseline, "baseline");
    if (journalCapacity < 1 || journalCapacity > RequestJournal.MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "journalCapacity is 1.." + RequestJournal.MAX_CAPACITY + ", not " + journalCapacity);
    }
    if (!(clockRate >= 0.0) || Double.isInfinite(clockRate)) {
      throw new IllegalArgumentException("clockRate is finite and not negative: " + clockRate);
    }
    BaselinePolicy.parse(baseline); // fails early, naming the accepted values
  }

  /** The baseline policy named by {@link #baseline()}. */
  public BaselinePolicy baselinePolicy() {
    return BaselinePolicy.parse(baseline);
  }

  /** Reads the options of a {@link DccSimulatorTest} annotation. */
  public static SimulatorOptions of(DccSimulatorTest a) {
    return new SimulatorOptions(
        a.shared(),
        a.resetBetweenTests(),
        a.journalCapacity(),
        a.startAt().isBlank() ? Optional.empty() : Optional.of(Instant.parse(a.startAt().strip())),
        a.clockRate(),
        a.baseline(),
        a.seed(),
        a.controlApi());
  }
}
