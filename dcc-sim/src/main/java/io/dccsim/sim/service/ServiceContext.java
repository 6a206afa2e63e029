package io.dccsim.sim.service;

import io.dccsim.core.release.Baseline;
import java.time.Instant;
import java.util.Objects;

/**
 * What a service handler may know besides the request.
 *
 * @param now the simulator's time
 * @param baseline the SEC baseline in force now
 */
public record ServiceContext(Instant now, Baseline baseline) {
  /** Validates. */
  public ServiceContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(baseline, "baseline");
  }
}
