package io.dccsim.sim.demo;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import io.dccsim.core.value.UserRole;
import io.dccsim.sim.charging.Billing;
import io.dccsim.sim.charging.BillingPeriod;
import io.dccsim.sim.charging.ChargeItem;
import io.dccsim.sim.charging.ChargeSheet;
import io.dccsim.sim.charging.CommsHubFinanceCharge;
import io.dccsim.sim.charging.FixedChargeShare;
import io.dccsim.sim.charging.Invoice;
import io.dccsim.sim.charging.InvoiceKind;
import io.dccsim.sim.charging.InvoiceLine;
import io.dccsim.sim.charging.InvoiceRun;
import io.dccsim.sim.charging.LineCategory;
import io.dccsim.sim.charging.Money;
import io.dccsim.sim.charging.Party;
import io.dccsim.sim.charging.PrivacyAssessment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

/**
 * The MP144 and MP153 sections of the demonstration: the same month of charges for a small set of
 * parties, billed by date for a month before go-live and a month after it.
 */
public final class ChargesDemonstration {

  /** The month billed before go-live. */
  public static final BillingPeriod BEFORE = BillingPeriod.of(2021, 5);

  /** The month billed after go-live. */
  public static final BillingPeriod AFTER = BillingPeriod.of(2021, 7);

  private static final List<Party> PARTIES =
      List.of(
          new Party("SUPA", "Alpha Energy", Set.of(UserRole.IMPORT_SUPPLIER), 600),
          new Party("SUPB", "Beta Gas", Set.of(UserRole.GAS_SUPPLIER), 300),
          new Party("DNO1", "Northern Wires", Set.of(UserRole.ELECTRICITY_DISTRIBUTOR), 100),
          new Party("OU1", "Insight Analytics", Set.of(UserRole.OTHER_USER), 0),
          new Party("OU2", "Grid Research", Set.of(UserRole.OTHER_USER), 0));

  private final InvoiceRun before;
  private final InvoiceRun after;

  /** Bills the demonstration's charges for both months under the by-date policy. */
  public ChargesDemonstration() {
    Billing billing = new Billing(BaselinePolicy.byDate());
    this.before = billing.bill(sheet(BEFORE));
    this.after = billing.bill(sheet(AFTER));
  }

  /** The run for the month before go-live. */
  public InvoiceRun before() {
    return before;
  }

  /** The run for the month after go-live. */
  public InvoiceRun after() {
    return after;
  }

  /** The parties billed. */
  public static List<Party> parties() {
    return PARTIES;
  }

  /** The demonstration's charges for a month, dated mid-month. */
  public static ChargeSheet sheet(BillingPeriod period) {
    var date = period.month().atDay(15);
    List<ChargeItem> items =
        List.of(
            new FixedChargeShare("FIX-SUPA", "SUPA", date, Money.parse("12000.00"), "Fixed"),
            new FixedChargeShare("FIX-SUPB", "SUPB", date, Money.parse("6000.00"), "Fixed"),
            new FixedChargeShare("FIX-DNO1", "DNO1", date, Money.parse("2000.00"), "Fixed"),
            new PrivacyAssessment(
                "RSPA-1", "OU1", date, Money.parse("3000.01"), false, "RSPA of Insight Analytics"),
            new PrivacyAssessment(
                "RSPA-2", "OU2", date, Money.parse("2400.00"), true, "RSPA of Grid Research"),
            new CommsHubFinanceCharge(
                "CHF-SUPA", "SUPA", date, Money.parse("12345.67"), false, "CH finance"),
            new CommsHubFinanceCharge(
                "CHF-SUPB", "SUPB", date, Money.parse("4000.00"), true, "CH finance"));
    return new ChargeSheet(period, PARTIES, items);
  }

  /** The MP144 section. */
  public DemoSection mp144() {
    List<DemoRow> rows = new ArrayList<>();
    rows.add(new DemoRow("baseline applied (by date)", baselines(before), baselines(after)));
    rows.add(
        new DemoRow(
            "RSPA-1 of OU1, not Panel-requested: paid by",
            payers(before, "RSPA-1"),
            payers(after, "RSPA-1")));
    rows.add(
        new DemoRow(
            "RSPA-2 of OU2, Panel-requested: paid by",
            payers(before, "RSPA-2"),
            payers(after, "RSPA-2")));
    for (Party p : PARTIES) {
      rows.add(
          new DemoRow(
              p.id() + " " + p.name() + ": assessment charges",
              sum(before, p, l -> isAssessment(l.category())).toString(),
              sum(after, p, l -> isAssessment(l.category())).toString()));
    }
    rows.add(reconciliation());
    return DemoSection.of(
        Modification.MP144,
        List.of(
            "bills the same charges for "
                + BEFORE
                + " and "
                + AFTER
                + " under the by-date baseline policy",
            "shared costs are allocated pro rata to allocation weights ("
                + weights()
                + "), largest remainder to the penny"),
        rows);
  }

