package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.value.UserRole;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The invoices add up to the charges billed, to the penny, whatever the input and baseline. */
class ReconciliationPropertiesTest {

  @Property(tries = 300)
  void invoicesReconcileWithTheChargesBilled(
      @ForAll("sheets") ChargeSheet sheet, @ForAll("policies") BaselinePolicy policy) {
    InvoiceRun run = new Billing(policy).bill(sheet);

    assertThat(run.totalInvoiced()).isEqualTo(sheet.totalCharged());
    assertThat(run.reconciles()).isTrue();
    assertThat(run.invoices()).allSatisfy(i -> assertThat(i.lines()).isNotEmpty());
    assertThat(run.invoices()).extracting(Invoice::number).doesNotHaveDuplicates();
    assertThat(run.invoices())
        .flatExtracting(Invoice::lines)
        .allSatisfy(l -> assertThat(l.amount().isNegative()).isFalse());
  }

  @Property(tries = 200)
  void everyNonSharedItemLandsWhole(
      @ForAll("sheets") ChargeSheet sheet, @ForAll("policies") BaselinePolicy policy) {
    InvoiceRun run = new Billing(policy).bill(sheet);
    for (ChargeItem item : sheet.items()) {
      long billed =
          run.invoices().stream()
              .flatMap(i -> i.lines().stream())
              .filter(l -> l.itemId().equals(item.id()))
              .mapToLong(l -> l.amount().pence())
              .sum();
      assertThat(billed).as("item %s", item.id()).isEqualTo(item.amount().pence());
    }
  }

  @Property(tries = 200)
  void byDateAgreesWithThePinnedBaselineOfEachItemsDate(@ForAll("sheets") ChargeSheet sheet) {
    InvoiceRun byDate = new Billing(BaselinePolicy.byDate()).bill(sheet);
    InvoiceRun before = new Billing(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021)).bill(sheet);
    InvoiceRun after = new Billing(BaselinePolicy.pinned(Baseline.JUNE_2021)).bill(sheet);
    LocalDate goLive = LocalDate.of(2021, 6, 24);

    for (Invoice invoice : byDate.invoices()) {
      for (InvoiceLine line : invoice.lines()) {
        InvoiceRun pinned = line.date().isBefore(goLive) ? before : after;
        assertThat(line.baseline()).isEqualTo(pinned.policy().at(java.time.Instant.EPOCH));
        assertThat(pinned.invoice(invoice.number()))
            .as("invoice %s under %s", invoice.number(), pinned.policy())
            .hasValueSatisfying(i -> assertThat(i.lines()).contains(line));
      }
    }
  }

  @Provide
  Arbitrary<BaselinePolicy> policies() {
    return Arbitraries.of(
        BaselinePolicy.pinned(Baseline.PRE_JUNE_2021),
        BaselinePolicy.pinned(Baseline.JUNE_2021),
        BaselinePolicy.byDate());
  }

  @Provide
  Arbitrary<ChargeSheet> sheets() {
    Arbitrary<BillingPeriod> periods =
        Arbitraries.of(
            BillingPeriod.of(2021, 5),
            BillingPeriod.of(2021, 6),
            BillingPeriod.of(2021, 7),
            BillingPeriod.of(2020, 2));
    Arbitrary<List<Party>> parties =
        Combinators.combine(
                Arbitraries.of(EnumSet.allOf(UserRole.class)).set().ofMinSize(1).ofMaxSize(3),
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.of(true, false))
            .as(Tuple::of)
            .list()
            .ofMinSize(1)
            .ofMaxSize(12)
            .map(
                specs -> {
                  List<Party> list = new ArrayList<>();
                  for (int i = 0; i < specs.size(); i++) {
                    Set<UserRole> roles = EnumSet.copyOf(specs.get(i).get1());
                    if (specs.get(i).get3()) {
                      roles.add(UserRole.OTHER_USER);
                    }
                    list.add(new Party("P" + i, "Party " + i, roles, specs.get(i).get2()));
                  }
                  return list;
                });
    return Combinators.combine(periods, parties, itemSpecs())
        .as(ReconciliationPropertiesTest::build);
  }

  private record ItemSpec(int type, int party, int day, long pence, boolean flag) {}

  private Arbitrary<List<ItemSpec>> itemSpecs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(0, 1000),
            Arbitraries.integers().between(1, 31),
            Arbitraries.oneOf(
                Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, ChargeSheet.MAX_AMOUNT.pence())),
            Arbitraries.of(true, false))
        .as(ItemSpec::new)
        .list()
        .ofMaxSize(25);
  }

  private static ChargeSheet build(
      BillingPeriod period, List<Party> parties, List<ItemSpec> specs) {
    List<Party> otherUsers = parties.stream().filter(Party::isOtherUser).toList();
    List<ChargeItem> items = new ArrayList<>();
    int n = 0;
    for (ItemSpec s : specs) {
      n++;
      LocalDate date = period.month().atDay(Math.min(s.day(), period.month().lengthOfMonth()));
      Money amount = Money.ofPence(s.pence());
      String id = "I" + n;
      Party payer = parties.get(s.party() % parties.size());
      if (s.type() == 0) {
        items.add(new FixedChargeShare(id, payer.id(), date, amount, "fixed"));
      } else if (s.type() == 1 && !otherUsers.isEmpty()) {
        Party assessed = otherUsers.get(s.party() % otherUsers.size());
        items.add(new PrivacyAssessment(id, assessed.id(), date, amount, s.flag(), "rspa"));
      } else {
        items.add(new CommsHubFinanceCharge(id, payer.id(), date, amount, s.flag(), "chf"));
      }
    }
    return new ChargeSheet(period, parties, items);
  }
}
