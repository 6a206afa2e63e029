package io.dccsim.sim.charging;

import io.dccsim.core.release.BaselinePolicy;
import java.util.List;
import java.util.Objects;

/**
 * The invoice run as a request/answer exchange for the control API: a JSON charge sheet in, the
 * invoices (JSON or CSV) or a validation error (JSON) out. No I/O and no exceptions for bad input:
 * a client's mistake is an answer with status 400 listing every problem.
 */
public final class BillingEndpoint {

  /** The output the caller asks for. */
  public enum Format {
    /** {@code application/json}. */
    JSON("application/json"),
    /** {@code text/csv}. */
    CSV("text/csv; charset=utf-8");

    private final String contentType;

    Format(String contentType) {
      this.contentType = contentType;
    }

    /** The content type of answers in this format. */
    public String contentType() {
      return contentType;
    }
  }

  /**
   * An answer.
   *
   * @param status the HTTP status: 200 with invoices, 400 when the sheet is refused, 413 when it is
   *     too large
   * @param contentType the body's content type
   * @param body the body text (UTF-8)
   */
  public record Answer(int status, String contentType, String body) {}

  private final BaselinePolicy defaultPolicy;

  /**
   * An endpoint that bills under {@code defaultPolicy} unless the sheet's {@code baseline} field
   * names another.
   */
  public BillingEndpoint(BaselinePolicy defaultPolicy) {
    this.defaultPolicy = Objects.requireNonNull(defaultPolicy, "defaultPolicy");
  }

  /** Bills a JSON charge sheet, answering in {@code format}. */
  public Answer handle(byte[] requestJson, Format format) {
    if (requestJson.length > ChargeSheetFormat.MAX_BYTES) {
      return new Answer(
          413,
          Format.JSON.contentType(),
          InvoiceJson.writeError(
              "charge sheet too large",
              List.of(
                  "the request has "
                      + requestJson.length
                      + " bytes, more than the limit of "
                      + ChargeSheetFormat.MAX_BYTES)));
    }
    ChargeSheetFormat.Request request;
    try {
      request = ChargeSheetFormat.read(requestJson, ChargeSheetFormat.Syntax.JSON);
    } catch (InvalidChargesException e) {
      return new Answer(
          400, Format.JSON.contentType(), InvoiceJson.writeError("invalid charges", e.problems()));
    }
    InvoiceRun run = new Billing(request.policy().orElse(defaultPolicy)).bill(request.sheet());
    return format == Format.CSV
        ? new Answer(200, format.contentType(), InvoiceCsv.write(run))
        : new Answer(200, format.contentType(), InvoiceJson.write(run));
  }
}
