package io.dccsim.sim.charging;

import java.util.List;
import java.util.Objects;

/**
 * An invoice the DCC issues to one party for one period.
 *
 * @param number the invoice number, {@code <period>-<party id>-<ORD|CHF>}, unique within a run
 * @param party the party invoiced
 * @param kind ordinary or the separate Communications Hub Finance invoice
 * @param period the month billed
 * @param lines the lines, in the order of the charge items
 */
public record Invoice(
    String number, Party party, InvoiceKind kind, BillingPeriod period, List<InvoiceLine> lines) {

  /** Checks the fields are present and copies the lines. */
  public Invoice {
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(party, "party");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(period, "period");
    lines = List.copyOf(lines);
  }

  /** The number an invoice of this kind for this party and period carries. */
  public static String numberFor(BillingPeriod period, Party party, InvoiceKind kind) {
    return period + "-" + party.id() + "-" + kind.suffix();
  }

  /** The sum of the lines. */
  public Money total() {
    Money total = Money.ZERO;
    for (InvoiceLine line : lines) {
      total = total.plus(line.amount());
    }
    return total;
  }
}
