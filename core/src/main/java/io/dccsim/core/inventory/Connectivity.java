package io.dccsim.core.inventory;

import java.util.Optional;

/** How a device reaches the DCC, as DUIS 5.4 reports it in {@code Connectivity}. */
public enum Connectivity {
  /** Over a cellular network. */
  CELLULAR("Cellular"),
  /** A virtual device, with no physical connection of its own. */
  VIRTUAL("Virtual");

  private final String duisText;

  Connectivity(String duisText) {
    this.duisText = duisText;
  }

  /** The text DUIS writes, e.g. {@code Cellular}. */
  public String duisText() {
    return duisText;
  }

  /** The value whose DUIS text is exactly {@code text}. */
  public static Optional<Connectivity> fromDuisText(String text) {
    for (Connectivity c : values()) {
      if (c.duisText.equals(text)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
