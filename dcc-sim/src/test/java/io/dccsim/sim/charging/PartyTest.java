package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.UserRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartyTest {

  @Test
  void refusesMalformedParties() {
    assertThatThrownBy(() -> new Party("bad id", "N", Set.of(UserRole.OTHER_USER), 1))
        .hasMessageContaining("party id 'bad id'");
    assertThatThrownBy(() -> new Party("A", " ", Set.of(UserRole.OTHER_USER), 1))
        .hasMessageContaining("party A: name is missing");
    assertThatThrownBy(() -> new Party("A", "N", Set.of(), 1))
        .hasMessageContaining("party A: at least one role");
    assertThatThrownBy(() -> new Party("A", "N", Set.of(UserRole.OTHER_USER), -1))
        .hasMessageContaining("allocation weight -1 is not between 0 and");
  }

  @Test
  void knowsAnOtherUserAndKeepsRolesInOrder() {
    Party p = new Party("A", "N", Set.of(UserRole.OTHER_USER, UserRole.IMPORT_SUPPLIER), 0);
    assertThat(p.isOtherUser()).isTrue();
    assertThat(p.roles()).containsExactly(UserRole.IMPORT_SUPPLIER, UserRole.OTHER_USER);
    assertThat(Party.of("B", "N", UserRole.GAS_SUPPLIER).isOtherUser()).isFalse();
  }

  @Test
  void aSheetRefusesTooManyProblemsAtOnceListingThemAll() {
    assertThatThrownBy(
            () ->
                new ChargeSheet(
                    BillingPeriod.of(2021, 6),
                    List.of(Sheets.SUPPLIER_A, Sheets.SUPPLIER_A),
                    List.of(
                        Sheets.fixed("F", Sheets.SUPPLIER_A, 1),
                        Sheets.fixed("F", Sheets.NETWORK, ChargeSheet.MAX_AMOUNT.pence() + 1))))
        .isInstanceOf(InvalidChargesException.class)
        .hasMessageContaining("4 problems")
        .hasMessageContaining("party id SUPA appears more than once")
        .hasMessageContaining("item id F appears more than once")
        .hasMessageContaining("FIXED_CHARGE item F names unknown party DNO1")
        .hasMessageContaining("exceeds the limit");
  }
}
