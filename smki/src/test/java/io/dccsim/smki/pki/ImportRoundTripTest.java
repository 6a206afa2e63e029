package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.IssuerName;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and importing certificates and keys in every supported form. */
class ImportRoundTripTest {
  static final Instant NOW = Instant.parse("2021-06-24T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final Eui64 EUI = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  static TestPki pki;
  static Credential user;

  @BeforeAll
  static void pki() {
    pki = TestPki.create(CLOCK);
    user = pki.organisation(EUI).role(RemotePartyRole.SUPPLIER).keyAgreement().issue();
  }

  @Test
  void certificatePemAndDerReadBackTheSameCertificate() throws Exception {
    X509Certificate fromPem =
        PemMaterial.certificates(user.certificatePem().getBytes(StandardCharsets.US_ASCII)).get(0);
    X509Certificate fromDer = PemMaterial.certificates(user.certificateDer()).get(0);
    assertThat(fromPem).isEqualTo(user.certificate());
    assertThat(fromDer).isEqualTo(user.certificate());
  }

  @Test
  void aPemFileMayHoldTheChainAfterTheLeaf(@TempDir Path dir) throws Exception {
    Path certs = dir.resolve("user-chain.pem");
    Files.writeString(certs, user.certificateChainPem());
    Path key = dir.resolve("user.key.pem");
    Files.writeString(key, user.privateKeyPkcs8Pem());
    Credential loaded = CredentialLoader.load(certs, key);
    assertThat(loaded.certificate()).isEqualTo(user.certificate());
    assertThat(loaded.chain())
        .containsExactly(pki.organisationCa().certificate(), pki.root().certificate());
    assertThat(loaded.privateKey().getEncoded()).isEqualTo(user.privateKey().getEncoded());
  }

  @Test
  void pkcs8PemAndDerKeysLoad(@TempDir Path dir) throws Exception {
    Path certDer = dir.resolve("user.cer");
    Files.write(certDer, user.certificateDer());
    Path keyDer = dir.resolve("user.key");
    Files.write(keyDer, user.privateKeyPkcs8Der());
    Credential fromDer = CredentialLoader.load(certDer, keyDer);
    assertThat(fromDer.privateKey().getEncoded()).isEqualTo(user.privateKey().getEncoded());
    assertThat(
            PemMaterial.privateKey(user.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII))
                .getEncoded())
        .isEqualTo(user.privateKey().getEncoded());
    assertThat(user.privateKeyPkcs8Pem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
  }

  @Test
  void sec1EcPrivateKeyPemIsAcceptedToo() throws Exception {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(user.keyPair());
    }
    assertThat(w.toString()).contains("BEGIN EC PRIVATE KEY");
    Credential c =
        CredentialLoader.load(
            user.certificateDer(), w.toString().getBytes(StandardCharsets.US_ASCII));
    assertThat(c.certificate()).isEqualTo(user.certificate());
  }

