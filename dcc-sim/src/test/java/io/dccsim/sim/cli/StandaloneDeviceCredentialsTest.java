package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.http.SmkiRepositoryClient;
import io.dccsim.smki.http.SmkiRepositoryServer;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server gives a device's certificates on the control API (never its keys), files
 * them in the SMKI repository its interface serves, and keeps the device's keys in {@code pki-dir}
 * so that a restart reuses them; each User also has a Key Agreement credential.
 */
class StandaloneDeviceCredentialsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Eui64 METER = SyntheticEstate.eui(DeviceType.GSME, 2);

  @TempDir Path data;

  private SimulatorConfig config() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.toString());
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void aDevicesCertificatesComeFromTheControlApiAndTheSmkiInterfaceAndOutliveARestart()
      throws Exception {
    String kaSerial;
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      HttpResponse<String> answer =
          ControlCalls.call(s, "GET", "devices/" + METER + "/credentials", null);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).doesNotContain("PRIVATE KEY").doesNotContain("privateKeyPem");
      JsonNode body = JSON.readTree(answer.body());
      assertThat(body.get("device").asText()).isEqualTo(METER.toString());
      X509Certificate ka =
          PemMaterial.certificates(
                  body.at("/keyAgreement/certificatePem")
                      .asText()
                      .getBytes(StandardCharsets.US_ASCII))
              .get(0);
      assertThat(CertificateProfile.read(ka).usage()).isEqualTo(CertificateUsage.KA);
      assertThat(CertificateProfile.read(ka).eui()).hasValue(METER);
      kaSerial = body.at("/keyAgreement/serial").asText();
      assertThat(kaSerial).isEqualToIgnoringCase(ka.getSerialNumber().toString(16));

      try (SmkiRepositoryServer server =
          SmkiRepositoryServer.builder(s.simulator().repository()).port(0).start()) {
        SmkiRepositoryClient smki = SmkiRepositoryClient.of(server.baseUri());
        assertThat(smki.searchDevice(METER))
            .hasSize(2)
            .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.IN_USE));
        assertThat(smki.deviceCertificate(METER, CertificateUsage.KA)).hasValue(ka);
      }

      // the key is kept owner-only beside the Users' keys
      Path keyFile =
          data.resolve("pki")
              .resolve("devices")
              .resolve(METER.toString().replace("-", "") + "-ka.key.pem");
      assertThat(keyFile).exists();
      assertThat(Files.readString(keyFile)).contains("PRIVATE KEY");

      // a User's Key Agreement credential, to decode its devices' responses with
      JsonNode user =
          JSON.readTree(
              ControlCalls.call(s, "GET", "users/90-B3-D5-1F-30-01-00-00/credentials", null)
                  .body());
      assertThat(user.at("/keyAgreement/privateKeyPem").asText()).contains("PRIVATE KEY");

      assertThat(
              ControlCalls.call(s, "GET", "devices/00-00-00-00-00-00-00-01/credentials", null)
                  .statusCode())
          .isEqualTo(404);
      HttpResponse<String> bad = ControlCalls.call(s, "GET", "devices/meter/credentials", null);
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("EUI-64").doesNotContain("Exception");
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      JsonNode body =
          JSON.readTree(
              ControlCalls.call(again, "GET", "devices/" + METER + "/credentials", null).body());
      assertThat(body.at("/keyAgreement/serial").asText())
          .as("the same key after the restart")
          .isEqualTo(kaSerial);
      assertThat(again.simulator().repository().count(CertificateStatus.IN_USE)).isPositive();
    }
  }
}
