package io.dccsim.core.release;

/**
 * The participant groups of a SEC release's impact matrix: the columns of the Release
 * Implementation Document's "participant impact matrix".
 */
public enum SecParty {
  SUPPLIERS("Suppliers"),
  ELECTRICITY_NETWORKS("Electricity Networks"),
  GAS_NETWORKS("Gas Networks"),
  OTHER_SEC_PARTIES("Other SEC Parties"),
  DCC("DCC");

  private final String displayName;

  SecParty(String displayName) {
    this.displayName = displayName;
  }

  /** The name the impact matrix uses, e.g. {@code Electricity Networks}. */
  public String displayName() {
    return displayName;
  }
}
