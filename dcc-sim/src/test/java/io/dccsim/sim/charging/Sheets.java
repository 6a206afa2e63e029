package io.dccsim.sim.charging;

import io.dccsim.core.value.UserRole;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A small charge sheet shared by the tests: two suppliers, a network, an Other User. */
final class Sheets {

  static final BillingPeriod JUNE_2021 = BillingPeriod.of(2021, 6);
  static final LocalDate BEFORE_GO_LIVE = LocalDate.of(2021, 6, 10);
  static final LocalDate GO_LIVE = LocalDate.of(2021, 6, 24);

  static final Party SUPPLIER_A =
      new Party("SUPA", "Alpha Energy", Set.of(UserRole.IMPORT_SUPPLIER), 6);
  static final Party SUPPLIER_B =
      new Party("SUPB", "Beta Gas", Set.of(UserRole.GAS_SUPPLIER, UserRole.IMPORT_SUPPLIER), 3);
  static final Party NETWORK =
      new Party("DNO1", "Northern Wires", Set.of(UserRole.ELECTRICITY_DISTRIBUTOR), 1);
  static final Party OTHER_USER =
      new Party("OU1", "Insight Analytics", Set.of(UserRole.OTHER_USER), 0);

  static final List<Party> PARTIES = List.of(SUPPLIER_A, SUPPLIER_B, NETWORK, OTHER_USER);

  private Sheets() {}

  static ChargeSheet sheet(ChargeItem... items) {
    return new ChargeSheet(JUNE_2021, PARTIES, List.of(items));
  }

  static PrivacyAssessment assessment(String id, LocalDate date, long pence, boolean panel) {
    return new PrivacyAssessment(
        id, OTHER_USER.id(), date, Money.ofPence(pence), panel, "RSPA " + id);
  }

  static CommsHubFinanceCharge finance(
      String id, Party party, LocalDate date, long pence, boolean separate) {
    return new CommsHubFinanceCharge(
        id, party.id(), date, Money.ofPence(pence), separate, "CH finance " + id);
  }

  static FixedChargeShare fixed(String id, Party party, long pence) {
    return new FixedChargeShare(
        id, party.id(), JUNE_2021.firstDay(), Money.ofPence(pence), "Fixed " + id);
  }
}
