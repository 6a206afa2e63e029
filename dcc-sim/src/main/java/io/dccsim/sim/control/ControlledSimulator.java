package io.dccsim.sim.control;

import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.pipeline.UserRegistry;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import java.util.Optional;

/** What the control API (and the JUnit extension) can see and change in a running simulator. */
public interface ControlledSimulator {

  /** The request journal. */
  RequestJournal journal();

  /** The scenarios shaping answers. */
  Scenarios scenarios();

  /** The simulated clock. */
  SimulatedClock clock();

  /** The baseline policy in force: pinned, or by the simulated date. */
  BaselinePolicy baselinePolicy();

  /** Pins the baseline, whatever the simulated date. */
  void pinBaseline(Baseline baseline);

  /** Returns to the configured policy (normally by the simulated date). */
  void unpinBaseline();

  /** The SR 12.1 coverage overlay, when this simulator has one. */
  default Optional<CoverageOverlay> coverage() {
    return Optional.empty();
  }

  /** The registry of Users (User ID to DUIS User Role), when this simulator exposes it. */
  default Optional<UserRegistry> users() {
    return Optional.empty();
  }

  /** The Users' signing credentials, when this simulator gives them out. */
  default Optional<UserCredentials> userCredentials() {
    return Optional.empty();
  }

  /** The device inventory, when this simulator exposes it. */
  default Optional<io.dccsim.core.inventory.DeviceInventory> inventory() {
    return Optional.empty();
  }

  /** Raises alerts to Users, when this simulator exposes it. */
  default Optional<io.dccsim.sim.service.Alerts> alerts() {
    return Optional.empty();
  }

  /** How the simulated devices answer device Service Requests, when this simulator exposes it. */
  default Optional<io.dccsim.sim.service.DeviceBehaviours> deviceBehaviours() {
    return Optional.empty();
  }

  /** The simulated devices' SMKI credentials, when this simulator exposes them. */
  default Optional<io.dccsim.sim.device.DeviceCredentials> deviceCredentials() {
    return Optional.empty();
  }

  /** The DCC schedules Users created with SR 5.1, when this simulator exposes them. */
  default Optional<io.dccsim.sim.service.DspSchedules> schedules() {
    return Optional.empty();
  }

  /**
   * The delivery of responses and alerts to Users' receiving URLs (pending messages, dead letters,
   * the URLs), when this simulator exposes it.
   */
  default Optional<io.dccsim.sim.delivery.ResponseDelivery> deliveries() {
    return Optional.empty();
  }

  /** The service catalogue the simulator checks requests against (default: DUIS 5.4's). */
  default ServiceCatalogue catalogue() {
    return ServiceCatalogue.duis54();
  }

  /** Clears the journal and scenarios, restores the clock and unpins the baseline. */
  void reset();
}
