package io.dccsim.sim.charging;

import static io.dccsim.sim.charging.Sheets.BEFORE_GO_LIVE;
import static io.dccsim.sim.charging.Sheets.GO_LIVE;
import static io.dccsim.sim.charging.Sheets.NETWORK;
import static io.dccsim.sim.charging.Sheets.OTHER_USER;
import static io.dccsim.sim.charging.Sheets.SUPPLIER_A;
import static io.dccsim.sim.charging.Sheets.SUPPLIER_B;
import static io.dccsim.sim.charging.Sheets.assessment;
import static io.dccsim.sim.charging.Sheets.finance;
import static io.dccsim.sim.charging.Sheets.fixed;
import static io.dccsim.sim.charging.Sheets.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingTest {

  private static final Billing BEFORE = new Billing(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021));
  private static final Billing AFTER = new Billing(BaselinePolicy.pinned(Baseline.JUNE_2021));
  private static final Billing BY_DATE = new Billing(BaselinePolicy.byDate());

  private static Money total(InvoiceRun run, Party party, InvoiceKind kind) {
    return run.invoice(party.id(), kind).map(Invoice::total).orElse(Money.ZERO);
  }

  @Test
  void beforeMp144AnAssessmentIsSharedByAllocationWeight() {
    InvoiceRun run = BEFORE.bill(sheet(assessment("R1", BEFORE_GO_LIVE, 300_000, false)));

    // Weights 6:3:1:0 share 3000.00 as 1800.00, 900.00, 300.00 and nothing for the Other User.
    assertThat(total(run, SUPPLIER_A, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(180_000));
    assertThat(total(run, SUPPLIER_B, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(90_000));
    assertThat(total(run, NETWORK, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(30_000));
    assertThat(run.invoicesFor(OTHER_USER.id())).isEmpty();
    assertThat(run.invoice(SUPPLIER_A.id(), InvoiceKind.ORDINARY).orElseThrow().lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.category()).isEqualTo(LineCategory.PRIVACY_ASSESSMENT_SHARE);
              assertThat(l.baseline()).isEqualTo(Baseline.PRE_JUNE_2021);
              assertThat(l.basis()).contains("MP144 not in force").contains("weight 6 of 10");
            });
    assertThat(run.reconciles()).isTrue();
  }

  @Test
  void afterMp144TheAssessedOtherUserPays() {
    InvoiceRun run = AFTER.bill(sheet(assessment("R1", GO_LIVE, 300_000, false)));

    assertThat(run.invoices())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.party()).isEqualTo(OTHER_USER);
              assertThat(i.total()).isEqualTo(Money.ofPence(300_000));
              assertThat(i.lines().get(0).category()).isEqualTo(LineCategory.PRIVACY_ASSESSMENT);
            });
  }

  @Test
  void afterMp144APanelRequestedAssessmentStaysShared() {
    InvoiceRun run = AFTER.bill(sheet(assessment("R1", GO_LIVE, 300_000, true)));

    assertThat(run.invoicesFor(OTHER_USER.id())).isEmpty();
    assertThat(total(run, SUPPLIER_A, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(180_000));
    assertThat(run.invoices().get(0).lines().get(0).basis()).contains("Panel requested");
  }

  @Test
  void beforeMp153FinanceChargesAlwaysGoOnASeparateInvoice() {
    InvoiceRun run =
        BEFORE.bill(
            sheet(
                fixed("F1", SUPPLIER_A, 10_000),
                finance("C1", SUPPLIER_A, BEFORE_GO_LIVE, 2_500, false),
                finance("C2", SUPPLIER_B, BEFORE_GO_LIVE, 4_000, true)));

    assertThat(total(run, SUPPLIER_A, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(10_000));
    assertThat(total(run, SUPPLIER_A, InvoiceKind.CH_FINANCE)).isEqualTo(Money.ofPence(2_500));
    assertThat(total(run, SUPPLIER_B, InvoiceKind.CH_FINANCE)).isEqualTo(Money.ofPence(4_000));
    assertThat(run.invoice("2021-06-SUPA-CHF")).isPresent();
  }

  @Test
  void afterMp153OnlyTheFinanceAgreementCanRequireASeparateInvoice() {
    InvoiceRun run =
        AFTER.bill(
            sheet(
                fixed("F1", SUPPLIER_A, 10_000),
                finance("C1", SUPPLIER_A, GO_LIVE, 2_500, false),
                finance("C2", SUPPLIER_B, GO_LIVE, 4_000, true)));

    assertThat(total(run, SUPPLIER_A, InvoiceKind.ORDINARY)).isEqualTo(Money.ofPence(12_500));
    assertThat(run.invoice(SUPPLIER_A.id(), InvoiceKind.CH_FINANCE)).isEmpty();
    assertThat(total(run, SUPPLIER_B, InvoiceKind.CH_FINANCE)).isEqualTo(Money.ofPence(4_000));
    assertThat(run.invoice(SUPPLIER_B.id(), InvoiceKind.ORDINARY)).isEmpty();
  }

  @Test
  void byDateJudgesEachItemOnItsOwnDateInAMonthStraddlingGoLive() {
    InvoiceRun run =
        BY_DATE.bill(
            sheet(
                assessment("R-old", GO_LIVE.minusDays(1), 1_000, false),
                assessment("R-new", GO_LIVE, 2_000, false),
                finance("C-old", SUPPLIER_A, GO_LIVE.minusDays(1), 300, false),
                finance("C-new", SUPPLIER_A, GO_LIVE, 500, false)));

    Invoice otherUser = run.invoice(OTHER_USER.id(), InvoiceKind.ORDINARY).orElseThrow();
    assertThat(otherUser.lines()).extracting(InvoiceLine::itemId).containsExactly("R-new");
    assertThat(otherUser.lines().get(0).baseline()).isEqualTo(Baseline.JUNE_2021);
    Invoice supplierOrdinary = run.invoice(SUPPLIER_A.id(), InvoiceKind.ORDINARY).orElseThrow();
    assertThat(supplierOrdinary.lines())
        .extracting(InvoiceLine::itemId)
        .containsExactly("R-old", "C-new");
    assertThat(run.invoice(SUPPLIER_A.id(), InvoiceKind.CH_FINANCE).orElseThrow().lines())
        .extracting(InvoiceLine::itemId, InvoiceLine::baseline)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C-old", Baseline.PRE_JUNE_2021));
    assertThat(run.reconciles()).isTrue();
    assertThat(run.totalCharged()).isEqualTo(Money.ofPence(3_800));
  }

  @Test
  void invoicesAreListedPartyByPartyOrdinaryFirst() {
    InvoiceRun run =
        BEFORE.bill(
            sheet(
                finance("C1", SUPPLIER_B, BEFORE_GO_LIVE, 1, false),
                fixed("F1", SUPPLIER_B, 2),
                fixed("F2", SUPPLIER_A, 3)));

    assertThat(run.invoices())
        .extracting(Invoice::number)
        .containsExactly("2021-06-SUPA-ORD", "2021-06-SUPB-ORD", "2021-06-SUPB-CHF");
  }

  @Test
  void anEmptySheetBillsNothing() {
    InvoiceRun run = AFTER.bill(new ChargeSheet(Sheets.JUNE_2021, Sheets.PARTIES, List.of()));
    assertThat(run.invoices()).isEmpty();
    assertThat(run.reconciles()).isTrue();
  }
}
