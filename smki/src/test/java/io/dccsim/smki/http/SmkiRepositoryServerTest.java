package io.dccsim.smki.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractDownloads;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.extract.RetentionPolicy;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import io.dccsim.smki.repository.SyntheticCertificates;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class SmkiRepositoryServerTest {
  static final Eui64 SUPPLIER = SyntheticCertificates.ORGANISATION_EUIS.get(0);
  static final Eui64 METER = SyntheticCertificates.DEVICE_EUIS.get(0);
  private static final byte[] CRL = {0x30, 0x03, 0x02, 0x01, 0x01};

  @TempDir Path extracts;
  private final InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private SmkiRepositoryServer server;
  private CertificateRecord xmlSign;
  private CertificateRecord device;

  @BeforeEach
  void start() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    logs.start();
    xmlSign = repo.add(supplierXmlSign());
    repo.add(supplierPendingKeyAgreement());
    device = repo.add(meterKeyAgreement());
    RevocationListSource lists =
        new RevocationListSource() {
          @Override
          public Optional<byte[]> crl() {
            return Optional.of(CRL.clone());
          }

          @Override
          public Optional<byte[]> arl() {
            return Optional.empty();
          }
        };
    server =
        SmkiRepositoryServer.builder(repo)
            .port(0)
            .maxBodyBytes(4096)
            .revocationLists(lists)
            .extracts(new ExtractDirectory(extracts))
            .start();
  }

  /** The supplier's XML signing certificate, in use (serial ABCDEF01). */
  static CertificateRecord supplierXmlSign() {
    return SyntheticCertificates.organisation(
        0xABCDEF01L,
        SUPPLIER,
        RemotePartyRole.XML_SIGN,
        CertificateUsage.DS,
        CertificateStatus.IN_USE);
  }

  /** The supplier's key agreement certificate, pending (serial 2002). */
  static CertificateRecord supplierPendingKeyAgreement() {
    return SyntheticCertificates.organisation(
        0x2002, SUPPLIER, RemotePartyRole.SUPPLIER, CertificateUsage.KA, CertificateStatus.PENDING);
  }

  /** The meter's key agreement certificate, in use (serial 3003). */
  static CertificateRecord meterKeyAgreement() {
    return SyntheticCertificates.device(
        0x3003, METER, CertificateUsage.KA, CertificateStatus.IN_USE);
  }

  @AfterEach
  void stop() {
    server.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    assertThat(logs.list)
        .as("nothing logged at WARN or ERROR for a client's mistakes")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private String rawStatusLine(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(5000);
      s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      return new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  private static String search(String element, String eui) {
    return "<CertificateSearchRequest><"
        + element
        + ">"
        + eui
        + "</"
        + element
        + "></CertificateSearchRequest>";
  }

  @Test
  void anyApiKeyOrNoneIsAcceptedByDefault() throws Exception {
    String body = search("CertificateSubjectName", SUPPLIER.toString());
    assertThat(post("/services/certificatesearch?apikey=anything", body).statusCode())
        .isEqualTo(200);
    assertThat(post("/services/certificatesearch", body).statusCode()).isEqualTo(200);
    assertThat(get("/services/crl?apikey=x").statusCode()).isEqualTo(200);
    // Not offered unless configured.
    assertThat(get("/assets/crypto/org-crypto.zip").statusCode()).isEqualTo(404);
  }

  @Test
  void aConfiguredApiKeyIsRequiredOnEveryRouteAndNeverLogged() throws Exception {
    byte[] zip = {0x50, 0x4b, 0x05, 0x06};
    try (SmkiRepositoryServer keyed =
        SmkiRepositoryServer.builder(repo)
            .port(0)
            .apiKey("s3cret-key")
            .orgCrypto(zip::clone)
            .start()) {
      String base = keyed.baseUri().toString();
      String body = search("CertificateSubjectName", SUPPLIER.toString());
      java.util.function.Function<String, HttpResponse<String>> search =
          q -> {
            try {
              return http.send(
                  HttpRequest.newBuilder(URI.create(base + "/services/certificatesearch" + q))
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          };
      HttpResponse<String> none = search.apply("");
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.body()).contains("?apikey=");
      assertThat(search.apply("?apikey=").statusCode()).isEqualTo(401);
      assertThat(search.apply("?apikey=wrong").statusCode()).isEqualTo(403);
      assertThat(search.apply("?apikey=s3cret-key&apikey=s3cret-key").statusCode()).isEqualTo(403);
      assertThat(search.apply("?apikey=s3cret-key").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> unkeyedZip =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/assets/crypto/org-crypto.zip")).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(unkeyedZip.statusCode()).isEqualTo(401);
      HttpResponse<byte[]> keyedZip =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(base + "/assets/crypto/org-crypto.zip?apikey=s3cret-key"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(keyedZip.statusCode()).isEqualTo(200);
      assertThat(keyedZip.headers().firstValue("content-type")).hasValue("application/zip");
      assertThat(keyedZip.body()).isEqualTo(zip);
    }
    assertThat(logs.list).noneMatch(e -> e.getFormattedMessage().contains("s3cret-key"));
  }

  @Test
  void listensOnLoopback() {
    assertThat(server.baseUri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void searchBySubjectName() throws Exception {
    HttpResponse<String> res =
        post(
            "/services/certificatesearch",
            search("CertificateSubjectName", "90-b3-d5-1f-30-01-00-00"));
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("content-type")).contains("application/xml");
    assertThat(res.body())
        .contains("<CertificateSearchResponse>")
        .contains(
            "<Result><CertificateSerial>2002</CertificateSerial><CertificateUsage>KA</CertificateUsage>"
                + "<CertificateStatus>P</CertificateStatus><CertificateRole>2</CertificateRole></Result>")
        .contains(
            "<Result><CertificateSerial>ABCDEF01</CertificateSerial><CertificateUsage>DS</CertificateUsage>"
                + "<CertificateStatus>I</CertificateStatus><CertificateRole>135</CertificateRole></Result>");
  }

  @Test
  void searchBySubjectAltNameWithANamespace() throws Exception {
    HttpResponse<String> res =
        post(
            "/services/certificatesearch",
            "<s:CertificateSearchRequest xmlns:s='urn:x'><s:CertificateSubjectAltName>"
                + METER
                + "</s:CertificateSubjectAltName></s:CertificateSearchRequest>");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("<CertificateSerial>3003</CertificateSerial>");
    assertThat(res.body()).doesNotContain("CertificateRole");
  }

  @Test
  void nothingFoundIs402() throws Exception {
    assertThat(
            post(
                    "/services/certificatesearch",
                    search("CertificateSubjectName", "00-00-00-00-00-00-00-01"))
                .statusCode())
        .isEqualTo(402);
    assertThat(
            post(
                    "/services/retrievecertificate",
                    "<CertificateDataRequest><CertificateSerial>FFFF</CertificateSerial></CertificateDataRequest>")
                .statusCode())
        .isEqualTo(402);
  }

  @Test
  void invalidParametersAre401WithAShortMessage() throws Exception {
    List<String> bad =
        List.of(
            search("CertificateSubjectName", "not-an-eui"),
            search("CertificateSubjectName", "90-B3-D5-1F-30-01-00"),
            "<CertificateSearchRequest/>",
            "<CertificateSearchRequest><CertificateSubjectName>"
                + SUPPLIER
                + "</CertificateSubjectName><CertificateSubjectAltName>"
                + METER
                + "</CertificateSubjectAltName></CertificateSearchRequest>",
            "<CertificateSearchRequest><CertificateSubjectName>",
            "",
            "<CertificateDataRequest/>",
            "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<CertificateSearchRequest><CertificateSubjectName>&x;</CertificateSubjectName>"
                + "</CertificateSearchRequest>");
    for (String body : bad) {
      HttpResponse<String> res = post("/services/certificatesearch", body);
      assertThat(res.statusCode()).as(body).isEqualTo(401);
      assertThat(res.body()).as(body).startsWith("invalid search parameters").hasSizeLessThan(300);
      assertThat(res.body()).doesNotContain("Exception").doesNotContain("root:");
    }
    for (String serial : List.of("XYZ", "", "0", "1".repeat(41))) {
      HttpResponse<String> res =
          post(
              "/services/retrievecertificate",
              "<CertificateDataRequest><CertificateSerial>"
                  + serial
                  + "</CertificateSerial></CertificateDataRequest>");
      assertThat(res.statusCode()).as(serial).isEqualTo(401);
    }
  }

  @Test
  void retrieveReturnsTheCertificate() throws Exception {
    HttpResponse<String> res =
        post(
            "/services/retrievecertificate",
            "<CertificateDataRequest><CertificateSerial>abcdef01</CertificateSerial></CertificateDataRequest>");
    assertThat(res.statusCode()).isEqualTo(200);
    String b64 = res.body().replaceAll("(?s).*<CertificateBody>(.*)</CertificateBody>.*", "$1");
    assertThat(Base64.getDecoder().decode(b64)).isEqualTo(xmlSign.der());
    assertThat(res.body())
        .contains("<CertificateSubjectName>90-B3-D5-1F-30-01-00-00</CertificateSubjectName>")
        .contains("<CertificateSerial>ABCDEF01</CertificateSerial>")
        .contains("<CertificateStatus>I</CertificateStatus>")
        .contains("<CertificateRole>135</CertificateRole>")
        .contains("<CertificateUsage>DS</CertificateUsage>");
    HttpResponse<String> dev =
        post(
            "/services/retrievecertificate",
            "<CertificateDataRequest><CertificateSerial>"
                + device.serialHex()
                + "</CertificateSerial></CertificateDataRequest>");
    assertThat(dev.body())
        .contains("<CertificateSubjectAltName>" + METER + "</CertificateSubjectAltName>");
  }

  @Test
  void transportMistakes() throws Exception {
    assertThat(get("/services/certificatesearch").statusCode()).isEqualTo(405);
    assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
    String huge = search("CertificateSubjectName", SUPPLIER + " ".repeat(10_000));
    assertThat(post("/services/certificatesearch", huge).statusCode()).isEqualTo(413);
    // Percent-escapes that do not decode: a client's mistake (400, not logged as a fault).
    for (String path : List.of("/services/certificatesearch%", "/services/extracts/%zz")) {
      assertThat(rawStatusLine("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n"))
          .as(path)
          .startsWith("HTTP/1.1 400");
    }
    // The server still answers afterwards.
    assertThat(
            post(
                    "/services/certificatesearch",
                    search("CertificateSubjectName", SUPPLIER.toString()))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void revocationLists() throws Exception {
    HttpResponse<byte[]> crl = get("/services/crl");
    assertThat(crl.statusCode()).isEqualTo(200);
    assertThat(crl.headers().firstValue("content-type")).contains("application/pkix-crl");
    assertThat(crl.body()).isEqualTo(CRL);
    assertThat(get("/services/arl").statusCode()).isEqualTo(404);
  }

  @Test
  void servesHttpsWithAServerTlsContext() throws Exception {
    io.dccsim.smki.pki.TransportPki ca =
        io.dccsim.smki.pki.TransportPki.create(java.time.Clock.systemUTC());
    io.dccsim.smki.pki.Credential cert = ca.serverCredential(List.of("localhost", "127.0.0.1"));
    io.netty.handler.ssl.SslContext context =
        io.netty.handler.ssl.SslContextBuilder.forServer(
                cert.privateKey(), cert.certificate(), ca.ca().certificate())
            .build();
    try (SmkiRepositoryServer https =
        SmkiRepositoryServer.builder(repo)
            .port(0)
            .revocationLists(RevocationListSource.none())
            .tls(context)
            .start()) {
      assertThat(https.baseUri().getScheme()).isEqualTo("https");
      java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca.ca().certificate());
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      HttpClient client = HttpClient.newBuilder().sslContext(ssl).build();
      HttpResponse<String> found =
          client.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "https://localhost:" + https.port() + "/services/certificatesearch"))
                  .header("Content-Type", "application/xml")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          search("CertificateSubjectName", SUPPLIER.toString())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(found.statusCode()).isEqualTo(200);
      // Plain HTTP on the TLS port gets no answer.
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create("http://127.0.0.1:" + https.port() + "/services/crl"))
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(java.io.IOException.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                SmkiRepositoryServer.builder(repo)
                    .tls(io.netty.handler.ssl.SslContextBuilder.forClient().build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void extractsAreListedFetchedAndMirrored(@TempDir Path local) throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(SyntheticCertificates.T0);
    ExtractPublisher publisher =
        new ExtractPublisher(
            repo, new ExtractDirectory(extracts), clock, RetentionPolicy.keepFullExtracts(2), 1000);
    publisher.publish(ExtractKind.FULL, Optional.empty());
    repo.changeStatus(BigInteger.valueOf(0x3003), CertificateStatus.REVOKED, clock.instant());
    publisher.publish(ExtractKind.DELTA, Optional.empty());

    ExtractDownloads downloads = new ExtractDownloads(http, server.baseUri());
    List<ExtractDownloads.RemoteExtract> listed = downloads.list();
    assertThat(listed)
        .extracting(ExtractDownloads.RemoteExtract::kind)
        .containsExactly(ExtractKind.FULL, ExtractKind.DELTA);
    assertThat(listed.get(0).sha256()).hasSize(64);
    assertThat(downloads.mirror(local)).hasSize(2);
    assertThat(ExtractReader.open(local).load().get(BigInteger.valueOf(0x3003)).status())
        .isEqualTo(CertificateStatus.REVOKED);
    assertThat(downloads.mirror(local)).isEmpty();

    assertThat(get("/services/extracts/..%2F..%2Fetc%2Fpasswd").statusCode()).isEqualTo(404);
    assertThat(
            get("/services/extracts/smki-extract-0000000099-FULL-20210624T000000Z.smkx")
                .statusCode())
        .isEqualTo(404);
    HttpResponse<byte[]> digest = get("/services/extracts/" + listed.get(1).name() + ".sha256");
    assertThat(new String(digest.body(), StandardCharsets.US_ASCII))
        .isEqualTo(listed.get(1).sha256() + "  " + listed.get(1).name() + "\n");
  }

  @Test
  void aTamperedDownloadIsRejectedAndLeavesNothing(@TempDir Path local) throws Exception {
    ExtractPublisher publisher =
        new ExtractPublisher(
            repo,
            new ExtractDirectory(extracts),
            SimulatedClock.fixed(SyntheticCertificates.T0),
            RetentionPolicy.keepFullExtracts(2),
            1000);
    var m = publisher.publish(ExtractKind.FULL, Optional.empty());
    Path file = extracts.resolve(m.fileName().toString());
    byte[] b = java.nio.file.Files.readAllBytes(file);
    b[b.length / 2] ^= 0x10;
    java.nio.file.Files.write(file, b);
    ExtractDownloads downloads = new ExtractDownloads(http, server.baseUri());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> downloads.mirror(local))
        .isInstanceOf(io.dccsim.smki.extract.ExtractException.class)
        .hasMessageContaining(m.fileName().toString());
    try (var left = java.nio.file.Files.list(local)) {
      assertThat(left).isEmpty();
    }
  }
}
