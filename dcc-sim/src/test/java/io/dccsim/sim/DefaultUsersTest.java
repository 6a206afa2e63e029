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

  @Test
  void aUserAddedAtRunTimeSignsWithItsOwnNewKeyAndARemovedOneIsRefusedE1() throws Exception {
    Eui64 gas = Eui64.parse("90-B3-D5-1F-30-04-00-00");
    try (Simulator s = Simulator.builder().users(Map.of(gas, UserRole.GAS_SUPPLIER)).start()) {
      assertThat(s.newClient(gas).requestWanMatrix(ADDRESS).responseCode().code()).isEqualTo("I0");
      Eui64 agent = Eui64.parse("00-DB-12-34-56-78-00-05");
      TestUser added = s.addUser(agent, UserRole.REGISTERED_SUPPLIER_AGENT);
      assertThat(s.userCredentials().of(agent)).contains(added.credential());
      assertThat(s.repository().findBySerial(added.credential().serial())).isPresent();
      assertThat(s.newClient(agent).requestWanMatrix(ADDRESS).responseCode().code())
          .isEqualTo("I0");
      // re-registering keeps the key and changes the role
      assertThat(s.addUser(agent, UserRole.OTHER_USER).credential()).isEqualTo(added.credential());
      assertThat(s.testUser(agent).orElseThrow().role()).isEqualTo(UserRole.OTHER_USER);

      var client = s.newClient(agent);
      assertThat(s.removeUser(agent)).isTrue();
      assertThat(client.requestWanMatrix(ADDRESS).responseCode().code()).isEqualTo("E1");
      assertThat(s.testUser(agent)).isEmpty();
      assertThat(s.removeUser(agent)).isFalse();
    }
  }

  @Test
  void aRegistrationMadeAfterStartOutlivesARestartOnTheSameStore(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    Eui64 agent = Eui64.parse("00-DB-12-34-56-78-00-05");
    Eui64 second = Eui64.parse("90-B3-D5-1F-30-03-00-00");
    try (var store = io.dccsim.smki.repository.CertificateRepositories.h2File(dir);
        Simulator s = Simulator.builder().repository(store).start()) {
      s.addUser(agent, UserRole.REGISTERED_SUPPLIER_AGENT);
      s.removeUser(second);
    }
    try (var store = io.dccsim.smki.repository.CertificateRepositories.h2File(dir);
        Simulator s = Simulator.builder().repository(store).start()) {
      assertThat(s.users().roleOf(agent)).contains(UserRole.REGISTERED_SUPPLIER_AGENT);
      assertThat(s.users().roleOf(second)).as("removed before the restart").isEmpty();
      assertThat(s.newClient(agent).requestWanMatrix(ADDRESS).responseCode().code())
          .isEqualTo("I0");
    }
  }
}
