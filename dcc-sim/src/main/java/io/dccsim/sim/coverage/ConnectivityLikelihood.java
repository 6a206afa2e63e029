package io.dccsim.sim.coverage;

/**
 * How likely a Communications Hub at the address is to connect ({@code ConnectivityLikelihood}).
 */
public enum ConnectivityLikelihood {
  HIGH("High"),
  MEDIUM("Medium"),
  LOW("Low");

  private final String duisName;

  ConnectivityLikelihood(String duisName) {
    this.duisName = duisName;
  }

  /** The text DUIS uses. */
  public String duisName() {
    return duisName;
  }

  /** Parses the DUIS text (case-insensitive). */
  public static ConnectivityLikelihood fromDuisName(String text) {
    for (ConnectivityLikelihood l : values()) {
      if (l.duisName.equalsIgnoreCase(text.trim())) {
        return l;
      }
    }
    throw new IllegalArgumentException(
        "Not a connectivity likelihood: '" + text + "' (expected High, Medium or Low)");
  }
}
