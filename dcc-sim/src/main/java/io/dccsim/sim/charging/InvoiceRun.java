package io.dccsim.sim.charging;

import io.dccsim.core.release.BaselinePolicy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The invoices of one billing run.
 *
 * @param period the month billed
 * @param policy the baseline policy the run applied
 * @param invoices the invoices, party by party in the sheet's order, the ordinary invoice first
 * @param totalCharged the sum of every charge item billed
 */
public record InvoiceRun(
    BillingPeriod period, BaselinePolicy policy, List<Invoice> invoices, Money totalCharged) {

  /** Checks the fields are present and copies the invoices. */
  public InvoiceRun {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(totalCharged, "totalCharged");
    invoices = List.copyOf(invoices);
  }

  /** The sum of every invoice's total. */
  public Money totalInvoiced() {
    Money total = Money.ZERO;
    for (Invoice invoice : invoices) {
      total = total.plus(invoice.total());
    }
    return total;
  }

  /** Whether the invoices add up to the charges billed, to the penny. */
  public boolean reconciles() {
    return totalInvoiced().equals(totalCharged);
  }

  /** The invoice with this number. */
  public Optional<Invoice> invoice(String number) {
    return invoices.stream().filter(i -> i.number().equals(number)).findFirst();
  }

  /** The invoice of this kind for this party. */
  public Optional<Invoice> invoice(String partyId, InvoiceKind kind) {
    return invoices.stream()
        .filter(i -> i.party().id().equals(partyId) && i.kind() == kind)
        .findFirst();
  }

  /** Every invoice for this party. */
  public List<Invoice> invoicesFor(String partyId) {
    return invoices.stream().filter(i -> i.party().id().equals(partyId)).toList();
  }
}
