package io.dccsim.sim.charging;

/**
 * Writes an {@link InvoiceRun} as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break): a header, then one row per invoice line. Amounts
 * are pounds with two decimal places.
 */
public final class InvoiceCsv {

  /** The header row. */
  public static final String HEADER =
      "invoice,party,party_name,kind,period,line,item,category,date,baseline,description,basis,"
          + "amount,invoice_total";

  private InvoiceCsv() {}

  /** The run as CSV text. */
  public static String write(InvoiceRun run) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (Invoice invoice : run.invoices()) {
      int n = 0;
      for (InvoiceLine line : invoice.lines()) {
        n++;
        row(
            out,
            invoice.number(),
            invoice.party().id(),
            invoice.party().name(),
            invoice.kind().name(),
            invoice.period().toString(),
            Integer.toString(n),
            line.itemId(),
            line.category().name(),
            line.date().toString(),
            line.baseline().name(),
            line.description(),
            line.basis(),
            line.amount().toString(),
            invoice.total().toString());
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String... fields) {
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(fields[i]));
    }
    out.append("\r\n");
  }

  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
