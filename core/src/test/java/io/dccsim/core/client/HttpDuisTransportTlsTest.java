package io.dccsim.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.dccsim.core.signature.TestCredentials;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTPS with a client certificate, as production DUIS uses, through an {@link SSLContext}. */
class HttpDuisTransportTlsTest {
  private static final char[] PASSWORD = "test-only".toCharArray();

  private HttpsServer server;
  private ExecutorService pool;
  private final AtomicReference<String> clientSubject = new AtomicReference<>();
  private KeyPair serverKeys;
  private X509Certificate serverCert;
  private KeyPair clientKeys;
  private X509Certificate clientCert;

  @BeforeEach
  void start() throws Exception {
    serverKeys = TestCredentials.p256();
    serverCert = selfSigned(serverKeys, "CN=Test DCC", true);
    clientKeys = TestCredentials.p256();
    clientCert = selfSigned(clientKeys, "CN=Test User", false);

    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext serverTls = context(serverKeys, serverCert, clientCert);
    server.setHttpsConfigurator(
        new HttpsConfigurator(serverTls) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = serverTls.getDefaultSSLParameters();
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          X509Certificate peer =
              (X509Certificate) ((HttpsExchange) exchange).getSSLSession().getPeerCertificates()[0];
          clientSubject.set(peer.getSubjectX500Principal().getName());
          byte[] body = "<ok/>".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    pool.shutdownNow();
  }

  private URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void presentsTheClientCertificate() throws Exception {
    HttpDuisTransport transport =
        HttpDuisTransport.builder(endpoint())
            .sslContext(context(clientKeys, clientCert, serverCert))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    TransportResponse r =
        transport.post("/api/v1/serviceD", "<x/>".getBytes(StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(200);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("<ok/>");
    assertThat(clientSubject.get()).isEqualTo("CN=Test User");
  }

  @Test
  void withoutAClientCertificateTheHandshakeFailsAsATransportError() throws Exception {
    HttpDuisTransport transport =
        HttpDuisTransport.builder(endpoint()).sslContext(context(null, null, serverCert)).build();
    assertThatThrownBy(
            () -> transport.post("/api/v1/serviceD", "<x/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DuisTransportException.class);
  }

  @Test
  void anUntrustedServerIsATransportError() throws Exception {
    HttpDuisTransport transport =
        HttpDuisTransport.builder(endpoint())
            .sslContext(context(clientKeys, clientCert, clientCert))
            .build();
    assertThatThrownBy(
            () -> transport.post("/api/v1/serviceD", "<x/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DuisTransportException.class);
  }

  private static SSLContext context(KeyPair keys, X509Certificate own, X509Certificate trusted)
      throws Exception {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    if (keys != null) {
      keyStore.setKeyEntry("own", keys.getPrivate(), PASSWORD, new Certificate[] {own});
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keyStore, PASSWORD);
    KeyStore trustStore = KeyStore.getInstance("PKCS12");
    trustStore.load(null, null);
    trustStore.setCertificateEntry("peer", trusted);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trustStore);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return context;
  }

  private static X509Certificate selfSigned(KeyPair keys, String subject, boolean loopbackName)
      throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name(subject),
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(1, ChronoUnit.DAYS)),
            Date.from(now.plus(1, ChronoUnit.DAYS)),
            new X500Name(subject),
            keys.getPublic());
    if (loopbackName) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }
}
