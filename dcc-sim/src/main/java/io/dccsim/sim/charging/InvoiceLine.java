package io.dccsim.sim.charging;

import io.dccsim.core.release.Baseline;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of an invoice.
 *
 * @param itemId the charge item the line comes from
 * @param category what the line charges for
 * @param date the item's date
 * @param baseline the baseline whose rules placed the line
 * @param description the item's description
 * @param basis why the line is on this invoice with this amount, naming the rule applied
 * @param amount the amount of the line
 */
public record InvoiceLine(
    String itemId,
    LineCategory category,
    LocalDate date,
    Baseline baseline,
    String description,
    String basis,
    Money amount) {

  /** Checks the fields are present. */
  public InvoiceLine {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(amount, "amount");
  }
}
