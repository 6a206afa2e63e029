package io.dccsim.core.message;

import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.WanTechnology;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The coverage facts of an SR 12.1 answer (the all-or-nothing group): whether the SM WAN covers the
 * premises, when it is expected to, which WAN variant is needed and how likely a connection is.
 *
 * @param coverageAvailable {@code CoverageAvailability}
 * @param anticipatedCoverageDate {@code AnticipatedCoverageDate}, if given
 * @param wanTechnology {@code WANTechnology}, verbatim (MP106: a single space means Unknown)
 * @param connectivityLikelihood {@code ConnectivityLikelihood}
 * @param auxiliaryEquipmentRequired {@code AuxiliaryEquipmentRequired}, at most 50 characters
 * @param additionalInformation {@code AdditionalInformation}, at most 250 characters
 */
public record WanCoverage(
    boolean coverageAvailable,
    Optional<LocalDate> anticipatedCoverageDate,
    WanTechnology wanTechnology,
    ConnectivityLikelihood connectivityLikelihood,
    Optional<String> auxiliaryEquipmentRequired,
    Optional<String> additionalInformation) {

  /** The longest auxiliary equipment text. */
  public static final int MAX_AUXILIARY_EQUIPMENT_LENGTH = 50;

  /** The longest additional information text. */
  public static final int MAX_ADDITIONAL_INFORMATION_LENGTH = 250;

  /** Checks every part is present and the texts within their lengths. */
  public WanCoverage {
    Objects.requireNonNull(anticipatedCoverageDate, "anticipatedCoverageDate");
    Objects.requireNonNull(wanTechnology, "wanTechnology");
    Objects.requireNonNull(connectivityLikelihood, "connectivityLikelihood");
    Objects.requireNonNull(auxiliaryEquipmentRequired, "auxiliaryEquipmentRequired");
    Objects.requireNonNull(additionalInformation, "additionalInformation");
    checkLength(
        "AuxiliaryEquipmentRequired", auxiliaryEquipmentRequired, MAX_AUXILIARY_EQUIPMENT_LENGTH);
    checkLength("AdditionalInformation", additionalInformation, MAX_ADDITIONAL_INFORMATION_LENGTH);
  }

  private static void checkLength(String name, Optional<String> text, int max) {
    if (text.isPresent()) {
      String s = text.get();
      int n = s.codePointCount(0, s.length());
      if (n > max) {
        throw new IllegalArgumentException(name + " has at most " + max + " characters, not " + n);
      }
    }
  }

  /** Coverage facts with no optional parts. */
  public static WanCoverage of(
      boolean coverageAvailable,
      WanTechnology wanTechnology,
      ConnectivityLikelihood connectivityLikelihood) {
    return new WanCoverage(
        coverageAvailable,
        Optional.empty(),
        wanTechnology,
        connectivityLikelihood,
        Optional.empty(),
        Optional.empty());
  }

  /** A copy with {@code date} as the anticipated coverage date (or none when null). */
  public WanCoverage withAnticipatedCoverageDate(LocalDate date) {
    return new WanCoverage(
        coverageAvailable,
        Optional.ofNullable(date),
        wanTechnology,
        connectivityLikelihood,
        auxiliaryEquipmentRequired,
        additionalInformation);
  }
}
