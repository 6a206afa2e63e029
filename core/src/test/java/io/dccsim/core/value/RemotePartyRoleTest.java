package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemotePartyRoleTest {
  @Test
  void readsHexOuAndToleratesDecimal() {
    assertThat(RemotePartyRole.fromOrganisationalUnit("87")).isEqualTo(RemotePartyRole.XML_SIGN);
    assertThat(RemotePartyRole.fromOrganisationalUnit("89"))
        .isEqualTo(RemotePartyRole.DSP_XML_SIGN);
    assertThat(RemotePartyRole.fromOrganisationalUnit("137"))
        .isEqualTo(RemotePartyRole.DSP_XML_SIGN);
    assertThat(RemotePartyRole.fromOrganisationalUnit("02")).isEqualTo(RemotePartyRole.SUPPLIER);
    assertThat(RemotePartyRole.OTHER.hexCode()).isEqualTo("7F");
    assertThatThrownBy(() -> RemotePartyRole.fromOrganisationalUnit("ZZ"))
        .hasMessageContaining("ZZ");
  }
}