  @Test
  void anEncryptedKeyIsRefusedWithAClearMessage() throws Exception {
    java.io.StringWriter w = new java.io.StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(
          new JcaPKCS8Generator(
              user.privateKey(),
              new JceOpenSSLPKCS8EncryptorBuilder(
                      PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                  .setProvider(Crypto.PROVIDER)
                  .setPassword("secret".toCharArray())
                  .build()));
    }
    assertThatThrownBy(
            () -> PemMaterial.privateKey(w.toString().getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted");
  }

  @Test
  void aKeyOfAnotherCertificateIsRefused() {
    Credential other = pki.xmlSigningCredential(EUI);
    assertThatThrownBy(() -> CredentialLoader.of(List.of(user.certificate()), other.privateKey()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong");
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> PemMaterial.certificates(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                PemMaterial.certificates(
                    "-----BEGIN NOTHING-----\n-----END NOTHING-----\n"
                        .getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PemMaterial.privateKey(new byte[] {0x30, 0x03, 1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hierarchySavesAndLoadsWithSecretKeysAndItsOids(@TempDir Path dir) throws Exception {
    ProfileOids oids =
        new ProfileOids("1.2.826.0.1.1", "1.2.826.0.1.2", "1.2.826.0.1.3", "1.2.826.0.1.4");
    TestPki original = TestPki.create(CLOCK, oids);
    original.save(dir.resolve("pki"));
    Path pkiDir = dir.resolve("pki");
    for (String f :
        new String[] {
          "root.pem",
          "root.key.pem",
          "oca.pem",
          "oca.key.pem",
          "dca.pem",
          "dca.key.pem",
          "profile.properties"
        }) {
      assertThat(pkiDir.resolve(f)).isRegularFile();
    }
    if (Files.getFileAttributeView(pkiDir, PosixFileAttributeView.class) != null) {
      for (String f : new String[] {"root.key.pem", "oca.key.pem", "dca.key.pem"}) {
        assertThat(Files.getPosixFilePermissions(pkiDir.resolve(f)))
            .containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
      }
    }
    TestPki loaded = TestPki.load(pkiDir, CLOCK);
    assertThat(loaded.root().certificate()).isEqualTo(original.root().certificate());
    assertThat(loaded.organisationCa().chain()).containsExactly(original.root().certificate());
    assertThat(loaded.hierarchy().oids()).isEqualTo(oids);
    Credential issued = loaded.device(Eui64.of(5)).issue();
    issued.certificate().verify(original.deviceCa().certificate().getPublicKey());
    assertThat(CertificateProfile.read(issued.certificate()).policies())
        .containsExactly("1.2.826.0.1.3");
  }

  @Test
  void loadOrCreateKeepsTheSameHierarchyAcrossRuns(@TempDir Path dir) {
    TestPki first = TestPki.loadOrCreate(dir, CLOCK);
    TestPki second = TestPki.loadOrCreate(dir, CLOCK);
    assertThat(second.root().certificate()).isEqualTo(first.root().certificate());
    assertThat(second.deviceCa().certificate()).isEqualTo(first.deviceCa().certificate());
  }

  @Test
  void profilesOfEveryKind() {
    CertificateProfile org = CertificateProfile.read(user.certificate());
    assertThat(org.kind()).isEqualTo(CertificateKind.ORGANISATION);
    assertThat(org.subjectEui()).contains(EUI);
    assertThat(org.subjectAltNameEui()).isEmpty();
    assertThat(org.role()).contains(RemotePartyRole.SUPPLIER);
    assertThat(org.usage()).isEqualTo(CertificateUsage.KA);
    assertThat(org.serial()).isEqualTo(user.serial());
    assertThat(org.issuer()).isEqualTo("OU=07,CN=dccsim Test Organisation CA");
    assertThat(IssuerName.same(org.issuer(), user.certificate().getIssuerX500Principal().getName()))
        .isTrue();

    Eui64 meter = Eui64.parse("00-0D-6F-00-00-00-00-09");
    CertificateProfile dev = CertificateProfile.read(pki.device(meter).issue().certificate());
    assertThat(dev.kind()).isEqualTo(CertificateKind.DEVICE);
    assertThat(dev.subjectAltNameEui()).contains(meter);
    assertThat(dev.subjectEui()).isEmpty();
    assertThat(dev.role()).isEmpty();
    assertThat(dev.usage()).isEqualTo(CertificateUsage.DS);
    assertThat(dev.notAfter()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));

    CertificateProfile root = CertificateProfile.read(pki.root().certificate());
    assertThat(root.kind()).isEqualTo(CertificateKind.AUTHORITY);
    assertThat(root.role()).contains(RemotePartyRole.ROOT);
    assertThat(CertificateProfile.read(pki.organisationCa().certificate()).role())
        .contains(RemotePartyRole.ISSUING_AUTHORITY);
  }

  @Test
  void recordCarriesTheDerAndTheGivenStatus() throws Exception {
    CertificateRecord r =
        CertificateProfile.record(user.certificate(), CertificateStatus.PENDING, NOW);
    assertThat(r.der()).isEqualTo(user.certificate().getEncoded());
    assertThat(r.status()).isEqualTo(CertificateStatus.PENDING);
    assertThat(r.statusChangedAt()).isEqualTo(NOW);
    assertThat(r.eui()).contains(EUI);
    assertThat(r.issuer()).isEqualTo(CertificateProfile.read(user.certificate()).issuer());
  }

  @Test
  void aRecordIsFoundByTheIssuerNameADuisSignatureCarries() {
    io.dccsim.smki.repository.InMemoryCertificateRepository repo =
        new io.dccsim.smki.repository.InMemoryCertificateRepository();
    repo.add(CertificateProfile.record(user.certificate(), CertificateStatus.IN_USE, NOW));
    String keyInfoIssuer =
        user.certificate()
            .getIssuerX500Principal()
            .getName(javax.security.auth.x500.X500Principal.RFC2253);
    assertThat(repo.findByIssuerAndSerial(keyInfoIssuer, user.serial())).isPresent();
  }

  @Test
  void bulkRecordsMatchWhatTheProfileReaderSays() {
    DeviceCertificateFactory f = pki.deviceCertificateFactory();
    CertificateRecord fast =
        f.issueRecord(Eui64.of(42), CertificateUsage.KA, CertificateStatus.IN_USE);
    CertificateRecord read = CertificateProfile.record(fast.der(), CertificateStatus.IN_USE, NOW);
    assertThat(fast).isEqualTo(read);
  }

  @Test
  void aDecimalRoleOuFromOlderTestCertificatesIsTolerated() throws Exception {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, new DERUTF8String("Old DCC"))
            .addRDN(BCStyle.OU, new DERPrintableString("137"))
            .addRDN(BCStyle.UNIQUE_IDENTIFIER, new DERBitString(EUI.toBytes()))
            .build();
    X509Certificate old = signedByOca(subject, KeyUsage.digitalSignature);
    CertificateProfile p = CertificateProfile.read(old);
    assertThat(p.role()).contains(RemotePartyRole.DSP_XML_SIGN);
    assertThat(p.subjectEui()).contains(EUI);
    assertThat(p.kind()).isEqualTo(CertificateKind.ORGANISATION);
  }

  @Test
  void anEuiWrittenAsAnOctetStringIsTolerated() throws Exception {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.OU, new DERUTF8String("02"))
            .addRDN(BCStyle.UNIQUE_IDENTIFIER, new DEROctetString(EUI.toBytes()))
            .build();
    assertThat(CertificateProfile.read(signedByOca(subject, KeyUsage.keyAgreement)).subjectEui())
        .contains(EUI);
  }

  @Test
  void certificatesThatFitNoProfileAreRefused() throws Exception {
    X500Name noRole =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, new DERUTF8String("Someone"))
            .build();
    assertThatThrownBy(
            () -> CertificateProfile.read(signedByOca(noRole, KeyUsage.digitalSignature)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("role");
    X500Name noEui =
        new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.OU, new DERUTF8String("02")).build();
    assertThatThrownBy(() -> CertificateProfile.read(signedByOca(noEui, KeyUsage.digitalSignature)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x500UniqueIdentifier");
    X500Name ok =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.OU, new DERUTF8String("02"))
            .addRDN(BCStyle.UNIQUE_IDENTIFIER, new DERBitString(EUI.toBytes()))
            .build();
    assertThatThrownBy(
            () ->
                CertificateProfile.read(
                    signedByOca(ok, KeyUsage.digitalSignature | KeyUsage.keyAgreement)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> CertificateProfile.read(new byte[] {0x30, 0x00}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ownCaCredentialsCanBeBroughtIn() throws Exception {
    TestPki theirs = TestPki.create(CLOCK);
    SmkiHierarchy assembled =
        SmkiHierarchy.of(
            CredentialLoader.load(
                theirs.root().certificateDer(), theirs.root().privateKeyPkcs8Der()),
            CredentialLoader.load(
                theirs.organisationCa().certificatePem().getBytes(StandardCharsets.US_ASCII),
                theirs.organisationCa().privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII)),
            CredentialLoader.load(
                theirs.deviceCa().certificateDer(), theirs.deviceCa().privateKeyPkcs8Der()),
            ProfileOids.testDefaults());
    Credential c = TestPki.of(assembled, CLOCK).xmlSigningCredential(EUI);
    c.certificate().verify(theirs.organisationCa().certificate().getPublicKey());
    assertThat(c.chain())
        .containsExactly(theirs.organisationCa().certificate(), theirs.root().certificate());
  }

  private static X509Certificate signedByOca(X500Name subject, int keyUsage) throws Exception {
    KeyPair keys = Crypto.generateKeyPair(Crypto.random());
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            X500Name.getInstance(
                pki.organisationCa().certificate().getSubjectX500Principal().getEncoded()),
            BigInteger.valueOf(1234567),
            Date.from(NOW),
            Date.from(NOW.plusSeconds(86400)),
            subject,
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
    byte[] der =
        b.build(Crypto.signer(pki.organisationCa().privateKey(), Crypto.random())).getEncoded();
    return PemMaterial.certificates(der).get(0);
  }
}
