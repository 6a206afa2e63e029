package io.dccsim.sim.coverage;

import java.util.Arrays;

/** The region a coverage answer is about, as SR 12.1 names it ({@code CSPRegion}). */
public enum CspRegion {
  NORTH("North"),
  CENTRAL("Central"),
  SOUTH("South"),
  NORTH_4G("4G North"),
  CENTRAL_4G("4G Central"),
  SOUTH_4G("4G South"),
  UNKNOWN("Unknown"),
  SMETS1("SMETS1");

  private final String duisName;

  CspRegion(String duisName) {
    this.duisName = duisName;
  }

  /** The text DUIS uses, e.g. {@code 4G North}. */
  public String duisName() {
    return duisName;
  }

  /** Whether this is one of the 4G regions (absent from the schema 5.0/5.1 answer form). */
  public boolean is4g() {
    return this == NORTH_4G || this == CENTRAL_4G || this == SOUTH_4G;
  }

  /**
   * The region as the flat schema 5.0/5.1 answer can write it: a 4G region becomes the region of
   * the same CSP.
   */
  public CspRegion withoutTechnology() {
    return switch (this) {
      case NORTH_4G -> NORTH;
      case CENTRAL_4G -> CENTRAL;
      case SOUTH_4G -> SOUTH;
      default -> this;
    };
  }

  /** Parses the DUIS text (case-insensitive). */
  public static CspRegion fromDuisName(String text) {
    for (CspRegion r : values()) {
      if (r.duisName.equalsIgnoreCase(text.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "Not a CSP region: '"
            + text
            + "' (expected one of "
            + Arrays.stream(values()).map(CspRegion::duisName).toList()
            + ")");
  }
}
