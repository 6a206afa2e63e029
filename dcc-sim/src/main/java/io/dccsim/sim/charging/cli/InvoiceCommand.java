package io.dccsim.sim.charging.cli;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.sim.charging.Billing;
import io.dccsim.sim.charging.BillingPeriod;
import io.dccsim.sim.charging.ChargeSheetFormat;
import io.dccsim.sim.charging.InvalidChargesException;
import io.dccsim.sim.charging.InvoiceCsv;
import io.dccsim.sim.charging.InvoiceJson;
import io.dccsim.sim.charging.InvoiceRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dccsim invoice}: bills a charge sheet (JSON or YAML) and prints the invoices as JSON or
 * CSV. Exit status 0 on success, 2 when the sheet or an option is refused, 1 when a file cannot be
 * read or written.
 */
@Command(
    name = "invoice",
    mixinStandardHelpOptions = true,
    description = {
      "Computes a month's DCC invoices from a charge sheet (JSON, or YAML for .yaml/.yml files)",
      "under the MP144/MP153 rules of the baseline chosen, and prints them as JSON or CSV."
    })
public final class InvoiceCommand implements Callable<Integer> {

  /** The output formats. */
  public enum OutputFormat {
    json,
    csv
  }

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHEET", description = "The charge sheet file.")
  private Path sheet;

  @Option(
      names = "--period",
      paramLabel = "yyyy-MM",
      description = "The month billed, instead of the sheet's own 'period'.")
  private String period;

  @Option(
      names = "--baseline",
      paramLabel = "POLICY",
      description =
          "by-date (each item under the baseline in force on its date), PRE_JUNE_2021 or"
              + " JUNE_2021. Default: the sheet's 'baseline', else by-date.")
  private String baseline;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "json",
      description = "json or csv (default: ${DEFAULT-VALUE}).")
  private OutputFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the invoices to FILE instead of standard output.")
  private Path output;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes;
    try {
      if (Files.size(sheet) > ChargeSheetFormat.MAX_BYTES) {
        err.println(
            "invoice: "
                + sheet
                + " is larger than the limit of "
                + ChargeSheetFormat.MAX_BYTES
                + " bytes");
        return 2;
      }
      bytes = Files.readAllBytes(sheet);
    } catch (IOException e) {
      err.println("invoice: cannot read " + sheet + ": " + e.getMessage());
      return 1;
    }
    InvoiceRun run;
    try {
      Optional<BillingPeriod> forPeriod =
          period == null ? Optional.empty() : Optional.of(BillingPeriod.parse(period));
      Optional<BaselinePolicy> policy =
          baseline == null ? Optional.empty() : Optional.of(BaselinePolicy.parse(baseline));
      ChargeSheetFormat.Request request =
          ChargeSheetFormat.read(
              bytes,
              ChargeSheetFormat.Syntax.ofFileName(sheet.getFileName().toString()),
              forPeriod);
      run =
          new Billing(policy.or(request::policy).orElse(BaselinePolicy.byDate()))
              .bill(request.sheet());
    } catch (InvalidChargesException e) {
      err.println("invoice: " + sheet + " refused:");
      e.problems().forEach(p -> err.println("  - " + p));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("invoice: " + e.getMessage());
      return 2;
    }
    String text = format == OutputFormat.csv ? InvoiceCsv.write(run) : InvoiceJson.write(run);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return 0;
    }
    try {
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("invoice: cannot write " + output + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
