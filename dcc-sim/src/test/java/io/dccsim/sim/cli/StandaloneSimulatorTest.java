package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TransportPki;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneSimulatorTest {
  @TempDir Path data;

  private SimulatorConfig config() {
    return SimulatorConfig.from(
        Map.of(),
        Map.of(),
        Map.of("port", "0", "smki-port", "0", "control-port", "0", "data-dir", data.toString()));
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
      for (String key : List.of(StandaloneSimulator.SUPPLIER_KEY, StandaloneSimulator.DCC_KEY)) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pki.resolve(key))))
            .as(key)
            .isEqualTo("rw-------");
      }
      first.value = s.simulator().dccCertificate().getSerialNumber();
      assertThat(answer(s, pki)).isNotEqualTo("E1");
    }
    assertThat(Files.exists(data.resolve("smki"))).isTrue();
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertThat(again.simulator().dccCertificate().getSerialNumber()).isEqualTo(first.value);
      assertThat(answer(again, data.resolve("pki"))).isNotEqualTo("E1");
    }
  }

  @Test
  void describesItsDirectoriesWithoutDotSegments() throws Exception {
    Path dotted = Files.createDirectories(data.resolve("sub")).resolve("..").resolve(".");
    SimulatorConfig c =
        SimulatorConfig.from(
            Map.of(),
            Map.of(),
            Map.of(
                "port",
                "0",
                "smki-port",
                "0",
                "control-port",
                "-1",
                "data-dir",
                dotted.toString()));
    try (StandaloneSimulator s = StandaloneSimulator.start(c)) {
      String text = described(s);
      Path real = data.toAbsolutePath().normalize();
      assertThat(text)
          .contains("credentials in   " + real.resolve("pki"))
          .contains("SMKI store       H2 " + real.resolve("smki"))
          .doesNotContain("/./")
          .doesNotContain("/../");
    }
  }

  /** Signs with the supplier's PEM files, verifies with the DCC's PEM certificate. */
  static String answer(StandaloneSimulator s, Path pki) {
    return answer(s, pki, HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build());
  }

  static String answer(StandaloneSimulator s, Path pki, HttpDuisTransport transport) {
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
            .transport(transport)
            .build();
    return client
        .requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"))
        .responseCode()
        .code();
  }

  private SimulatorConfig tls(String... more) {
    Map<String, String> f = new java.util.LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "-1");
    f.put("data-dir", data.toString());
    f.put("tls-generate", "true");
    for (int i = 0; i < more.length; i += 2) {
      f.put(more[i], more[i + 1]);
    }
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  /** A TLS client trusting only this CA file, presenting a client certificate if given. */
  static SSLContext client(Path caFile, Path certFile, Path keyFile) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    int n = 0;
    for (X509Certificate ca : PemMaterial.certificates(caFile)) {
      trust.setCertificateEntry("ca" + n++, ca);
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
    tmf.init(trust);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (certFile != null) {
      Credential c = CredentialLoader.load(certFile, keyFile);
      PrivateKey key =
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(c.privateKeyPkcs8Der()));
      keys.setKeyEntry(
          "client", key, "x".toCharArray(), c.certificateChain().toArray(new X509Certificate[0]));
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
    kmf.init(keys, "x".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  /** GET /metrics at https://localhost:port (so the host name is verified against localhost). */
  private static HttpResponse<String> metrics(StandaloneSimulator s, SSLContext ctx)
      throws Exception {
    return HttpClient.newBuilder()
        .sslContext(ctx)
        .connectTimeout(java.time.Duration.ofSeconds(10))
        .build()
        .send(
            HttpRequest.newBuilder(URI.create(localhostUrl(s) + "/metrics"))
                .timeout(java.time.Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static String localhostUrl(StandaloneSimulator s) {
    return "https://localhost:" + URI.create(s.simulator().baseUrl()).getPort();
  }

  private static String described(StandaloneSimulator s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void generatedTlsServesHttpsToClientsTrustingTheTransportCa() throws Exception {
    Path pki = data.resolve("pki");
    byte[] ca;
    byte[] server;
    try (StandaloneSimulator s = StandaloneSimulator.start(tls())) {
      assertThat(s.simulator().baseUrl()).startsWith("https://127.0.0.1:");
      String text = described(s);
      assertThat(text)
          .contains("POST https://127.0.0.1:")
          .contains(pki.toAbsolutePath().resolve(StandaloneSimulator.TLS_CA_CERT).toString())
          .contains(StandaloneSimulator.SUPPLIER_TLS_CERT)
          .contains("SMKI store       H2 ");
      SSLContext trustingCa = client(pki.resolve(StandaloneSimulator.TLS_CA_CERT), null, null);
      HttpResponse<String> r = metrics(s, trustingCa);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("# TYPE");
      // A signed SR 12.1 over HTTPS, to https://localhost:port.
      HttpDuisTransport https =
          HttpDuisTransport.builder(URI.create(localhostUrl(s))).sslContext(trustingCa).build();
      assertThat(answer(s, pki, https)).isEqualTo("I0");
      // The JDK's own trust store does not know the transport CA.
      assertThatThrownBy(() -> metrics(s, SSLContext.getDefault()))
          .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
      X509Certificate cert =
          PemMaterial.certificate(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT));
      assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
      assertThat(PemMaterial.certificates(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT)))
          .hasSize(2);
      ca = Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_CA_CERT));
      server = Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT));
    }
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(pki.resolve(StandaloneSimulator.TLS_SERVER_KEY))))
        .isEqualTo("rw-------");
    try (StandaloneSimulator again = StandaloneSimulator.start(tls())) {
      assertThat(Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_CA_CERT))).isEqualTo(ca);
      assertThat(Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT)))
          .isEqualTo(server);
      SSLContext trustingCa = client(pki.resolve(StandaloneSimulator.TLS_CA_CERT), null, null);
      assertThat(metrics(again, trustingCa).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aNewHostGetsANewServerCertificateFromTheSameCa() throws Exception {
    Path pki = data.resolve("pki");
    try (StandaloneSimulator s = StandaloneSimulator.start(tls())) {
      assertThat(s.simulator().baseUrl()).startsWith("https://");
    }
    byte[] ca = Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_CA_CERT));
    X509Certificate first =
        PemMaterial.certificate(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT));
    try (StandaloneSimulator s = StandaloneSimulator.start(tls("host", "127.0.0.2"))) {
      assertThat(s.simulator().baseUrl()).startsWith("https://127.0.0.2:");
      X509Certificate second =
          PemMaterial.certificate(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT));
      assertThat(second.getSerialNumber()).isNotEqualTo(first.getSerialNumber());
      assertThat(second.getSubjectAlternativeNames()).contains(List.of(7, "127.0.0.2"));
      assertThat(Files.readAllBytes(pki.resolve(StandaloneSimulator.TLS_CA_CERT))).isEqualTo(ca);
    }
    // More names come from tls-names (what clients use for a server on a wildcard address).
    try (StandaloneSimulator s =
        StandaloneSimulator.start(tls("tls-names", "dccsim.test, 10.1.2.3"))) {
      assertThat(s.simulator().baseUrl()).startsWith("https://127.0.0.1:");
      X509Certificate third =
          PemMaterial.certificate(pki.resolve(StandaloneSimulator.TLS_SERVER_CERT));
      assertThat(third.getSubjectAlternativeNames())
          .contains(List.of(2, "dccsim.test"), List.of(7, "10.1.2.3"), List.of(2, "localhost"));
    }
    assertThat(GeneratedTls.serverNames("0.0.0.0", List.of("dccsim.test", "[::1]", "LOCALHOST")))
        .containsExactly("localhost", "127.0.0.1", "::1", "dccsim.test");
  }

  @Test
  void mutualTlsWithTheGeneratedSupplierCertificate() throws Exception {
    Path pki = data.resolve("pki");
    try (StandaloneSimulator s = StandaloneSimulator.start(tls("tls-client-auth", "require"))) {
      Path ca = pki.resolve(StandaloneSimulator.TLS_CA_CERT);
      assertThatThrownBy(() -> metrics(s, client(ca, null, null)))
          .isInstanceOf(java.io.IOException.class);
      SSLContext supplier =
          client(
              ca,
              pki.resolve(StandaloneSimulator.SUPPLIER_TLS_CERT),
              pki.resolve(StandaloneSimulator.SUPPLIER_TLS_KEY));
      assertThat(metrics(s, supplier).statusCode()).isEqualTo(200);
      HttpDuisTransport https =
          HttpDuisTransport.builder(URI.create(localhostUrl(s))).sslContext(supplier).build();
      assertThat(answer(s, pki, https)).isEqualTo("I0");
      // A client certificate from another CA is refused.
      Path elsewhere = data.resolve("elsewhere");
      Credential stranger =
          TransportPki.create(java.time.Clock.systemUTC()).clientCredential("stranger");
      PemMaterial.write(stranger, elsewhere.resolve("c.pem"), elsewhere.resolve("k.pem"));
      assertThatThrownBy(
              () -> metrics(s, client(ca, elsewhere.resolve("c.pem"), elsewhere.resolve("k.pem"))))
          .isInstanceOf(java.io.IOException.class);
      assertThat(described(s)).contains("client auth require");
    }
  }

  @Test
  void theSmkiRepositoryInterfaceFollowsDuisOntoTls() throws Exception {
    Path pki = data.resolve("pki");
    try (StandaloneSimulator s = StandaloneSimulator.start(tls("smki-port", "0"))) {
      String line =
          described(s).lines().filter(l -> l.contains("SMKI repository")).findFirst().orElseThrow();
      assertThat(line).contains("https://");
      int port = URI.create(line.substring(line.indexOf("https://")).strip()).getPort();
      SSLContext trusting = client(pki.resolve(StandaloneSimulator.TLS_CA_CERT), null, null);
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .sslContext(trusting)
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("https://localhost:" + port + "/services/certificatesearch"))
                      .header("Content-Type", "application/xml")
                      .POST(
                          HttpRequest.BodyPublishers.ofString(
                              "<CertificateSearchRequest><CertificateSubjectName>"
                                  + Simulator.TEST_SUPPLIER_EUI
                                  + "</CertificateSubjectName></CertificateSearchRequest>"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      // The test supplier's certificates are in the store the interface serves.
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("<CertificateSearchResponse>");
    }
  }

  @Test
  void suppliedTlsFilesWinOverGeneration() throws Exception {
    Path own = data.resolve("own");
    TransportPki ownCa = TransportPki.create(java.time.Clock.systemUTC());
    PemMaterial.write(
        ownCa.serverCredential(List.of("localhost")),
        own.resolve("server.pem"),
        own.resolve("server.key.pem"));
    Files.writeString(own.resolve("ca.pem"), ownCa.ca().certificatePem());
    try (StandaloneSimulator s =
        StandaloneSimulator.start(
            tls(
                "tls-cert-file",
                own.resolve("server.pem").toString(),
                "tls-key-file",
                own.resolve("server.key.pem").toString()))) {
      assertThat(metrics(s, client(own.resolve("ca.pem"), null, null)).statusCode()).isEqualTo(200);
      assertThat(described(s)).contains("tls-generate is ignored");
      assertThat(data.resolve("pki").resolve(StandaloneSimulator.TLS_CA_CERT)).doesNotExist();
    }
  }

  private static final class BigIntegerHolder {
    java.math.BigInteger value;
  }
}
