package io.dccsim.sim.coverage;

import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What one CSP region says about an address: one {@code DSPWANMatrixResponse} of SR 12.1 (or the
 * single flat answer of schema 5.0/5.1). This is the data as the coverage source holds it; which
 * parts are reported depends on the SEC baseline (MP146, MP106) and is decided when the response is
 * written.
 *
 * @param region the CSP region
 * @param covered whether the address has SM WAN coverage now
 * @param anticipatedDate when coverage is expected, if known
 * @param wanTechnology the WAN variant text, 1-30 characters; a single space {@code " "} is what
 *     South and Central send when they cannot confirm the variant (MP106: Unknown)
 * @param likelihood the connectivity likelihood
 * @param auxiliaryEquipment auxiliary equipment required, up to 50 characters
 * @param additionalInformation free text, up to 250 characters
 */
public record RegionAnswer(
    CspRegion region,
    boolean covered,
    Optional<LocalDate> anticipatedDate,
    String wanTechnology,
    ConnectivityLikelihood likelihood,
    Optional<String> auxiliaryEquipment,
    Optional<String> additionalInformation) {

  /** The WAN technology text South and Central send when the variant cannot be confirmed. */
  public static final String UNCONFIRMED_WAN_VARIANT = " ";

  /** Validates the DUIS length limits. */
  public RegionAnswer {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(anticipatedDate, "anticipatedDate");
    Objects.requireNonNull(wanTechnology, "wanTechnology");
    Objects.requireNonNull(likelihood, "likelihood");
    Objects.requireNonNull(auxiliaryEquipment, "auxiliaryEquipment");
    Objects.requireNonNull(additionalInformation, "additionalInformation");
    if (wanTechnology.isEmpty() || wanTechnology.length() > 30) {
      throw new IllegalArgumentException(
          "WANTechnology is 1 to 30 characters: '" + wanTechnology + "'");
    }
    auxiliaryEquipment.ifPresent(a -> requireLength("AuxiliaryEquipmentRequired", a, 50));
    additionalInformation.ifPresent(a -> requireLength("AdditionalInformation", a, 250));
  }

  private static void requireLength(String name, String text, int max) {
    if (text.isEmpty() || text.length() > max) {
      throw new IllegalArgumentException(name + " is 1 to " + max + " characters: '" + text + "'");
    }
  }

  /** Whether the WAN variant is the unconfirmed {@code " "} (Unknown since MP106). */
  public boolean wanVariantUnconfirmed() {
    return wanTechnology.isBlank();
  }
}
