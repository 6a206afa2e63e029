package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransportPkiTest {
  static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  @TempDir Path dir;

  /** PKIX path validation, as a TLS peer does it, with the CA as the only trust anchor. */
  static void validates(Credential leaf, X509Certificate ca, Instant at) throws Exception {
    CertificateFactory f = CertificateFactory.getInstance("X.509");
    PKIXParameters p = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
    p.setRevocationEnabled(false);
    p.setDate(Date.from(at));
    CertPathValidator.getInstance("PKIX")
        .validate(f.generateCertPath(List.of(leaf.certificate())), p);
  }

  @Test
  void serverCertificateNamesItsHostsAndChainsToTheCa() throws Exception {
    Clock clock = Clock.systemUTC();
    TransportPki tls = TransportPki.create(clock);
    Credential server = tls.serverCredential(List.of("localhost", "127.0.0.1", "::1", "dcc.test"));
    X509Certificate c = server.certificate();

    assertThat(c.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    assertThat(c.getBasicConstraints()).isEqualTo(-1);
    assertThat(c.getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(c.getSubjectAlternativeNames())
        .containsExactlyInAnyOrder(
            List.of(2, "localhost"),
            List.of(7, "127.0.0.1"),
            List.of(7, "0:0:0:0:0:0:0:1"),
            List.of(2, "dcc.test"));
    assertThat(c.getPublicKey().getAlgorithm()).isEqualTo("EC");
    assertThat(c.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
    assertThat(server.chain()).containsExactly(tls.ca().certificate());
    assertThat(Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()))
        .isEqualTo(TransportPki.LEAF_VALIDITY.plus(TransportPki.BACKDATE));
    validates(server, tls.ca().certificate(), Instant.now());

    assertThat(TransportPki.names(c, List.of("LOCALHOST", "0:0:0:0:0:0:0:1"))).isTrue();
    assertThat(TransportPki.names(c, List.of("localhost", "10.0.0.1"))).isFalse();
  }

  @Test
  void clientCertificateIsForClientAuthenticationOnly() throws Exception {
    TransportPki tls = TransportPki.create(Clock.systemUTC());
    Credential client = tls.clientCredential("90-B3-D5-1F-30-01-00-00");
    assertThat(client.certificate().getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
    assertThat(client.certificate().getSubjectX500Principal().getName())
        .contains("CN=90-B3-D5-1F-30-01-00-00");
    validates(client, tls.ca().certificate(), Instant.now());
  }

  @Test
  void theCaIsSavedOnceAndLoadedAfterwards() throws Exception {
    TransportPki first = TransportPki.loadOrCreate(dir, Clock.systemUTC());
    byte[] saved = Files.readAllBytes(dir.resolve(TransportPki.CA_CERT_FILE));
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(TransportPki.CA_KEY_FILE))))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(TransportPki.CA_CERT_FILE))))
        .as("a certificate is for everyone to read")
        .startsWith("rw-r");
    TransportPki again = TransportPki.loadOrCreate(dir, Clock.systemUTC());
    assertThat(again.ca().certificate()).isEqualTo(first.ca().certificate());
    assertThat(Files.readAllBytes(dir.resolve(TransportPki.CA_CERT_FILE))).isEqualTo(saved);
    // What the first issued, the loaded CA recognises; another CA's certificate it does not.
    Credential server = first.serverCredential(List.of("localhost"));
    assertThat(again.stillValid(server.certificate(), Duration.ofDays(1))).isTrue();
    Credential stranger = TransportPki.create(Clock.systemUTC()).clientCredential("x");
    assertThat(again.stillValid(stranger.certificate(), Duration.ZERO)).isFalse();
  }

  @Test
  void aCertificateNearItsEndIsNoLongerKept() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    TransportPki tls = TransportPki.create(Clock.fixed(start, ZoneOffset.UTC));
    X509Certificate server = tls.serverCredential(List.of("localhost")).certificate();
    Instant nearEnd = start.plus(TransportPki.LEAF_VALIDITY).minus(Duration.ofHours(1));
    TransportPki later = TransportPki.of(tls.ca(), Clock.fixed(nearEnd, ZoneOffset.UTC));
    assertThat(later.stillValid(server, Duration.ZERO)).isTrue();
    assertThat(later.stillValid(server, Duration.ofDays(1))).isFalse();
  }

  @Test
  void leavesNeverOutliveTheCa() {
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    TransportPki tls = TransportPki.create(Clock.fixed(start, ZoneOffset.UTC));
    Instant late = start.plus(TransportPki.CA_VALIDITY).minus(Duration.ofDays(10));
    TransportPki later = TransportPki.of(tls.ca(), Clock.fixed(late, ZoneOffset.UTC));
    assertThat(later.clientCredential("x").certificate().getNotAfter())
        .isEqualTo(tls.ca().certificate().getNotAfter());
  }

  @Test
  void aLeafIsNoCa() {
    TransportPki tls = TransportPki.create(Clock.systemUTC());
    Credential leaf = tls.clientCredential("x");
    assertThatThrownBy(() -> TransportPki.of(leaf, Clock.systemUTC()))
        .hasMessageContaining("Not a CA certificate");
    assertThatThrownBy(() -> tls.serverCredential(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void opensslVerifiesTheChainsForTheirPurposes() throws Exception {
    ExternalTool openssl = ExternalTool.require("openssl");
    TransportPki tls = TransportPki.loadOrCreate(dir, Clock.systemUTC());
    PemMaterial.write(
        tls.serverCredential(List.of("localhost", "127.0.0.1")),
        dir.resolve("server.pem"),
        dir.resolve("server.key.pem"));
    PemMaterial.write(
        tls.clientCredential("supplier"), dir.resolve("client.pem"), dir.resolve("client.key"));
    String ca = TransportPki.CA_CERT_FILE;
    ExternalTool.Result server =
        openssl.run(dir, "verify", "-CAfile", ca, "-purpose", "sslserver", "server.pem");
    assertThat(server.exitCode()).as(server.output()).isZero();
    ExternalTool.Result client =
        openssl.run(dir, "verify", "-CAfile", ca, "-purpose", "sslclient", "client.pem");
    assertThat(client.exitCode()).as(client.output()).isZero();
    ExternalTool.Result wrongPurpose =
        openssl.run(dir, "verify", "-CAfile", ca, "-purpose", "sslserver", "client.pem");
    assertThat(wrongPurpose.exitCode()).as(wrongPurpose.output()).isNotZero();
    ExternalTool.Result host =
        openssl.run(dir, "verify", "-CAfile", ca, "-verify_hostname", "localhost", "server.pem");
    assertThat(host.exitCode()).as(host.output()).isZero();
    ExternalTool.Result otherHost =
        openssl.run(dir, "verify", "-CAfile", ca, "-verify_hostname", "example.org", "server.pem");
    assertThat(otherHost.exitCode()).as(otherHost.output()).isNotZero();
  }
}
