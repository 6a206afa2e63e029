package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserRoleTest {
  @Test
  void mapsToTheRemotePartyRoleOfTheCertificates() {
    assertThat(UserRole.withRemotePartyRole(RemotePartyRole.SUPPLIER))
        .containsExactlyInAnyOrder(
            UserRole.IMPORT_SUPPLIER, UserRole.EXPORT_SUPPLIER, UserRole.GAS_SUPPLIER);
    assertThat(UserRole.withRemotePartyRole(RemotePartyRole.NETWORK_OPERATOR))
        .containsExactlyInAnyOrder(UserRole.ELECTRICITY_DISTRIBUTOR, UserRole.GAS_TRANSPORTER);
    assertThat(UserRole.withRemotePartyRole(RemotePartyRole.OTHER))
        .containsExactlyInAnyOrder(UserRole.REGISTERED_SUPPLIER_AGENT, UserRole.OTHER_USER);
    assertThat(UserRole.withRemotePartyRole(RemotePartyRole.XML_SIGN)).isEmpty();
    assertThat(UserRole.GAS_SUPPLIER.isSupplier()).isTrue();
    assertThat(UserRole.OTHER_USER.isSupplier()).isFalse();
  }

  @Test
  void parsesAbbreviationsAndNames() {
    assertThat(UserRole.parse("gt")).hasValue(UserRole.GAS_TRANSPORTER);
    assertThat(UserRole.parse("RSA")).hasValue(UserRole.REGISTERED_SUPPLIER_AGENT);
    assertThat(UserRole.parse("other_user")).hasValue(UserRole.OTHER_USER);
    assertThat(UserRole.parse("DCC")).isEmpty();
    assertThat(UserRole.parse(null)).isEmpty();
  }
}
