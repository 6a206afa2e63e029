package io.dccsim.sim.charging;

import java.time.LocalDate;

/**
 * Communications Hub Finance Charges for one party (SEC Section J).
 *
 * <p>Before MP153 they always go on a separate invoice; once MP153 is in force, only when the
 * direct agreement with the Approved Finance Party requires one, otherwise on the ordinary invoice.
 *
 * @param id the item's identifier
 * @param partyId the party charged
 * @param date the date the charge arises on
 * @param amount the charge
 * @param separateInvoiceRequired whether the direct agreement with the Approved Finance Party
 *     requires a separate invoice
 * @param description a description for the invoice line
 */
public record CommsHubFinanceCharge(
    String id,
    String partyId,
    LocalDate date,
    Money amount,
    boolean separateInvoiceRequired,
    String description)
    implements ChargeItem {

  /** The type name used in charge sheets. */
  public static final String TYPE = "CH_FINANCE_CHARGE";

  /** Checks the fields are present. */
  public CommsHubFinanceCharge {
    ChargeItems.requireCommon(TYPE, id, partyId, date, amount, description);
  }

  @Override
  public String type() {
    return TYPE;
  }
}
