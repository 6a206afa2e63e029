package io.dccsim.sim.charging;

import java.util.Locale;
import java.util.Optional;

/** The DCC User roles a party holds, as far as charging needs them. */
public enum PartyRole {
  IMPORT_SUPPLIER,
  EXPORT_SUPPLIER,
  GAS_SUPPLIER,
  ELECTRICITY_DISTRIBUTOR,
  GAS_TRANSPORTER,
  REGISTERED_SUPPLIER_AGENT,
  /** An Other User: the only role whose Random Sample Privacy Assessments MP144 charges to it. */
  OTHER_USER;

  /**
   * The role with this name, ignoring case and treating {@code -} and spaces as {@code _} ({@code
   * other-user}, {@code Other User}).
   */
  public static Optional<PartyRole> fromName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    for (PartyRole role : values()) {
      if (role.name().equals(key)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
