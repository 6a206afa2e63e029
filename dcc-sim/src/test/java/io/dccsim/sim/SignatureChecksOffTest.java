package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.SchemaVersion;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import org.junit.jupiter.api.Test;

/** The load-test setting: signatures are not checked, everything else still is. */
class SignatureChecksOffTest {

  @Test
  void anUnknownSignerAndAReplayedCounterAreAnsweredWhenChecksAreOff() throws Exception {
    try (Simulator dcc = Simulator.builder().signatureChecks(false).start()) {
      assertThat(dcc.checksSignatures()).isFalse();
      Credential stranger =
          TestPki.create(dcc.clock()).xmlSigningCredential(dcc.testSupplier().eui());
      SupplierClient other =
          new SupplierClient(
              dcc.baseUrl(), stranger, dcc.testSupplier().eui(), dcc.dccCertificate());
      byte[] request = other.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1));
      // the same bytes twice: with checks on, the second would be a replay (E1)
      assertThat(other.send(request).header().responseCode().code()).isNotEqualTo("E1");
      assertThat(other.send(request).header().responseCode().code()).isNotEqualTo("E1");
    }
  }

  @Test
  void checksAreOnByDefaultSoTheSameStrangerGetsE1() throws Exception {
    try (Simulator dcc = Simulator.builder().start()) {
      assertThat(dcc.checksSignatures()).isTrue();
      Credential stranger =
          TestPki.create(dcc.clock()).xmlSigningCredential(dcc.testSupplier().eui());
      SupplierClient other =
          new SupplierClient(
              dcc.baseUrl(), stranger, dcc.testSupplier().eui(), dcc.dccCertificate());
      byte[] request = other.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1));
      assertThat(other.send(request).header().responseCode().code()).isEqualTo("E1");
    }
  }
}
