package io.dccsim.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.Verdict;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** HTTPS and mutual TLS: the client certificate reaches the exchange. */
class TlsServerTest {
  private record Party(KeyPair keys, X509Certificate certificate) {}

  private static Party selfSigned(String cn) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = g.generateKeyPair();
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + cn),
            BigInteger.valueOf(System.nanoTime()),
            Date.from(now),
            Date.from(now.plus(Duration.ofDays(3650))),
            new X500Name("CN=" + cn),
            keys.getPublic());
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    X509Certificate cert =
        new JcaX509CertificateConverter()
            .getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    return new Party(keys, cert);
  }

  private static SSLContext clientContext(Party server, Party client) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("server", server.certificate());
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    if (client != null) {
      keys.setKeyEntry(
          "client",
          client.keys().getPrivate(),
          "x".toCharArray(),
          new X509Certificate[] {client.certificate()});
    }
    kmf.init(keys, "x".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  private static HttpResponse<String> post(String url, SSLContext ctx) throws Exception {
    HttpClient client =
        HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1).build();
    return client.send(
        HttpRequest.newBuilder(URI.create(url + "/api/v1/serviceD"))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString("<a/>"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Outcome ok(IncomingRequest r) {
    return new Outcome(
        Duration.ZERO,
        Outcome.Action.Respond.xml(
            200,
            ("<peer>"
                    + r.peerCertificate()
                        .map(c -> c.getSubjectX500Principal().getName())
                        .orElse("none")
                    + "</peer>")
                .getBytes()),
        Verdict.ANSWERED,
        "",
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void mutualTlsRequiresAClientCertificateAndShowsIt() throws Exception {
    Party server = selfSigned("dcc");
    Party client = selfSigned("supplier");
    List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    List<ExchangeListener> listeners = new CopyOnWriteArrayList<>(List.of(exchanges::add));
    TlsSettings tls =
        new TlsSettings(
            List.of(server.certificate()),
            server.keys().getPrivate(),
            List.of(client.certificate()),
            ClientAuthMode.REQUIRE);
    try (DuisServer s =
        DuisServer.start(
            ServerSettings.defaults().withTls(tls),
            TlsServerTest::ok,
            listeners,
            new SimulatorMetrics(),
            Clock.systemUTC())) {
      assertThat(s.baseUrl()).startsWith("https://127.0.0.1:");
      HttpResponse<String> r = post(s.baseUrl(), clientContext(server, client));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("<peer>CN=supplier</peer>");
      await().until(() -> !exchanges.isEmpty());
      assertThat(exchanges.get(0).peerCertificate()).contains(client.certificate());
      assertThatThrownBy(() -> post(s.baseUrl(), clientContext(server, null)))
          .isInstanceOf(java.io.IOException.class);
    }
  }

  @Test
  void optionalClientAuthAcceptsAClientWithoutCertificate() throws Exception {
    Party server = selfSigned("dcc");
    Party client = selfSigned("supplier");
    TlsSettings tls =
        new TlsSettings(
            List.of(server.certificate()),
            server.keys().getPrivate(),
            List.of(client.certificate()),
            ClientAuthMode.OPTIONAL);
    try (DuisServer s =
        DuisServer.start(
            ServerSettings.defaults().withTls(tls),
            TlsServerTest::ok,
            List.of(),
            new SimulatorMetrics(),
            Clock.systemUTC())) {
      assertThat(post(s.baseUrl(), clientContext(server, null)).body())
          .isEqualTo("<peer>none</peer>");
    }
  }
}
