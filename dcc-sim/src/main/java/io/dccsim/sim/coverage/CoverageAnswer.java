package io.dccsim.sim.coverage;

import java.util.List;
import java.util.Objects;

/** The coverage model's answer to one {@link CoverageQuestion}. */
public sealed interface CoverageAnswer {

  /** The address or UPRN is not known (SR 12.1 code {@code E120101}). */
  record NotFound() implements CoverageAnswer {}

  /** The postcode is not a valid GB postcode (SR 12.1 code {@code E120102}). */
  record InvalidPostcode() implements CoverageAnswer {}

  /** Coverage data cannot be given now (SR 12.1 code {@code E120103}). */
  record Unavailable() implements CoverageAnswer {}

  /**
   * One or more region answers (success).
   *
   * @param regions at least one; the flat schema 5.0/5.1 form reports the first
   */
  record Regions(List<RegionAnswer> regions) implements CoverageAnswer {
    /** Validates and copies. */
    public Regions {
      regions = List.copyOf(Objects.requireNonNull(regions, "regions"));
      if (regions.isEmpty()) {
        throw new IllegalArgumentException("At least one region answer");
      }
    }
  }

  /** The SR 12.1 response code this answer is reported with: {@code I0} or {@code E12010x}. */
  default String responseCode() {
    if (this instanceof NotFound) {
      return "E120101";
    } else if (this instanceof InvalidPostcode) {
      return "E120102";
    } else if (this instanceof Unavailable) {
      return "E120103";
    }
    return "I0";
  }
}
