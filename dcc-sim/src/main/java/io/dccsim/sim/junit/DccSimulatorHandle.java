package io.dccsim.sim.junit;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.junit.internal.RunningSimulator;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * What a test sees of its simulator: injected by {@link DccSimulatorExtension} into any test,
 * lifecycle or constructor parameter of this type.
 */
public final class DccSimulatorHandle {
  private final RunningSimulator running;

  DccSimulatorHandle(RunningSimulator running) {
    this.running = running;
  }

  /** The request journal, for queries and verification. */
  public RequestJournal journal() {
    return running.state().journal();
  }

  /** The scenarios: answers and faults for postcodes, UPRNs and originators. */
  public Scenarios scenarios() {
    return running.state().scenarios();
  }

  /** SR 12.1 answers for named postcodes and UPRNs (covered, not covered, unknown, not found). */
  public CoverageOverlay coverage() {
    return running.coverage();
  }

  /** The simulated clock: set, advance, freeze, rate. */
  public SimulatedClock clock() {
    return running.state().clock();
  }

  /** The baseline policy in force now. */
  public BaselinePolicy baselinePolicy() {
    return running.state().baselinePolicy();
  }

  /** The baseline in force at the simulated time now. */
  public Baseline baseline() {
    return baselinePolicy().current(clock());
  }

  /** Pins the baseline whatever the date (until unpinned or reset). */
  public void pinBaseline(Baseline baseline) {
    running.state().pinBaseline(baseline);
  }

  /** Returns to the configured baseline policy. */
  public void unpinBaseline() {
    running.state().unpinBaseline();
  }

  /** Resets journal, scenarios, coverage overlay, clock and baseline now. */
  public void reset() {
    running.state().reset();
  }

  /** The control API's base URI ({@code http://127.0.0.1:<port>/control/}), when started. */
  public Optional<URI> controlUri() {
    return running.control().map(c -> c.baseUri());
  }

  /** The control API's token, when started. */
  public Optional<BearerToken> controlToken() {
    return running.control().map(c -> c.token());
  }

  /** How long this simulator took to start. */
  public Duration startupTime() {
    return running.startup();
  }

  /** The options it was started with. */
  public SimulatorOptions options() {
    return running.options();
  }
}
