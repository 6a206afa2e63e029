package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The identities of the public test data are registered by default, each with its own credential
 * whose requests are accepted in its role; a role the catalogue does not allow gets E2.
 */
class DefaultUsersTest {
  private static final PartialAddress ADDRESS = new PartialAddress("M22 0RR", "Threapwood Road");

  @Test
  void twoSuppliersANetworkOperatorAndAnOtherUserAreRegisteredAndAnswered() throws Exception {
    try (Simulator s = Simulator.builder().start()) {
      assertThat(s.testUsers())
          .extracting(TestUser::eui)
          .containsExactlyElementsOf(Simulator.DEFAULT_USERS.keySet());
      assertThat(s.testUsers().get(0)).isEqualTo(s.testSupplier());
      assertThat(Simulator.DEFAULT_USERS)
          .containsEntry(Eui64.parse("90-B3-D5-1F-30-01-00-00"), UserRole.IMPORT_SUPPLIER)
          .containsEntry(Eui64.parse("90-B3-D5-1F-30-03-00-00"), UserRole.GAS_SUPPLIER)
          .containsEntry(Eui64.parse("90-B3-D5-1F-30-02-00-00"), UserRole.ELECTRICITY_DISTRIBUTOR)
          .containsEntry(Eui64.parse("00-DB-12-34-56-78-00-04"), UserRole.OTHER_USER);
      for (TestUser u : s.testUsers()) {
        assertThat(s.users().roleOf(u.eui())).hasValue(u.role());
        assertThat(s.newClient(u.eui()).requestWanMatrix(ADDRESS).responseCode().code())
            .as(u.eui() + " " + u.role())
            .isEqualTo("I0");
      }
      // Distinct keys: one User cannot sign as another.
      assertThat(s.testUsers().stream().map(u -> u.credential().certificate()).distinct())
          .hasSize(Simulator.DEFAULT_USERS.size());
      assertThatThrownBy(() -> s.newClient(Eui64.parse("90-B3-D5-1F-30-09-09-09")))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aRoleTheServiceDoesNotAllowIsAnsweredE2() throws Exception {
    ServiceCatalogue suppliersOnly =
        ServiceCatalogue.standard()
            .with(
                new ServiceDefinition(
                    ServiceReferenceVariant.REQUEST_WAN_MATRIX,
                    "Request WAN Matrix",
                    EnumSet.of(CommandVariant.NON_DEVICE),
                    WebService.NON_DEVICE,
                    EnumSet.of(UserRole.IMPORT_SUPPLIER, UserRole.GAS_SUPPLIER)));
    try (Simulator s = Simulator.builder().catalogue(suppliersOnly).start()) {
      Map<Eui64, String> codes = new java.util.LinkedHashMap<>();
      for (TestUser u : s.testUsers()) {
        codes.put(u.eui(), s.newClient(u.eui()).requestWanMatrix(ADDRESS).responseCode().code());
      }
      assertThat(List.copyOf(codes.values())).containsExactly("I0", "I0", "E2", "E2");
    }
  }
}
