package io.dccsim.sim.charging;

import java.time.LocalDate;

/**
 * A Random Sample Privacy Assessment of an Other User (SEC Section I) and its cost.
 *
 * <p>Before MP144 the cost is shared across all DCC Users; once MP144 is in force the assessed
 * Other User pays it, unless the Panel requested the assessment.
 *
 * @param id the item's identifier
 * @param partyId the assessed Other User
 * @param date the date the cost is charged on
 * @param amount the assessment's cost
 * @param panelRequested whether the Panel requested the assessment
 * @param description a description for the invoice line
 */
public record PrivacyAssessment(
    String id,
    String partyId,
    LocalDate date,
    Money amount,
    boolean panelRequested,
    String description)
    implements ChargeItem {

  /** The type name used in charge sheets. */
  public static final String TYPE = "PRIVACY_ASSESSMENT";

  /** Checks the fields are present. */
  public PrivacyAssessment {
    ChargeItems.requireCommon(TYPE, id, partyId, date, amount, description);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
