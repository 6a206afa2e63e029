package io.dccsim.sim.service;

import io.dccsim.core.release.Baseline;
import java.time.Instant;
import java.util.Objects;

/**
 * What a service handler may know besides the request.
 *
 * @param now the simulator's time
 * @param baseline the SEC baseline in force now
 * @param deviceBehaviour how the target device treats this one request, when a scenario says so
 *     (instead of the device's own behaviour)
 */
public record ServiceContext(
    Instant now, Baseline baseline, java.util.Optional<DeviceBehaviour> deviceBehaviour) {
  /** Validates. */
  public ServiceContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(deviceBehaviour, "deviceBehaviour");
  }

  /** No scenario shaping the device's behaviour. */
  public ServiceContext(Instant now, Baseline baseline) {
    this(now, baseline, java.util.Optional.empty());
  }
}
