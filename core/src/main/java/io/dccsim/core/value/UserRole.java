package io.dccsim.core.value;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The DUIS User Roles: the capacity in which a User sends a Service Request. Each maps to the SMKI
 * {@link RemotePartyRole} its Organisation Certificates carry: the three supplier roles to {@code
 * supplier}, the two network roles to {@code networkOperator}, and Registered Supplier Agents and
 * Other Users to {@code other}.
 */
public enum UserRole {
  IMPORT_SUPPLIER("IS", "Import Supplier", RemotePartyRole.SUPPLIER),
  EXPORT_SUPPLIER("ES", "Export Supplier", RemotePartyRole.SUPPLIER),
  GAS_SUPPLIER("GS", "Gas Supplier", RemotePartyRole.SUPPLIER),
  ELECTRICITY_DISTRIBUTOR("ED", "Electricity Distributor", RemotePartyRole.NETWORK_OPERATOR),
  GAS_TRANSPORTER("GT", "Gas Transporter", RemotePartyRole.NETWORK_OPERATOR),
  REGISTERED_SUPPLIER_AGENT("RSA", "Registered Supplier Agent", RemotePartyRole.OTHER),
  OTHER_USER("OU", "Other User", RemotePartyRole.OTHER);

  private final String abbreviation;
  private final String displayName;
  private final RemotePartyRole remotePartyRole;

  UserRole(String abbreviation, String displayName, RemotePartyRole remotePartyRole) {
    this.abbreviation = abbreviation;
    this.displayName = displayName;
    this.remotePartyRole = remotePartyRole;
  }

  /** The short form, e.g. {@code ED}. */
  public String abbreviation() {
    return abbreviation;
  }

  /** The name, e.g. {@code Electricity Distributor}. */
  public String displayName() {
    return displayName;
  }

  /** The remote party role of the Organisation Certificates a User in this role holds. */
  public RemotePartyRole remotePartyRole() {
    return remotePartyRole;
  }

  /** Whether this is one of the supplier roles. */
  public boolean isSupplier() {
    return remotePartyRole == RemotePartyRole.SUPPLIER;
  }

  /** The User Roles whose certificates carry {@code role}; empty for DCC-internal roles. */
  public static Set<UserRole> withRemotePartyRole(RemotePartyRole role) {
    EnumSet<UserRole> out = EnumSet.noneOf(UserRole.class);
    for (UserRole u : values()) {
      if (u.remotePartyRole == role) {
        out.add(u);
      }
    }
    return out;
  }

  /** The role with this abbreviation ({@code GT}) or enum name, ignoring case. */
  public static Optional<UserRole> parse(String text) {
    String s = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    for (UserRole u : values()) {
      if (u.abbreviation.equals(s) || u.name().equals(s)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }
}
