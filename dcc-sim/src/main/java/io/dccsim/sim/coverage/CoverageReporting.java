package io.dccsim.sim.coverage;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which parts of a {@link RegionAnswer} are reported, by the SEC rules in force.
 *
 * <ul>
 *   <li><b>MP146</b>: before the June 2021 release, SM WAN coverage information was tied to 1
 *       January 2021, so an anticipated coverage date later than 2021-01-01 is not reported. From
 *       go-live every known date is reported.
 *   <li><b>MP106</b>: the CSPs send a single space as the WAN variant when they cannot confirm it,
 *       and so does the simulator under both baselines. Setting {@code writeUnknownLiterally}
 *       writes the literal {@code Unknown} instead (the same value after MP106).
 * </ul>
 *
 * @param mp146InForce whether the June 2021 rule (report every date) applies
 * @param writeUnknownLiterally write {@code Unknown} for an unconfirmed WAN variant
 */
public record CoverageReporting(boolean mp146InForce, boolean writeUnknownLiterally) {

  /** The last anticipated coverage date reported before MP146. */
  public static final LocalDate PRE_MP146_LAST_REPORTED_DATE = LocalDate.of(2021, 1, 1);

  /** The WAN technology text written when {@code writeUnknownLiterally} is set. */
  public static final String UNKNOWN = "Unknown";

  /** The answer as reported under these rules. */
  public RegionAnswer reported(RegionAnswer answer) {
    Optional<LocalDate> date = answer.anticipatedDate();
    if (!mp146InForce && date.isPresent() && date.get().isAfter(PRE_MP146_LAST_REPORTED_DATE)) {
      date = Optional.empty();
    }
    String wan =
        writeUnknownLiterally && answer.wanVariantUnconfirmed() ? UNKNOWN : answer.wanTechnology();
    if (date.equals(answer.anticipatedDate()) && wan.equals(answer.wanTechnology())) {
      return answer;
    }
    return new RegionAnswer(
        answer.region(),
        answer.covered(),
        date,
        wan,
        answer.likelihood(),
        answer.auxiliaryEquipment(),
        answer.additionalInformation());
  }
}
