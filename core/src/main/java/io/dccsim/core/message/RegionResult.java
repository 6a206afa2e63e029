package io.dccsim.core.message;

import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.wan.CspRegion;
import java.util.Objects;
import java.util.Optional;

/**
 * One region's part of an SR 12.1 answer. In the per-region form (schema 5.3 on) this is one {@code
 * DSPWANMatrixResponse}: region, its response code, and the coverage facts when the region had
 * them. In the flat form (5.0, 5.1) there is a single result with no response code and the coverage
 * facts always present.
 *
 * @param region {@code CSPRegion}
 * @param responseCode {@code CSPRegionResponseCode}; empty in the flat form
 * @param coverage the all-or-nothing coverage group, if present
 */
public record RegionResult(
    CspRegion region, Optional<ResponseCode> responseCode, Optional<WanCoverage> coverage) {

  /** Checks every part is present. */
  public RegionResult {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(coverage, "coverage");
  }

  /** A per-region result with coverage facts. */
  public static RegionResult of(CspRegion region, ResponseCode code, WanCoverage coverage) {
    return new RegionResult(region, Optional.of(code), Optional.of(coverage));
  }

  /** A per-region result without coverage facts (for example an error for that region). */
  public static RegionResult withoutCoverage(CspRegion region, ResponseCode code) {
    return new RegionResult(region, Optional.of(code), Optional.empty());
  }

  /** The single result of the flat form. */
  public static RegionResult flat(CspRegion region, WanCoverage coverage) {
    return new RegionResult(region, Optional.empty(), Optional.of(coverage));
  }
}
