package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.crl.RevocationAuthority;
import io.dccsim.smki.crl.RevocationReason;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenSSL, an independent implementation, reads our certificates and verifies our chains. */
class OpensslInteropTest {
  static final Instant NOW = Instant.parse("2021-06-24T10:00:00Z");

  @TempDir static Path dir;
  static ExternalTool openssl;
  static TestPki pki;
  static Credential organisation;
  static Credential device;

  @BeforeAll
  static void write() throws Exception {
    openssl = ExternalTool.require("openssl");
    // Valid from now by the system clock, so openssl verify (which uses the real time) accepts it.
    pki = TestPki.create(Clock.systemUTC());
    pki.save(dir);
    organisation =
        pki.organisation(Eui64.parse("90-B3-D5-1F-30-01-00-00"))
            .role(RemotePartyRole.XML_SIGN)
            .commonName("Supplier A")
            .issue();
    device = pki.device(Eui64.parse("00-0D-6F-00-00-A1-B2-C3")).keyAgreement().issue();
    Files.writeString(dir.resolve("org.pem"), organisation.certificatePem());
    Files.writeString(dir.resolve("device.pem"), device.certificatePem());
  }

  String text(String file) throws Exception {
    ExternalTool.Result r = openssl.run(dir, "x509", "-in", file, "-noout", "-text");
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.output();
  }

  @Test
  void organisationCertificateShowsCriticalExtensionsAndGbcsSubject() throws Exception {
    String t = text("org.pem");
    assertThat(t)
        .contains("X509v3 Key Usage: critical")
        .contains("Digital Signature")
        .contains("X509v3 Certificate Policies: critical")
        .contains(ProfileOids.testDefaults().organisationPolicy())
        .contains("OU = 87")
        .contains("CN = Supplier A")
        .contains("ecdsa-with-SHA256")
        .contains("prime256v1")
        .contains("X509v3 Subject Key Identifier")
        .contains("X509v3 Authority Key Identifier");
    assertThat(t).doesNotContain("Key Agreement");
  }

  @Test
  void deviceCertificateShowsEmptySubjectCriticalSanAndNoExpiry() throws Exception {
    String t = text("device.pem");
    assertThat(t)
        .contains("X509v3 Key Usage: critical")
        .contains("Key Agreement")
        .contains("X509v3 Certificate Policies: critical")
        .contains("X509v3 Subject Alternative Name: critical")
        .contains("Not After : Dec 31 23:59:59 9999 GMT")
        .containsPattern("Subject:\\s*\\n");
  }

  @Test
  void authoritiesShowCriticalBasicConstraints() throws Exception {
    for (String f : new String[] {"root.pem", "oca.pem", "dca.pem"}) {
      String t = text(f);
      assertThat(t)
          .as(f)
          .contains("X509v3 Basic Constraints: critical")
          .contains("CA:TRUE")
          .contains("X509v3 Key Usage: critical")
          .contains("Certificate Sign, CRL Sign")
          .contains("X509v3 Certificate Policies: critical");
    }
    assertThat(text("root.pem")).doesNotContain("Authority Key Identifier");
  }

  @Test
  void chainsVerify() throws Exception {
    ExternalTool.Result org =
        openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "oca.pem", "org.pem");
    assertThat(org.output()).contains("org.pem: OK");
    assertThat(org.exitCode()).isZero();
    ExternalTool.Result dev =
        openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "dca.pem", "device.pem");
    assertThat(dev.output()).contains("device.pem: OK");
    assertThat(dev.exitCode()).isZero();
    ExternalTool.Result wrong =
        openssl.run(dir, "verify", "-CAfile", "root.pem", "-untrusted", "dca.pem", "org.pem");
    assertThat(wrong.exitCode()).isNotZero();
  }

  @Test
  void crlVerifiesAndRevokesTheCertificate() throws Exception {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    repo.add(CertificateProfile.record(organisation.certificate(), CertificateStatus.IN_USE, NOW));
    repo.add(
        CertificateProfile.record(pki.deviceCa().certificate(), CertificateStatus.IN_USE, NOW));
    RevocationAuthority ra =
        RevocationAuthority.builder(pki.hierarchy(), repo).clock(Clock.systemUTC()).build();
    Path before = dir.resolve("before.crl");
    Files.write(before, ra.currentCrlDer());
    Files.write(dir.resolve("root.arl"), ra.currentArlDer());
    ra.revoke(organisation.serial(), RevocationReason.KEY_COMPROMISE, Clock.systemUTC().instant());
    Files.write(dir.resolve("after.crl"), ra.currentCrlDer());

    for (String f : new String[] {"before.crl", "after.crl", "root.arl"}) {
      ExternalTool.Result pem =
          openssl.run(dir, "crl", "-inform", "DER", "-in", f, "-out", f + ".pem");
      assertThat(pem.exitCode()).as(pem.output()).isZero();
    }
    ExternalTool.Result verifyCrl =
        openssl.run(dir, "crl", "-in", "after.crl.pem", "-CAfile", "oca.pem", "-noout");
    assertThat(verifyCrl.output()).contains("verify OK");
    ExternalTool.Result text = openssl.run(dir, "crl", "-in", "after.crl.pem", "-noout", "-text");
    assertThat(text.output())
        .contains("X509v3 CRL Number")
        .contains("Key Compromise")
        .contains(organisation.serial().toString(16).toUpperCase(java.util.Locale.ROOT));

    ExternalTool.Result good =
        openssl.run(
            dir,
            "verify",
            "-crl_check",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "oca.pem",
            "-CRLfile",
            "before.crl.pem",
            "org.pem");
    assertThat(good.output()).contains("org.pem: OK");
    ExternalTool.Result revoked =
        openssl.run(
            dir,
            "verify",
            "-crl_check",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "oca.pem",
            "-CRLfile",
            "after.crl.pem",
            "org.pem");
    assertThat(revoked.exitCode()).isNotZero();
    assertThat(revoked.output()).contains("revoked");
  }
}
