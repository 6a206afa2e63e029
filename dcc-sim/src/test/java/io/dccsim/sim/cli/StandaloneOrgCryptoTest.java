package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.PemMaterial;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCC Boxed's SMKI conveniences on the standalone server: {@code org-crypto.zip} holds every test
 * User's certificate and key in the documented layout (and signs requests the DCC accepts), never
 * the DCC's key; it is offered on loopback only by default; {@code smki-api-key} makes {@code
 * ?apikey=} mandatory.
 */
class StandaloneOrgCryptoTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  private StandaloneSimulator start(String... more) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("smki-port", "0");
    flags.put("control-port", "-1");
    flags.put("data-dir", data.toString());
    for (int i = 0; i < more.length; i += 2) {
      flags.put(more[i], more[i + 1]);
    }
    return StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), flags));
  }

  private HttpResponse<byte[]> get(StandaloneSimulator s, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(s.smkiBaseUri() + path)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  @Test
  void theZipHoldsEachTestUsersCertificateAndKeyAndThoseKeysAreAccepted() throws Exception {
    try (StandaloneSimulator s = start()) {
      HttpResponse<byte[]> r = get(s, "/assets/crypto/org-crypto.zip");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type")).hasValue("application/zip");
      Map<String, byte[]> files = unzip(r.body());
      assertThat(files).containsKeys("manifest.json", OrgCryptoZip.DCC_CERT);
      assertThat(files.keySet())
          .allMatch(
              n -> n.equals("manifest.json") || n.matches("cert/[^/]+\\.pem|key/[^/]+\\.key"));

      JsonNode manifest = JSON.readTree(files.get("manifest.json"));
      assertThat(manifest.get("dcc").asText()).isEqualTo(Simulator.DCC_EUI.toString());
      assertThat(manifest.get("users")).isNotEmpty();
      X509Certificate dcc = PemMaterial.certificates(files.get(OrgCryptoZip.DCC_CERT)).get(0);
      assertThat(dcc).isEqualTo(s.simulator().dccCertificate());
      // The DCC's private key is never in it.
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        if (f.getKey().startsWith("key/")) {
          PrivateKey k = PemMaterial.privateKey(f.getValue());
          assertThat(k.getEncoded()).as(f.getKey()).isNotEqualTo(dccKey(s).getEncoded());
        }
      }

      for (JsonNode u : manifest.get("users")) {
        Eui64 eui = Eui64.parse(u.get("eui").asText());
        assertThat(u.get("certificate").asText()).isEqualTo(OrgCryptoZip.certName(eui));
        X509Certificate cert =
            PemMaterial.certificates(files.get(u.get("certificate").asText())).get(0);
        PrivateKey key = PemMaterial.privateKey(files.get(u.get("privateKey").asText()));
        assertThat(cert.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT))
            .isEqualTo(u.get("serial").asText());
        assertThat(u.get("role").asText()).isNotBlank();
        // and its Digital Signing credential, to sign pre-commands with
        X509Certificate ds =
            PemMaterial.certificates(files.get(u.get("digitalSigningCertificate").asText())).get(0);
        assertThat(PemMaterial.privateKey(files.get(u.get("digitalSigningPrivateKey").asText())))
            .isNotNull();
        assertThat(ds.getSerialNumber())
            .isEqualTo(s.simulator().digitalSigningCredential(eui).orElseThrow().serial());
        // Requests signed with what the zip holds are accepted as that User.
        DuisClient client =
            DuisClient.builder()
                .user(eui, SigningCredential.of(key, cert))
                .dcc(Simulator.DCC_EUI, dcc)
                .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
                .build();
        assertThat(
                client
                    .requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"))
                    .responseCode()
                    .code())
            .as(eui.toString())
            .isEqualTo("I0");
      }
      assertThat(banner(s)).contains("/assets/crypto/org-crypto.zip");
    }
  }

  private static PrivateKey dccKey(StandaloneSimulator s) {
    return PemMaterial.privateKey(s.configuration().pkiDir().resolve(StandaloneSimulator.DCC_KEY));
  }

  @Test
  void theZipIsOfferedOnLoopbackOnlyUnlessAskedAndCanBeSwitchedOff() throws Exception {
    try (StandaloneSimulator wide = start("host", "0.0.0.0")) {
      assertThat(get(wide, "/assets/crypto/org-crypto.zip").statusCode()).isEqualTo(404);
      assertThat(banner(wide)).doesNotContain("org-crypto.zip");
    }
    try (StandaloneSimulator asked = start("host", "0.0.0.0", "org-crypto", "any")) {
      assertThat(get(asked, "/assets/crypto/org-crypto.zip").statusCode()).isEqualTo(200);
    }
    try (StandaloneSimulator off = start("org-crypto", "off")) {
      assertThat(get(off, "/assets/crypto/org-crypto.zip").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aConfiguredApiKeyIsRequiredAndNeverPrinted() throws Exception {
    try (StandaloneSimulator s = start("smki-api-key", "k-123-secret")) {
      assertThat(get(s, "/services/crl").statusCode()).isEqualTo(401);
      assertThat(get(s, "/services/extracts?apikey=nope").statusCode()).isEqualTo(403);
      assertThat(get(s, "/services/extracts?apikey=k-123-secret").statusCode()).isEqualTo(200);
      assertThat(banner(s)).contains("?apikey=").doesNotContain("k-123-secret");
      assertThat(s.configuration().toString()).doesNotContain("k-123-secret");
    }
    try (StandaloneSimulator open = start()) {
      assertThat(get(open, "/services/extracts?apikey=whatever").statusCode()).isEqualTo(200);
    }
  }

  private static String banner(StandaloneSimulator s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    s.describe(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }
}
