package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.value.UserRole;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TestPki;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server's registry of Users: the {@code users} setting, Users registered and
 * removed through the control API with credentials (kept in the store across a restart), and an
 * existing test PKI imported with {@code pki-import}.
 */
class StandaloneUsersTest {
  private static final Eui64 GAS = Eui64.parse("90-B3-D5-1F-30-04-00-00");
  private static final Eui64 AGENT = Eui64.parse("00-DB-12-34-56-78-00-05");
  private static final Eui64 SECOND_SUPPLIER = Eui64.parse("90-B3-D5-1F-30-03-00-00");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private SimulatorConfig config(Map<String, String> more) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.toString());
    f.putAll(more);
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void usersFromTheSettingAndTheControlApiSignWithTheirOwnKeysAndOutliveARestart()
      throws Exception {
    SimulatorConfig config = config(Map.of("users", GAS + "=GS"));
    Credential agentKey;
    Credential agentDs;
    try (StandaloneSimulator s = StandaloneSimulator.start(config)) {
      assertThat(s.simulator().users().roleOf(GAS)).contains(UserRole.GAS_SUPPLIER);
      assertThat(send(s, GAS, keyFiles(s, GAS))).isEqualTo("I0");

      JsonNode added =
          control(s, "POST", "users", "{\"eui\": \"" + AGENT + "\", \"role\": \"RSA\"}");
      assertThat(added.get("credentials").asBoolean()).isTrue();
      JsonNode pem = control(s, "GET", "users/" + AGENT + "/credentials", null);
      agentKey =
          CredentialLoader.load(
              pem.get("certificatePem").asText().getBytes(StandardCharsets.US_ASCII),
              pem.get("privateKeyPem").asText().getBytes(StandardCharsets.US_ASCII));
      assertThat(pem.get("serial").asText())
          .isEqualToIgnoringCase(agentKey.certificate().getSerialNumber().toString(16));
      assertThat(send(s, AGENT, agentKey)).isEqualTo("I0");
      // its Digital Signing credential, to sign pre-commands with, comes with it
      JsonNode ds = pem.get("digitalSigning");
      agentDs =
          CredentialLoader.load(
              ds.get("certificatePem").asText().getBytes(StandardCharsets.US_ASCII),
              ds.get("privateKeyPem").asText().getBytes(StandardCharsets.US_ASCII));
      assertThat(io.dccsim.smki.pki.CertificateProfile.read(agentDs.certificate()).role())
          .hasValue(io.dccsim.core.value.RemotePartyRole.OTHER);
      assertThat(ds.get("serial").asText())
          .isEqualToIgnoringCase(agentDs.certificate().getSerialNumber().toString(16));

      control(s, "DELETE", "users/" + SECOND_SUPPLIER, null);
      assertThat(send(s, SECOND_SUPPLIER, keyFiles(s, SECOND_SUPPLIER))).isEqualTo("E1");
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config)) {
      assertThat(again.simulator().users().roleOf(AGENT))
          .as("registered through the control API before the restart")
          .contains(UserRole.REGISTERED_SUPPLIER_AGENT);
      assertThat(send(again, AGENT, agentKey)).as("the same key after the restart").isEqualTo("I0");
      assertThat(again.simulator().digitalSigningCredential(AGENT).orElseThrow().serial())
          .as("the same Digital Signing key after the restart")
          .isEqualTo(agentDs.serial());
      assertThat(again.simulator().users().roleOf(SECOND_SUPPLIER))
          .as("a removed default User stays removed")
          .isEmpty();
      assertThat(again.simulator().testUsers())
          .extracting(u -> u.eui())
          .contains(Simulator.TEST_SUPPLIER_EUI, GAS, AGENT)
          .doesNotContain(SECOND_SUPPLIER);
    }
  }

  @Test
  void aBadUsersSettingIsRefusedWithTheKey() {
    assertThatThrownBy(() -> config(Map.of("users", GAS + "=XX")))
        .hasMessageContaining("'users'")
        .hasMessageContaining("XX");
    assertThatThrownBy(() -> config(Map.of("users", GAS.toString())))
        .hasMessageContaining("EUI=ROLE");
  }

  @Test
  void anImportedTestPkiSignsRequestsAndAnswersWithTheTeamsOwnKeys() throws Exception {
    // Another PKI altogether: the keys a team already holds, as a directory of PEM files.
    TestPki theirs = TestPki.create(Clock.systemUTC());
    Eui64 newSupplier = Eui64.parse("90-B3-D5-1F-30-05-00-00");
    Credential supplier = theirs.xmlSigningCredential(Simulator.TEST_SUPPLIER_EUI);
    Credential other = theirs.xmlSigningCredential(newSupplier);
    Credential otherDs =
        theirs.organisation(newSupplier).role(RemotePartyRole.SUPPLIER).digitalSigning().issue();
    Credential dsp = theirs.dspXmlSigningCredential(Simulator.DCC_EUI);
    Path bundle = data.resolve("their-pki");
    Files.createDirectories(bundle.resolve("cert"));
    Files.createDirectories(bundle.resolve("key"));
    int n = 0;
    for (Credential c : new Credential[] {supplier, other, otherDs, dsp}) {
      n++;
      Files.writeString(bundle.resolve("cert/" + n + ".pem"), c.certificateChainPem());
      Files.writeString(bundle.resolve("key/" + n + ".key"), c.privateKeyPkcs8Pem());
    }

    try (StandaloneSimulator s =
        StandaloneSimulator.start(config(Map.of("pki-import", bundle.toString())))) {
      assertThat(s.simulator().dccCertificate()).isEqualTo(dsp.certificate());
      assertThat(s.simulator().users().roleOf(newSupplier))
          .as("read from its supplier certificate")
          .contains(UserRole.IMPORT_SUPPLIER);
      // Requests signed with their keys, answers checked against their DSP certificate.
      assertThat(send(s, Simulator.TEST_SUPPLIER_EUI, supplier, dsp.certificate())).isEqualTo("I0");
      assertThat(send(s, newSupplier, other, dsp.certificate())).isEqualTo("I0");
      assertThat(s.simulator().testUser(newSupplier).orElseThrow().credential().certificate())
          .isEqualTo(other.certificate());
    }
  }

  @Test
  void aBundleHoldingOnlyAnotherDccsKeyStopsTheStartNamingBoth() throws Exception {
    TestPki theirs = TestPki.create(Clock.systemUTC());
    Eui64 elsewhere = Eui64.parse("90-B3-D5-1F-30-00-00-09");
    Credential dsp = theirs.dspXmlSigningCredential(elsewhere);
    Path bundle = data.resolve("their-pki");
    Files.createDirectories(bundle);
    Files.writeString(bundle.resolve("dsp.pem"), dsp.certificateChainPem());
    Files.writeString(bundle.resolve("dsp.key"), dsp.privateKeyPkcs8Pem());

    assertThatThrownBy(
            () -> StandaloneSimulator.start(config(Map.of("pki-import", bundle.toString()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(elsewhere.toString())
        .hasMessageContaining(Simulator.DCC_EUI.toString());
  }

  private static Credential keyFiles(StandaloneSimulator s, Eui64 eui) {
    String base = "user-" + eui.toString().replace("-", "") + "-xmlsign";
    Path pki = s.configuration().pkiDir();
    return CredentialLoader.load(pki.resolve(base + ".cert.pem"), pki.resolve(base + ".key.pem"));
  }

  private static String send(StandaloneSimulator s, Eui64 user, Credential key) {
    return send(
        s,
        user,
        key,
        PemMaterial.certificate(s.configuration().pkiDir().resolve(StandaloneSimulator.DCC_CERT)));
  }

  private static String send(
      StandaloneSimulator s, Eui64 user, Credential key, X509Certificate dcc) {
    DuisClient client =
        DuisClient.builder()
            .user(user, SigningCredential.of(key.privateKey(), key.certificate()))
            .dcc(Simulator.DCC_EUI, dcc)
            .counter(RequestCounter.fromClock(Clock.systemUTC()))
            .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
            .build();
    return client
        .requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"))
        .responseCode()
        .code();
  }

  private static JsonNode control(StandaloneSimulator s, String method, String path, String body)
      throws Exception {
    HttpResponse<String> answer = ControlCalls.call(s, method, path, body);
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isLessThan(300);
    return JSON.readTree(answer.body());
  }
}
