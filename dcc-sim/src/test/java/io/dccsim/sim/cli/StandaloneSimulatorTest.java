package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneSimulatorTest {
  @TempDir Path data;

  private SimulatorConfig config() {
    return SimulatorConfig.from(
        Map.of(), Map.of(), Map.of("port", "0", "smki-port", "0", "data-dir", data.toString()));
  }

  @Test
  void writesCredentialsAClientCanUseAndKeepsThemAcrossRestarts() throws Exception {
    BigIntegerHolder first = new BigIntegerHolder();
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains(s.simulator().baseUrl() + "/api/v1/serviceD")
          .contains("/services/certificatesearch")
          .contains(data.resolve("pki").toAbsolutePath().toString());
      Path pki = data.resolve("pki");
      assertThat(Files.readString(pki.resolve(StandaloneSimulator.SUPPLIER_KEY)))
          .contains("BEGIN PRIVATE KEY");
      first.value = s.simulator().dccCertificate().getSerialNumber();
      assertThat(answer(s, pki)).isNotEqualTo("E1");
    }
    assertThat(Files.exists(data.resolve("smki"))).isTrue();
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertThat(again.simulator().dccCertificate().getSerialNumber()).isEqualTo(first.value);
      assertThat(answer(again, data.resolve("pki"))).isNotEqualTo("E1");
    }
  }

  /** Signs with the supplier's PEM files, verifies with the DCC's PEM certificate. */
  private static String answer(StandaloneSimulator s, Path pki) {
    Credential supplier =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    X509Certificate dcc = PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT));
    DuisClient client =
        DuisClient.builder()
            .user(
                Simulator.TEST_SUPPLIER_EUI,
                SigningCredential.of(supplier.privateKey(), supplier.certificate()))
            .dcc(Simulator.DCC_EUI, dcc)
            .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
            .build();
    return client
        .requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"))
        .responseCode()
        .code();
  }

  private static final class BigIntegerHolder {
    java.math.BigInteger value;
  }
}
