package io.dccsim.sim.control;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.pipeline.UserRegistry;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The test-facing state of one simulator: journal, scenarios, clock and baseline, with a reset that
 * puts them back as they were made. The server reads {@link #baselinePolicy()} for each request, so
 * pinning takes effect at once.
 */
public final class HarnessState implements ControlledSimulator {
  private final RequestJournal journal;
  private final Scenarios scenarios;
  private final SimulatedClock clock;
  private final BaselinePolicy configuredPolicy;
  private final BaselineSetting policy;
  private final Instant initialInstant;
  private final double initialRate;
  private final Runnable onReset;
  private volatile io.dccsim.sim.service.DspSchedules schedules;
  private volatile io.dccsim.sim.service.DeviceBehaviours deviceBehaviours;
  private volatile io.dccsim.sim.service.Alerts alerts;
  private volatile io.dccsim.sim.delivery.ResponseDelivery deliveries;
  private volatile io.dccsim.sim.device.DeviceCredentials deviceCredentials;
  private final Optional<CoverageOverlay> coverage;
  private final Optional<UserRegistry> users;
  private volatile UserCredentials credentials;
  private volatile io.dccsim.core.inventory.DeviceInventory inventory;
  private volatile io.dccsim.core.message.ServiceCatalogue catalogue =
      io.dccsim.core.message.ServiceCatalogue.duis54();

  /**
   * State over these parts. The clock's instant and rate now are what {@link #reset()} restores.
   *
   * @param configuredPolicy the policy in force when not pinned
   * @param policy where the policy in force is kept (the server reads it for each request)
   * @param onReset anything else to reset with it (e.g. the server's own state); may do nothing
   */
  public HarnessState(
      RequestJournal journal,
      Scenarios scenarios,
      SimulatedClock clock,
      BaselinePolicy configuredPolicy,
      BaselineSetting policy,
      Runnable onReset) {
    this(journal, scenarios, clock, configuredPolicy, policy, Optional.empty(), onReset);
  }

  /**
   * State over these parts and a coverage overlay, which {@link #reset()} clears too.
   *
   * @see #HarnessState(RequestJournal, Scenarios, SimulatedClock, BaselinePolicy, BaselineSetting,
   *     Runnable)
   */
  public HarnessState(
      RequestJournal journal,
      Scenarios scenarios,
      SimulatedClock clock,
      BaselinePolicy configuredPolicy,
      BaselineSetting policy,
      Optional<CoverageOverlay> coverage,
      Runnable onReset) {
    this(journal, scenarios, clock, configuredPolicy, policy, coverage, Optional.empty(), onReset);
  }

  /**
   * State over these parts, a coverage overlay and the simulator's Users (which {@link #reset()}
   * leaves as they are: Users belong to the simulator, not to one test).
   *
   * @see #HarnessState(RequestJournal, Scenarios, SimulatedClock, BaselinePolicy, BaselineSetting,
   *     Runnable)
   */
  public HarnessState(
      RequestJournal journal,
      Scenarios scenarios,
      SimulatedClock clock,
      BaselinePolicy configuredPolicy,
      BaselineSetting policy,
      Optional<CoverageOverlay> coverage,
      Optional<UserRegistry> users,
      Runnable onReset) {
    this.users = Objects.requireNonNull(users, "users");
    this.coverage = Objects.requireNonNull(coverage, "coverage");
    this.journal = Objects.requireNonNull(journal, "journal");
    this.scenarios = Objects.requireNonNull(scenarios, "scenarios");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.configuredPolicy = Objects.requireNonNull(configuredPolicy, "configuredPolicy");
    this.policy = Objects.requireNonNull(policy, "policy");
    policy.set(configuredPolicy);
    this.onReset = Objects.requireNonNull(onReset, "onReset");
    this.initialInstant = clock.instant();
    this.initialRate = clock.rate();
  }

  /** Fresh state: a journal of {@code journalCapacity}, no scenarios, this clock, by date. */
  public static HarnessState create(int journalCapacity, SimulatedClock clock) {
    return new HarnessState(
        new RequestJournal(journalCapacity),
        new Scenarios(),
        clock,
        BaselinePolicy.byDate(),
        BaselineSetting.holding(BaselinePolicy.byDate()),
        () -> {});
  }

  @Override
  public RequestJournal journal() {
    return journal;
  }

  @Override
  public Scenarios scenarios() {
    return scenarios;
  }

  @Override
  public SimulatedClock clock() {
    return clock;
  }

  @Override
  public BaselinePolicy baselinePolicy() {
    return policy.get();
  }

  @Override
  public void pinBaseline(Baseline baseline) {
    policy.set(BaselinePolicy.pinned(baseline));
  }

  @Override
  public void unpinBaseline() {
    policy.set(configuredPolicy);
  }

  @Override
  public Optional<CoverageOverlay> coverage() {
    return coverage;
  }

  @Override
  public Optional<UserRegistry> users() {
    return users;
  }

  @Override
  public Optional<io.dccsim.core.inventory.DeviceInventory> inventory() {
    return Optional.ofNullable(inventory);
  }

  /**
   * Gives the control API the device inventory to read and change. Set once, before the API serves
   * requests.
   *
   * @return this
   */
  public HarnessState inventory(io.dccsim.core.inventory.DeviceInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    return this;
  }

  @Override
  public Optional<io.dccsim.sim.service.Alerts> alerts() {
    return Optional.ofNullable(alerts);
  }

  /**
   * Gives the control API the alerts to raise. Set once, before the API serves requests.
   *
   * @return this
   */
  public HarnessState alerts(io.dccsim.sim.service.Alerts alerts) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    return this;
  }

  @Override
  public Optional<io.dccsim.sim.service.DeviceBehaviours> deviceBehaviours() {
    return Optional.ofNullable(deviceBehaviours);
  }

  /**
   * Gives the control API the devices' behaviours to read and set. Set once, before the API serves
   * requests.
   *
   * @return this
   */
  public HarnessState deviceBehaviours(io.dccsim.sim.service.DeviceBehaviours behaviours) {
    this.deviceBehaviours = Objects.requireNonNull(behaviours, "behaviours");
    return this;
  }

  @Override
  public Optional<io.dccsim.sim.service.DspSchedules> schedules() {
    return Optional.ofNullable(schedules);
  }

  /**
   * Gives the control API the DCC schedules to list and clear. Set once, before the API serves
   * requests.
   *
   * @return this
   */
  public HarnessState schedules(io.dccsim.sim.service.DspSchedules schedules) {
    this.schedules = Objects.requireNonNull(schedules, "schedules");
    return this;
  }

  @Override
  public Optional<io.dccsim.sim.delivery.ResponseDelivery> deliveries() {
    return Optional.ofNullable(deliveries);
  }

  /**
   * Gives the control API the delivery of responses and alerts, to list and drive its dead letters
   * and set Users' receiving URLs. Set once, before the API serves requests.
   *
   * @return this
   */
  public HarnessState deliveries(io.dccsim.sim.delivery.ResponseDelivery deliveries) {
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    return this;
  }

  @Override
  public Optional<io.dccsim.sim.device.DeviceCredentials> deviceCredentials() {
    return Optional.ofNullable(deviceCredentials);
  }

  /**
   * Gives the control API the simulated devices' credentials, to serve their certificates. Set
   * once, before the API serves requests.
   *
   * @return this
   */
  public HarnessState deviceCredentials(io.dccsim.sim.device.DeviceCredentials credentials) {
    this.deviceCredentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  @Override
  public io.dccsim.core.message.ServiceCatalogue catalogue() {
    return catalogue;
  }

  /**
   * The catalogue the control API serves: the simulator's own (default: DUIS 5.4's). Set once,
   * before the API serves requests.
   *
   * @return this
   */
  public HarnessState catalogue(io.dccsim.core.message.ServiceCatalogue catalogue) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    return this;
  }

  @Override
  public Optional<UserCredentials> userCredentials() {
    return Optional.ofNullable(credentials);
  }

  /**
   * Gives the control API the Users' credentials, so that registering a User issues it one and its
   * keys can be fetched. Set once, before the API serves requests.
   *
   * @return this
   */
  public HarnessState userCredentials(UserCredentials credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  @Override
  public void reset() {
    scenarios.clear();
    coverage.ifPresent(CoverageOverlay::clear);
    scenarios.reseed(Scenarios.DEFAULT_SEED);
    clock.set(initialInstant);
    clock.setRate(initialRate);
    policy.set(configuredPolicy);
    onReset.run();
    // Last, so that nothing the reset itself caused lingers in the journal.
    journal.clear();
  }
}
