package io.dccsim.sim.junit.internal;

import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.control.BaselineSetting;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.control.ControlServer;
import io.dccsim.sim.control.HarnessState;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.junit.SimulatorOptions;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One simulator started for tests, with the harness state around it, kept in a JUnit store and
 * closed with it.
 */
public final class RunningSimulator implements AutoCloseable {
  /** Where the clock starts when the options do not say: the morning of the June 2021 go-live. */
  public static final Instant DEFAULT_START = Instant.parse("2021-06-24T08:00:00Z");

  private final SimulatorOptions options;
  private final Simulator simulator;
  private final HarnessState state;
  private final CoverageOverlay coverage;
  private final Optional<ControlServer> control;
  private final Duration startup;
  // Tests sharing a simulator that resets between tests take turns; a semaphore, not a lock,
  // because JUnit may release it from another thread than the one that acquired it.
  private final RequestCounter counter = RequestCounter.fromClock(Clock.systemUTC());
  private final Semaphore turn = new Semaphore(1, true);

  private RunningSimulator(
      SimulatorOptions options,
      Simulator simulator,
      HarnessState state,
      CoverageOverlay coverage,
      Optional<ControlServer> control,
      Duration startup) {
    this.options = options;
    this.simulator = simulator;
    this.state = state;
    this.coverage = coverage;
    this.control = control;
    this.startup = startup;
  }

  /** Starts a simulator as the options say, measuring how long it takes. */
  public static RunningSimulator start(SimulatorOptions options) {
    long t0 = System.nanoTime(); // elapsed-time measurement, not domain time
    SimulatedClock clock =
        SimulatedClock.advancing(
            Clock.systemUTC(), options.startAt().orElse(DEFAULT_START), options.clockRate());
    Simulator simulator =
        Simulator.builder().clock(clock).baselinePolicy(options.baselinePolicy()).start();
    try {
      CoverageOverlay coverage = new CoverageOverlay(simulator.coverage());
      Scenarios scenarios = Scenarios.seeded(options.seed());
      RequestJournal journal = new RequestJournal(options.journalCapacity());
      Runnable install =
          () -> {
            simulator.coverage(coverage);
            simulator.interventions(scenarios);
          };
      install.run();
      simulator.addExchangeListener(journal);
      HarnessState state =
          new HarnessState(
              journal,
              scenarios,
              clock,
              options.baselinePolicy(),
              BaselineSetting.of(simulator::baselinePolicy, simulator::baselinePolicy),
              Optional.of(coverage),
              Optional.of(simulator.users()),
              () -> {
                simulator.forgetRequestCounters();
                simulator.schedules().clear();
                simulator.deviceBehaviours().reset();
                // A test may have swapped the simulator's coverage model or interventions
                // through the handle: put the harness's own back.
                install.run();
              });
      state
          .userCredentials(simulator.userCredentials())
          .catalogue(simulator.catalogue())
          .inventory(simulator.inventory())
          .schedules(simulator.schedules())
          .deviceBehaviours(simulator.deviceBehaviours())
          .alerts(simulator.alerts())
          .deviceCredentials(simulator.deviceCredentials())
          .deliveries(simulator.outbox());
      Optional<ControlServer> control =
          options.controlApi()
              ? Optional.of(
                  ControlServer.start(
                      state,
                      BearerToken.random(),
                      new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0),
                      java.util.List.of(),
                      Optional.of(io.dccsim.sim.console.Console.builder(state, simulator).build())))
              : Optional.empty();
      return new RunningSimulator(
          options, simulator, state, coverage, control, Duration.ofNanos(System.nanoTime() - t0));
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
  }

  /** The request counter shared by the clients the handle makes with a chosen baseline. */
  public RequestCounter requestCounter() {
    return counter;
  }

  /** The simulator itself. */
  public Simulator simulator() {
    return simulator;
  }

  /** The options it was started with. */
  public SimulatorOptions options() {
    return options;
  }

  /** Journal, scenarios, clock and baseline. */
  public HarnessState state() {
    return state;
  }

  /** The coverage overlay in front of the simulator's coverage model. */
  public CoverageOverlay coverage() {
    return coverage;
  }

  /** The control API, when started. */
  public Optional<ControlServer> control() {
    return control;
  }

  /** How long starting took. */
  public Duration startup() {
    return startup;
  }

  /** Waits for this test's turn (bounded, so a stuck test cannot hang the run forever). */
  public void awaitTurn() throws InterruptedException {
    if (!turn.tryAcquire(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "Waited 10 minutes for another test sharing the simulator to finish");
    }
  }

  /** Ends this test's turn. */
  public void endTurn() {
    turn.release();
  }

  private io.dccsim.sim.junit.Inbox inbox;

  /** The test supplier's inbox, started and registered on first use. */
  public synchronized io.dccsim.sim.junit.Inbox inbox() {
    if (inbox == null) {
      inbox = io.dccsim.sim.junit.Inbox.start(simulator.dccCertificate());
      simulator.receiveUrl(simulator.testSupplier().eui(), inbox.url());
    }
    return inbox;
  }

  /** Empties the inbox, if there is one (between tests). */
  public synchronized void clearInbox() {
    if (inbox != null) {
      inbox.clear();
    }
  }

  @Override
  public void close() {
    try {
      control.ifPresent(ControlServer::close);
    } finally {
      try {
        simulator.close();
      } finally {
        synchronized (this) {
          if (inbox != null) {
            inbox.close();
          }
        }
      }
    }
  }
}
