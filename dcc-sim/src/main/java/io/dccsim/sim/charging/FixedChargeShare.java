package io.dccsim.sim.charging;

import java.time.LocalDate;

/**
 * A party's share of the DCC's Fixed Charges for the period. It is invoiced to the party on the
 * ordinary invoice under every baseline.
 *
 * @param id the item's identifier
 * @param partyId the party charged
 * @param date the date the charge arises on
 * @param amount the share
 * @param description a description for the invoice line
 */
public record FixedChargeShare(
    String id, String partyId, LocalDate date, Money amount, String description)
    implements ChargeItem {

  /** The type name used in charge sheets. */
  public static final String TYPE = "FIXED_CHARGE";

  /** Checks the fields are present. */
  public FixedChargeShare {
    ChargeItems.requireCommon(TYPE, id, partyId, date, amount, description);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
