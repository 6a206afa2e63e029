package io.dccsim.sim.charging;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns a {@link ChargeSheet} into invoices under a {@link BaselinePolicy}. Pure: the same sheet
 * and policy always give the same invoices.
 *
 * <p>Each charge item is judged under the baseline in force at the start of its date in UK time, so
 * a by-date run over a month straddling go-live (June 2021) applies the old rules to items dated
 * before 24 June 2021 and the new rules to items dated on or after it. A pinned policy applies its
 * baseline to every item.
 */
public final class Billing {

  /** The zone in which charge item dates are read. */
  public static final ZoneId UK = ZoneId.of("Europe/London");

  private final BaselinePolicy policy;

  /** Billing under this policy. */
  public Billing(BaselinePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy this billing applies. */
  public BaselinePolicy policy() {
    return policy;
  }

  /** The baseline that applies to a charge item dated {@code date}. */
  public Baseline baselineOn(LocalDate date) {
    return policy.at(date.atStartOfDay(UK).toInstant());
  }

  /** Bills the sheet: every item lands on exactly one party's invoices, so the run reconciles. */
  public InvoiceRun bill(ChargeSheet sheet) {
    Map<String, Map<InvoiceKind, List<InvoiceLine>>> lines = new LinkedHashMap<>();
    for (Party party : sheet.parties()) {
      lines.put(party.id(), new EnumMap<>(InvoiceKind.class));
    }
    for (ChargeItem item : sheet.items()) {
      Baseline baseline = baselineOn(item.date());
      if (item instanceof FixedChargeShare fixed) {
        add(
            lines,
            fixed.partyId(),
            InvoiceKind.ORDINARY,
            line(fixed, LineCategory.FIXED_CHARGE, baseline, "fixed charge share", fixed.amount()));
      } else if (item instanceof PrivacyAssessment assessment) {
        billAssessment(sheet, lines, assessment, baseline);
      } else if (item instanceof CommsHubFinanceCharge finance) {
        InvoiceKind kind = ChargingRules.invoiceOf(finance, baseline);
        add(
            lines,
            finance.partyId(),
            kind,
            line(
                finance,
                LineCategory.CH_FINANCE_CHARGE,
                baseline,
                financeBasis(finance, baseline, kind),
                finance.amount()));
      }
    }
    List<Invoice> invoices = new ArrayList<>();
    for (Party party : sheet.parties()) {
      for (Map.Entry<InvoiceKind, List<InvoiceLine>> e : lines.get(party.id()).entrySet()) {
        invoices.add(
            new Invoice(
                Invoice.numberFor(sheet.period(), party, e.getKey()),
                party,
                e.getKey(),
                sheet.period(),
                e.getValue()));
      }
    }
    return new InvoiceRun(sheet.period(), policy, invoices, sheet.totalCharged());
  }

  private static void billAssessment(
      ChargeSheet sheet,
      Map<String, Map<InvoiceKind, List<InvoiceLine>>> lines,
      PrivacyAssessment assessment,
      Baseline baseline) {
    boolean mp144 = baseline.isInForce(Modification.MP144);
    if (ChargingRules.payerOf(assessment, baseline)
        == ChargingRules.AssessmentPayer.ASSESSED_OTHER_USER) {
      add(
          lines,
          assessment.partyId(),
          InvoiceKind.ORDINARY,
          line(
              assessment,
              LineCategory.PRIVACY_ASSESSMENT,
              baseline,
              "MP144 in force: the assessed Other User pays the full cost",
              assessment.amount()));
      return;
    }
    String why =
        mp144
            ? "MP144 in force but the Panel requested the assessment: cost shared by all DCC Users"
            : "MP144 not in force: cost shared by all DCC Users";
    long totalWeight = 0;
    boolean allZero = sheet.parties().stream().allMatch(p -> p.allocationWeight() == 0);
    for (Party p : sheet.parties()) {
      totalWeight += allZero ? 1 : p.allocationWeight();
    }
    Map<String, Money> shares = Allocation.share(assessment.amount(), sheet.parties());
    for (Party p : sheet.parties()) {
      Money share = shares.get(p.id());
      if (share.isZero()) {
        continue;
      }
      long weight = allZero ? 1 : p.allocationWeight();
      add(
          lines,
          p.id(),
          InvoiceKind.ORDINARY,
          line(
              assessment,
              LineCategory.PRIVACY_ASSESSMENT_SHARE,
              baseline,
              why
                  + " (weight "
                  + weight
                  + " of "
                  + totalWeight
                  + ", of "
                  + assessment.amount()
                  + " for "
                  + assessment.partyId()
                  + ")",
              share));
    }
  }

  private static String financeBasis(
      CommsHubFinanceCharge charge, Baseline baseline, InvoiceKind kind) {
    if (!baseline.isInForce(Modification.MP153)) {
      return "MP153 not in force: always invoiced separately";
    }
    return kind == InvoiceKind.CH_FINANCE
        ? "MP153 in force: the finance agreement requires a separate invoice"
        : "MP153 in force: no separate invoice required, on the ordinary invoice";
  }

  private static InvoiceLine line(
      ChargeItem item, LineCategory category, Baseline baseline, String basis, Money amount) {
    return new InvoiceLine(
        item.id(), category, item.date(), baseline, item.description(), basis, amount);
  }

  private static void add(
      Map<String, Map<InvoiceKind, List<InvoiceLine>>> lines,
      String partyId,
      InvoiceKind kind,
      InvoiceLine line) {
    lines.get(partyId).computeIfAbsent(kind, k -> new ArrayList<>()).add(line);
  }
}
