package io.dccsim.sim.charging;

/** Which of a party's invoices for a period a line goes on. */
public enum InvoiceKind {
  /** The ordinary invoice for the DCC's charges. */
  ORDINARY("ORD"),
  /** The separate invoice for Communications Hub Finance Charges (SEC Section J1.2(b)). */
  CH_FINANCE("CHF");

  private final String suffix;

  InvoiceKind(String suffix) {
    this.suffix = suffix;
  }

  /** The suffix of invoice numbers of this kind, e.g. {@code CHF}. */
  public String suffix() {
    return suffix;
  }
}
