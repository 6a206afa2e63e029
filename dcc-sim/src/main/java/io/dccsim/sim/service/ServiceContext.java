package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.release.Baseline;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a service handler may know besides the request.
 *
 * @param now the simulator's time
 * @param baseline the SEC baseline in force now
 * @param deviceBehaviour how the target device treats this one request, when a scenario says so
 *     (instead of the device's own behaviour)
 * @param target the target device's record as the target check found it, so a handler need not look
 *     it up again; empty for a non-device request or where the check kept no record
 */
public record ServiceContext(
    Instant now,
    Baseline baseline,
    Optional<DeviceBehaviour> deviceBehaviour,
    Optional<Device> target) {
  /** Validates. */
  public ServiceContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(deviceBehaviour, "deviceBehaviour");
    Objects.requireNonNull(target, "target");
  }

  /** No scenario shaping the device's behaviour, no target record handed on. */
  public ServiceContext(Instant now, Baseline baseline) {
    this(now, baseline, Optional.empty(), Optional.empty());
  }
}
