package io.dccsim.core.value;

import java.util.Locale;
import java.util.Optional;

/**
 * The remote party roles of GBCS/SMKI, carried in an Organisation Certificate's subject OU as two
 * hex digits (for example {@code 02} for a supplier, {@code 87} for XML signing).
 */
public enum RemotePartyRole {
  ROOT(0, "root"),
  RECOVERY(1, "recovery"),
  SUPPLIER(2, "supplier"),
  NETWORK_OPERATOR(3, "networkOperator"),
  ACCESS_CONTROL_BROKER(4, "accessControlBroker"),
  TRANSITIONAL_COS(5, "transitionalCoS"),
  WAN_PROVIDER(6, "wanProvider"),
  ISSUING_AUTHORITY(7, "issuingAuthority"),
  LOAD_CONTROLLER(8, "loadController"),
  OTHER(127, "other"),
  XML_SIGN(135, "xmlSign"),
  DSP_XML_SIGN(137, "dspXmlSign");

  private final int code;
  private final String gbcsName;

  RemotePartyRole(int code, String gbcsName) {
    this.code = code;
    this.gbcsName = gbcsName;
  }

  /** The role's code, 0..255. */
  public int code() {
    return code;
  }

  /** The name GBCS gives the role, e.g. {@code dspXmlSign}. */
  public String gbcsName() {
    return gbcsName;
  }

  /** The code as two upper-case hex digits, as written in a certificate's OU. */
  public String hexCode() {
    return String.format(Locale.ROOT, "%02X", code);
  }

  /** The role with this code. */
  public static Optional<RemotePartyRole> fromCode(int code) {
    for (RemotePartyRole r : values()) {
      if (r.code == code) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** The role with this GBCS name (case-insensitive). */
  public static Optional<RemotePartyRole> fromGbcsName(String name) {
    for (RemotePartyRole r : values()) {
      if (r.gbcsName.equalsIgnoreCase(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads the role from a certificate OU: two hex digits as GBCS requires ({@code 87}); older test
   * certificates that wrote the decimal code ({@code 137}) are tolerated when three digits are
   * given.
   *
   * @throws IllegalArgumentException when the OU names no known role
   */
  public static RemotePartyRole fromOrganisationalUnit(String ou) {
    String s = ou == null ? "" : ou.strip();
    Optional<RemotePartyRole> role = Optional.empty();
    try {
      if (s.length() == 2) {
        role = fromCode(Integer.parseInt(s, 16));
      } else if (s.length() == 3 || s.length() == 1) {
        role = fromCode(Integer.parseInt(s, 10));
      }
    } catch (NumberFormatException e) {
      role = Optional.empty();
    }
    return role.orElseThrow(
        () -> new IllegalArgumentException("Not a remote party role OU: '" + s + "'"));
  }
}
