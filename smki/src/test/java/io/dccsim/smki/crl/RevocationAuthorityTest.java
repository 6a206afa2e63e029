package io.dccsim.smki.crl;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevocationAuthorityTest {
  static final Instant T0 = Instant.parse("2021-06-24T00:00:00Z");
  static TestPki pki;

  final MutableClock clock = new MutableClock(T0);
  InMemoryCertificateRepository repository;
  Credential supplier;
  Credential other;
  Credential meter;

  @BeforeAll
  static void hierarchy() {
    pki = TestPki.create(Clock.fixed(T0, ZoneOffset.UTC));
  }

  @BeforeEach
  void fill() {
    repository = new InMemoryCertificateRepository();
    supplier =
        pki.organisation(Eui64.parse("90-B3-D5-1F-30-01-00-00"))
            .role(RemotePartyRole.SUPPLIER)
            .issue();
    other = pki.xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-01"));
    meter = pki.device(Eui64.parse("00-0D-6F-00-00-00-00-01")).issue();
    for (Credential c :
        new Credential[] {
          supplier, other, meter, pki.root(), pki.organisationCa(), pki.deviceCa()
        }) {
      repository.add(CertificateProfile.record(c.certificate(), CertificateStatus.IN_USE, T0));
    }
  }

  RevocationAuthority authority() {
    return RevocationAuthority.builder(pki.hierarchy(), repository)
        .clock(clock)
        .nextUpdate(Duration.ofHours(6))
        .build();
  }

  static X509CRL parse(byte[] der) throws Exception {
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
  }

  static long crlNumber(X509CRL crl) {
    byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
    return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets())
        .getValue()
        .longValueExact();
  }

  @Test
  void emptyListsAreSignedByTheRightCaWithTimesFromTheClock() throws Exception {
    RevocationAuthority ra = authority();
    X509CRL crl = parse(ra.currentCrlDer());
    crl.verify(pki.organisationCa().certificate().getPublicKey());
    assertThat(crl.getIssuerX500Principal())
        .isEqualTo(pki.organisationCa().certificate().getSubjectX500Principal());
    assertThat(crl.getRevokedCertificates()).isNull();
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(T0);
    assertThat(crl.getNextUpdate().toInstant()).isEqualTo(T0.plus(Duration.ofHours(6)));
    assertThat(crlNumber(crl)).isEqualTo(1);

    X509CRL arl = parse(ra.currentArlDer());
    arl.verify(pki.root().certificate().getPublicKey());
    assertThat(arl.getIssuerX500Principal())
        .isEqualTo(pki.root().certificate().getSubjectX500Principal());
    assertThat(crlNumber(arl)).isEqualTo(1);
  }

  @Test
  void aRevokedOrganisationCertificateIsMarkedRAndAppearsInTheNextCrlOnly() throws Exception {
    RevocationAuthority ra = authority();
    byte[] first = ra.currentCrlDer();
    clock.advance(Duration.ofMinutes(5));
    Instant when = clock.instant();
    CertificateRecord revoked =
        ra.revoke(supplier.serial(), RevocationReason.KEY_COMPROMISE, when).orElseThrow();
    assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
    assertThat(repository.findBySerial(supplier.serial()).orElseThrow().status())
        .isEqualTo(CertificateStatus.REVOKED);

    X509CRL crl = parse(ra.currentCrlDer());
    assertThat(crlNumber(crl)).isEqualTo(crlNumber(parse(first)) + 1);
    assertThat(crl.getThisUpdate().toInstant()).isEqualTo(when);
    X509CRLEntry entry = crl.getRevokedCertificate(supplier.serial());
    assertThat(entry).isNotNull();
    assertThat(entry.getRevocationDate().toInstant()).isEqualTo(when);
    assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    assertThat(crl.getRevokedCertificates()).hasSize(1);
    assertThat(crl.isRevoked(other.certificate())).isFalse();

    assertThat(parse(ra.currentArlDer()).getRevokedCertificates()).isNull();
  }

  @Test
  void aRevokedCaCertificateAppearsInTheArl() throws Exception {
    RevocationAuthority ra = authority();
    ra.revoke(pki.deviceCa().serial(), RevocationReason.CA_COMPROMISE, T0);
    X509CRL arl = parse(ra.currentArlDer());
    assertThat(arl.getRevokedCertificates()).hasSize(1);
    assertThat(arl.isRevoked(pki.deviceCa().certificate())).isTrue();
    assertThat(parse(ra.currentCrlDer()).getRevokedCertificates()).isNull();
  }

  @Test
  void aRevokedDeviceIsMarkedButListedNowhere() throws Exception {
    RevocationAuthority ra = authority();
    ra.revoke(meter.serial(), RevocationReason.UNSPECIFIED, T0);
    assertThat(repository.findBySerial(meter.serial()).orElseThrow().status())
        .isEqualTo(CertificateStatus.REVOKED);
    assertThat(parse(ra.currentCrlDer()).getRevokedCertificates()).isNull();
    assertThat(parse(ra.currentArlDer()).getRevokedCertificates()).isNull();
  }

  @Test
  void unknownSerialRevokesNothing() {
    assertThat(authority().revoke(BigInteger.valueOf(424242), RevocationReason.UNSPECIFIED, T0))
        .isEmpty();
  }

  @Test
  void sameListWhileNothingChangesThenANewNumberAtNextUpdate() throws Exception {
    RevocationAuthority ra = authority();
    byte[] a = ra.currentCrlDer();
    clock.advance(Duration.ofHours(1));
    // An unrelated addition changes the feed but not the list: same list, same number.
    repository.add(
        CertificateProfile.record(
            pki.device(Eui64.of(77)).issue().certificate(), CertificateStatus.PENDING, T0));
    assertThat(ra.currentCrlDer()).isEqualTo(a);
    assertThat(ra.lastCrlNumber()).isEqualTo(1);
    clock.advance(Duration.ofHours(5));
    X509CRL renewed = parse(ra.currentCrlDer());
    assertThat(crlNumber(renewed)).isEqualTo(2);
    assertThat(renewed.getThisUpdate().toInstant()).isEqualTo(T0.plus(Duration.ofHours(6)));
  }

  @Test
  void numbersIncreaseStrictlyWithEveryRevocation() throws Exception {
    RevocationAuthority ra = authority();
    long last = crlNumber(parse(ra.currentCrlDer()));
    for (Credential c : new Credential[] {supplier, other}) {
      ra.revoke(c.serial(), RevocationReason.SUPERSEDED, clock.instant());
      long n = crlNumber(parse(ra.currentCrlDer()));
      assertThat(n).isGreaterThan(last);
      last = n;
    }
    assertThat(parse(ra.currentCrlDer()).getRevokedCertificates()).hasSize(2);
  }

  @Test
  void statusSetToRByOthersIsListedWithoutAReason() throws Exception {
    RevocationAuthority ra = authority();
    repository.changeStatus(other.serial(), CertificateStatus.REVOKED, T0.plusSeconds(30));
    X509CRLEntry e = parse(ra.currentCrlDer()).getRevokedCertificate(other.serial());
    assertThat(e.getRevocationDate().toInstant()).isEqualTo(T0.plusSeconds(30));
    assertThat(e.getRevocationReason()).isNull();
  }

  @Test
  void numberingAndReasonsSurviveARestartWithAStateDirectory(@TempDir Path dir) throws Exception {
    RevocationAuthority first =
        RevocationAuthority.builder(pki.hierarchy(), repository)
            .clock(clock)
            .stateDirectory(dir)
            .build();
    first.currentCrlDer();
    first.revoke(supplier.serial(), RevocationReason.AFFILIATION_CHANGED, T0);
    first.currentCrlDer();
    first.currentArlDer();
    assertThat(first.lastCrlNumber()).isEqualTo(2);
    assertThat(Files.readAllBytes(dir.resolve("oca.crl"))).isEqualTo(first.currentCrlDer());
    assertThat(dir.resolve("root.arl")).exists();

    RevocationAuthority second =
        RevocationAuthority.builder(pki.hierarchy(), repository)
            .clock(clock)
            .stateDirectory(dir)
            .build();
    // Nothing changed: the published list is taken up again, same number, same bytes.
    assertThat(second.currentCrlDer()).isEqualTo(first.currentCrlDer());
    assertThat(second.lastCrlNumber()).isEqualTo(2);
    assertThat(crlNumber(parse(second.currentArlDer()))).isEqualTo(1);

    second.revoke(other.serial(), RevocationReason.SUPERSEDED, T0.plusSeconds(60));
    X509CRL crl = parse(second.currentCrlDer());
    assertThat(crlNumber(crl)).isEqualTo(3);
    assertThat(crl.getRevokedCertificate(supplier.serial()).getRevocationReason())
        .isEqualTo(java.security.cert.CRLReason.AFFILIATION_CHANGED);
    assertThat(crl.getRevokedCertificate(other.serial()).getRevocationReason())
        .isEqualTo(java.security.cert.CRLReason.SUPERSEDED);
  }

  @Test
  void aDamagedPublishedListIsReplacedWithTheNextNumber(@TempDir Path dir) throws Exception {
    RevocationAuthority first =
        RevocationAuthority.builder(pki.hierarchy(), repository)
            .clock(clock)
            .stateDirectory(dir)
            .build();
    first.currentCrlDer();
    Files.write(dir.resolve("oca.crl"), new byte[] {0x30, 0x01, 0x00});
    RevocationAuthority second =
        RevocationAuthority.builder(pki.hierarchy(), repository)
            .clock(clock)
            .stateDirectory(dir)
            .build();
    assertThat(crlNumber(parse(second.currentCrlDer()))).isEqualTo(2);
  }

  @Test
  void moreRevokedThanOneSearchReturnsAreAllListed() throws Exception {
    String oca =
        pki.organisationCa()
            .certificate()
            .getSubjectX500Principal()
            .getName(javax.security.auth.x500.X500Principal.RFC2253);
    CertificateRecord template =
        CertificateProfile.record(supplier.certificate(), CertificateStatus.REVOKED, T0);
    java.util.List<CertificateRecord> many = new java.util.ArrayList<>();
    int n = io.dccsim.smki.repository.CertificateQuery.MAX_LIMIT + 5;
    for (int i = 1; i <= n; i++) {
      many.add(
          new CertificateRecord(
              BigInteger.valueOf(i),
              oca,
              template.kind(),
              template.subjectEui(),
              template.subjectAltNameEui(),
              template.role(),
              template.usage(),
              CertificateStatus.REVOKED,
              T0,
              template.der()));
    }
    repository.addAll(many);
    X509CRL crl = parse(authority().currentCrlDer());
    assertThat(crl.getRevokedCertificates()).hasSize(n);
    assertThat(crl.getRevokedCertificate(BigInteger.valueOf(n))).isNotNull();
  }

  @Test
  void servesTheSameListsToTheHttpInterface() {
    RevocationAuthority ra = authority();
    io.dccsim.smki.http.RevocationListSource source = ra;
    assertThat(source.crl()).hasValueSatisfying(b -> assertThat(b).isEqualTo(ra.currentCrlDer()));
    assertThat(source.arl()).hasValueSatisfying(b -> assertThat(b).isEqualTo(ra.currentArlDer()));
  }

  @Test
  void listsCarryTheIssuersEightOctetKeyIdentifier() throws Exception {
    X509CRL crl = parse(authority().currentCrlDer());
    byte[] aki = crl.getExtensionValue(Extension.authorityKeyIdentifier.getId());
    byte[] keyId =
        org.bouncycastle.asn1.x509.AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(aki).getOctets())
            .getKeyIdentifierObject()
            .getOctets();
    assertThat(keyId).hasSize(8);
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private final AtomicReference<Instant> now;

    MutableClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }
}
