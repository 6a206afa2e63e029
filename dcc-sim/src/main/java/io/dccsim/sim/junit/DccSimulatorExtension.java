package io.dccsim.sim.junit;

import io.dccsim.sim.junit.internal.RunningSimulator;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension that runs tests against an in-process simulated DCC.
 *
 * <p>Declaratively, with {@link DccSimulatorTest} (options on the annotation). Programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final DccSimulatorExtension DCC =
 *     DccSimulatorExtension.builder().startAt(Instant.parse("2021-06-23T09:00:00Z")).build();
 * }</pre>
 *
 * <p>A shared simulator lives in the root {@link ExtensionContext.Store} (one per distinct {@link
 * SimulatorOptions}) and is closed at the end of the run; otherwise it lives in the test class's
 * store and is closed after the class. When state is reset between tests, tests sharing one
 * simulator take turns, so parallel execution stays correct; opt out of the reset to let them run
 * concurrently (and narrow verifications with {@code afterSequence}). No static mutable state.
 */
public final class DccSimulatorExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DccSimulatorExtension.class);
  private static final String TURN_TAKEN = "turn-taken";

  private final Optional<SimulatorOptions> options;

  /** The declarative form: options come from {@link DccSimulatorTest}, or the defaults. */
  public DccSimulatorExtension() {
    this.options = Optional.empty();
  }

  private DccSimulatorExtension(SimulatorOptions options) {
    this.options = Optional.of(options);
  }

  /** A builder for the programmatic form. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    running(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws InterruptedException {
    RunningSimulator sim = running(context);
    if (!sim.options().resetBetweenTests()) {
      return;
    }
    sim.awaitTurn();
    try {
      sim.state().reset();
      sim.clearInbox();
    } catch (RuntimeException e) {
      sim.endTurn();
      throw e;
    }
    context.getStore(NAMESPACE).put(TURN_TAKEN, sim);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    RunningSimulator sim = context.getStore(NAMESPACE).remove(TURN_TAKEN, RunningSimulator.class);
    if (sim != null) {
      sim.endTurn();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == DccSimulatorHandle.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return new DccSimulatorHandle(running(context));
  }

  private RunningSimulator running(ExtensionContext context) {
    SimulatorOptions opts = options.orElseGet(() -> annotated(context));
    ExtensionContext owner = opts.shared() ? context.getRoot() : outermostClass(context);
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(opts, RunningSimulator::start, RunningSimulator.class);
  }

  private static SimulatorOptions annotated(ExtensionContext context) {
    Optional<Class<?>> cls = context.getTestClass();
    while (cls.isPresent()) {
      Optional<DccSimulatorTest> a =
          AnnotationSupport.findAnnotation(cls.get(), DccSimulatorTest.class);
      if (a.isPresent()) {
        return SimulatorOptions.of(a.get());
      }
      cls = Optional.ofNullable(cls.get().getEnclosingClass());
    }
    return SimulatorOptions.DEFAULTS;
  }

  private static ExtensionContext outermostClass(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getParent().isPresent() && c.getParent().get().getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  /** Builds a programmatically registered extension; unset options take the defaults. */
  public static final class Builder {
    private boolean shared = SimulatorOptions.DEFAULTS.shared();
    private boolean resetBetweenTests = SimulatorOptions.DEFAULTS.resetBetweenTests();
    private int journalCapacity = SimulatorOptions.DEFAULTS.journalCapacity();
    private Optional<Instant> startAt = SimulatorOptions.DEFAULTS.startAt();
    private double clockRate = SimulatorOptions.DEFAULTS.clockRate();
    private String baseline = SimulatorOptions.DEFAULTS.baseline();
    private long seed = SimulatorOptions.DEFAULTS.seed();
    private boolean controlApi = SimulatorOptions.DEFAULTS.controlApi();

    private Builder() {}

    /** One simulator per run (true, the default) or per test class. */
    public Builder shared(boolean shared) {
      this.shared = shared;
      return checked();
    }

    /** Reset state before each test (true, the default). */
    public Builder resetBetweenTests(boolean reset) {
      this.resetBetweenTests = reset;
      return checked();
    }

    /** The journal's capacity. */
    public Builder journalCapacity(int capacity) {
      this.journalCapacity = capacity;
      return checked();
    }

    /** Where the simulated clock starts. */
    public Builder startAt(Instant start) {
      this.startAt = Optional.of(Objects.requireNonNull(start, "start"));
      return checked();
    }

    /** Simulated seconds per real second (0 frozen). */
    public Builder clockRate(double rate) {
      this.clockRate = rate;
      return checked();
    }

    /** {@code by-date}, {@code JUNE_2021} or {@code PRE_JUNE_2021}. */
    public Builder baseline(String baseline) {
      this.baseline = baseline;
      return checked();
    }

    /** The seed of random delays. */
    public Builder seed(long seed) {
      this.seed = seed;
      return checked();
    }

    /** Also start the control API on its own loopback port. */
    public Builder controlApi(boolean controlApi) {
      this.controlApi = controlApi;
      return checked();
    }

    /** The extension. */
    public DccSimulatorExtension build() {
      return new DccSimulatorExtension(options());
    }

    // Each setter validates at once, so a bad option is reported where it is written.
    private Builder checked() {
      options();
      return this;
    }

    private SimulatorOptions options() {
      return new SimulatorOptions(
          shared,
          resetBetweenTests,
          journalCapacity,
          startAt,
          clockRate,
          baseline,
          seed,
          controlApi);
    }
  }
}