  /** The MP153 section. */
  public DemoSection mp153() {
    List<DemoRow> rows = new ArrayList<>();
    rows.add(new DemoRow("baseline applied (by date)", baselines(before), baselines(after)));
    List<String> method = new ArrayList<>();
    method.add("the same two runs as MP144; Communications Hub Finance Charges billed:");
    for (ChargeItem item : sheet(BEFORE).items()) {
      if (item instanceof CommsHubFinanceCharge charge) {
        method.add(
            "  "
                + charge.id()
                + " for "
                + charge.partyId()
                + ", "
                + charge.amount()
                + ", finance agreement requires a separate invoice: "
                + (charge.separateInvoiceRequired() ? "yes" : "no"));
        rows.add(
            new DemoRow(
                charge.id() + " goes on",
                invoiceHolding(before, charge.id()),
                invoiceHolding(after, charge.id())));
      }
    }
    for (Party p : PARTIES) {
      boolean financed =
          sheet(BEFORE).items().stream()
              .anyMatch(i -> i instanceof CommsHubFinanceCharge && i.partyId().equals(p.id()));
      if (!financed) {
        continue;
      }
      String b = invoiceKinds(before, p);
      String a = invoiceKinds(after, p);
      if (!b.equals(a)) {
        rows.add(new DemoRow(p.id() + " " + p.name() + ": invoices issued", b, a));
      }
    }
    rows.add(
        new DemoRow(
            "CH finance invoices issued",
            Long.toString(count(before, InvoiceKind.CH_FINANCE)),
            Long.toString(count(after, InvoiceKind.CH_FINANCE))));
    rows.add(
        new DemoRow(
            "invoices issued in all",
            Integer.toString(before.invoices().size()),
            Integer.toString(after.invoices().size())));
    rows.add(reconciliation());
    return DemoSection.of(Modification.MP153, method, rows);
  }

  private static String weights() {
    StringJoiner joiner = new StringJoiner(", ");
    for (Party p : PARTIES) {
      joiner.add(p.id() + " " + p.allocationWeight());
    }
    return joiner.toString();
  }

  private DemoRow reconciliation() {
    return new DemoRow(
        "invoiced = charged",
        before.totalInvoiced() + " = " + before.totalCharged() + (before.reconciles() ? "" : " !"),
        after.totalInvoiced() + " = " + after.totalCharged() + (after.reconciles() ? "" : " !"));
  }

  private static boolean isAssessment(LineCategory category) {
    return category == LineCategory.PRIVACY_ASSESSMENT
        || category == LineCategory.PRIVACY_ASSESSMENT_SHARE;
  }

  private static String baselines(InvoiceRun run) {
    return run.invoices().stream()
        .flatMap(i -> i.lines().stream())
        .map(l -> l.baseline().name())
        .distinct()
        .reduce((x, y) -> x + ", " + y)
        .orElse("-");
  }

  private static String payers(InvoiceRun run, String itemId) {
    StringJoiner joiner = new StringJoiner(", ");
    for (Invoice i : run.invoices()) {
      for (InvoiceLine l : i.lines()) {
        if (l.itemId().equals(itemId)) {
          joiner.add(i.party().id() + " " + l.amount());
        }
      }
    }
    return joiner.toString();
  }

  private static Money sum(InvoiceRun run, Party party, Predicate<InvoiceLine> which) {
    Money total = Money.ZERO;
    for (Invoice i : run.invoicesFor(party.id())) {
      for (InvoiceLine l : i.lines()) {
        if (which.test(l)) {
          total = total.plus(l.amount());
        }
      }
    }
    return total;
  }

  private static String invoiceKinds(InvoiceRun run, Party party) {
    StringJoiner joiner = new StringJoiner(" + ");
    for (Invoice i : run.invoicesFor(party.id())) {
      joiner.add(i.kind().suffix());
    }
    return joiner.length() == 0 ? "none" : joiner.toString();
  }

  private static String invoiceHolding(InvoiceRun run, String itemId) {
    for (Invoice i : run.invoices()) {
      for (InvoiceLine l : i.lines()) {
        if (l.itemId().equals(itemId)) {
          return i.kind() == InvoiceKind.CH_FINANCE
              ? "separate CH finance invoice (" + i.kind().suffix() + ")"
              : "ordinary invoice (" + i.kind().suffix() + ")";
        }
      }
    }
    return "none";
  }

  private static long count(InvoiceRun run, InvoiceKind kind) {
    return run.invoices().stream().filter(i -> i.kind() == kind).count();
  }
}
