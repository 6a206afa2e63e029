package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every GBCS profile rule, checked on each kind of certificate the test PKI issues. */
class GbcsProfileRulesTest {
  static final Instant NOW = Instant.parse("2021-06-24T09:30:15.250Z");
  static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  static final Eui64 METER = Eui64.parse("00-0D-6F-00-00-A1-B2-C3");

  static TestPki pki;
  static Credential organisation;
  static Credential device;

  @BeforeAll
  static void issue() {
    pki = TestPki.create(Clock.fixed(NOW, ZoneOffset.UTC));
    organisation =
        pki.organisation(SUPPLIER)
            .role(RemotePartyRole.XML_SIGN)
            .digitalSigning()
            .commonName("Test Supplier")
            .issue();
    device = pki.device(METER).keyAgreement().issue();
  }

  static List<X509Certificate> all() {
    return List.of(
        pki.root().certificate(),
        pki.organisationCa().certificate(),
        pki.deviceCa().certificate(),
        organisation.certificate(),
        device.certificate());
  }

  static X509CertificateHolder holder(X509Certificate c) throws Exception {
    return new X509CertificateHolder(c.getEncoded());
  }

  @Test
  void everyCertificateIsP256EcdsaSha256WithAnUncompressedPoint() throws Exception {
    for (X509Certificate c : all()) {
      assertThat(c.getSigAlgName()).isEqualToIgnoringCase("SHA256withECDSA");
      assertThat(c.getSigAlgOID()).isEqualTo("1.2.840.10045.4.3.2");
      SubjectPublicKeyInfo spki = holder(c).getSubjectPublicKeyInfo();
      assertThat(spki.getAlgorithm().getParameters())
          .isEqualTo(new ASN1ObjectIdentifier("1.2.840.10045.3.1.7"));
      byte[] point = spki.getPublicKeyData().getBytes();
      assertThat(point).hasSize(65);
      assertThat(point[0]).isEqualTo((byte) 0x04);
      assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize())
          .isEqualTo(256);
    }
  }

  @Test
  void keyUsageAndCertificatePoliciesAreCritical() {
    for (X509Certificate c : all()) {
      assertThat(c.getCriticalExtensionOIDs())
          .contains(Extension.keyUsage.getId(), Extension.certificatePolicies.getId());
      assertThat(c.getNonCriticalExtensionOIDs())
          .doesNotContain(Extension.keyUsage.getId(), Extension.certificatePolicies.getId());
    }
  }

  @Test
  void keyIdentifiersAreEightOctetsByRfc5280MethodTwo() throws Exception {
    for (X509Certificate c : all()) {
      X509CertificateHolder h = holder(c);
      byte[] ski = SubjectKeyIdentifier.fromExtensions(h.getExtensions()).getKeyIdentifier();
      assertThat(ski).hasSize(8);
      byte[] point = h.getSubjectPublicKeyInfo().getPublicKeyData().getBytes();
      SHA1Digest d = new SHA1Digest();
      d.update(point, 0, point.length);
      byte[] sha = new byte[20];
      d.doFinal(sha, 0);
      assertThat(ski[0] & 0xF0).isEqualTo(0x40);
      assertThat(ski[0] & 0x0F).isEqualTo(sha[12] & 0x0F);
      for (int i = 1; i < 8; i++) {
        assertThat(ski[i]).isEqualTo(sha[12 + i]);
      }
    }
  }

  @Test
  void authorityKeyIdentifierOnEverythingButTheRootAndMatchesTheIssuer() throws Exception {
    X509CertificateHolder root = holder(pki.root().certificate());
    assertThat(root.getExtension(Extension.authorityKeyIdentifier)).isNull();
    assertThat(root.getIssuer()).isEqualTo(root.getSubject());
    for (X509Certificate c : all().subList(1, 5)) {
      X509CertificateHolder h = holder(c);
      byte[] aki =
          AuthorityKeyIdentifier.fromExtensions(h.getExtensions())
              .getKeyIdentifierObject()
              .getOctets();
      assertThat(aki).hasSize(8);
      X509Certificate issuer =
          c.equals(pki.organisationCa().certificate()) || c.equals(pki.deviceCa().certificate())
              ? pki.root().certificate()
              : c.equals(organisation.certificate())
                  ? pki.organisationCa().certificate()
                  : pki.deviceCa().certificate();
      assertThat(aki)
          .isEqualTo(
              SubjectKeyIdentifier.fromExtensions(holder(issuer).getExtensions())
                  .getKeyIdentifier());
      c.verify(issuer.getPublicKey());
    }
  }

  @Test
  void authoritiesHaveCriticalBasicConstraintsAndCertSigningUsage() throws Exception {
    for (Credential ca : List.of(pki.root(), pki.organisationCa(), pki.deviceCa())) {
      X509Certificate c = ca.certificate();
      assertThat(c.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId());
      BasicConstraints bc = BasicConstraints.fromExtensions(holder(c).getExtensions());
      assertThat(bc.isCA()).isTrue();
      assertThat(c.getKeyUsage()[5]).as("keyCertSign").isTrue();
      assertThat(c.getKeyUsage()[6]).as("cRLSign").isTrue();
    }
    assertThat(pki.organisationCa().certificate().getBasicConstraints()).isZero();
    X500Name oca = holder(pki.organisationCa().certificate()).getSubject();
    assertThat(ouOf(oca)).isEqualTo("07");
    assertThat(ouOf(holder(pki.root().certificate()).getSubject())).isEqualTo("00");
  }

  @Test
  void endCertificatesAreNotAuthorities() {
    assertThat(organisation.certificate().getBasicConstraints()).isEqualTo(-1);
    assertThat(device.certificate().getBasicConstraints()).isEqualTo(-1);
  }

  @Test
  void organisationSubjectHasHexRoleOuAsUtf8StringAndEuiAsBitString() throws Exception {
    X500Name subject = holder(organisation.certificate()).getSubject();
    RDN[] ous = subject.getRDNs(BCStyle.OU);
    assertThat(ous).hasSize(1);
    assertThat(ous[0].getFirst().getValue()).isInstanceOf(ASN1UTF8String.class);
    assertThat(ouOf(subject)).isEqualTo("87");
    RDN[] uid = subject.getRDNs(new ASN1ObjectIdentifier("2.5.4.45"));
    assertThat(uid).hasSize(1);
    ASN1Primitive value = uid[0].getFirst().getValue().toASN1Primitive();
    assertThat(value).isInstanceOf(ASN1BitString.class);
    assertThat(((ASN1BitString) value).getPadBits()).isZero();
    assertThat(((ASN1BitString) value).getOctets()).isEqualTo(SUPPLIER.toBytes());
    assertThat(subject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString())
        .isEqualTo("Test Supplier");
  }

  @Test
  void organisationRoleIsAlwaysTwoUpperCaseHexDigits() throws Exception {
    for (RemotePartyRole role : RemotePartyRole.values()) {
      X509Certificate c = pki.organisation(SUPPLIER).role(role).issue().certificate();
      assertThat(ouOf(holder(c).getSubject())).matches("[0-9A-F]{2}").isEqualTo(role.hexCode());
    }
  }

  @Test
  void organisationCommonNameIsOptional() throws Exception {
    X509Certificate c =
        pki.organisation(SUPPLIER).role(RemotePartyRole.SUPPLIER).issue().certificate();
    assertThat(holder(c).getSubject().getRDNs(BCStyle.CN)).isEmpty();
  }

  @Test
  void organisationIsValidForTenYearsFromTheClock() {
    X509Certificate c = organisation.certificate();
    assertThat(c.getNotBefore().toInstant()).isEqualTo(Instant.parse("2021-06-24T09:30:15Z"));
    assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2031-06-24T09:30:15Z"));
  }

  @Test
  void organisationIssuedByTheOrganisationCa() {
    assertThat(organisation.certificate().getIssuerX500Principal())
        .isEqualTo(pki.organisationCa().certificate().getSubjectX500Principal());
    assertThat(organisation.chain())
        .containsExactly(pki.organisationCa().certificate(), pki.root().certificate());
  }

  @Test
  void exactlyOneUsage() {
    boolean[] ds = organisation.certificate().getKeyUsage();
    assertThat(ds[0]).as("digitalSignature").isTrue();
    assertThat(ds[4]).as("keyAgreement").isFalse();
    boolean[] ka = device.certificate().getKeyUsage();
    assertThat(ka[0]).isFalse();
    assertThat(ka[4]).isTrue();
    for (X509Certificate c : List.of(organisation.certificate(), device.certificate())) {
      int set = 0;
      for (boolean b : c.getKeyUsage()) {
        set += b ? 1 : 0;
      }
      assertThat(set).isEqualTo(1);
    }
    assertThat(
            pki.organisation(SUPPLIER)
                .role(RemotePartyRole.SUPPLIER)
                .keyAgreement()
                .issue()
                .certificate()
                .getKeyUsage()[4])
        .isTrue();
  }

  @Test
  void deviceSubjectIsEmptyWithCriticalHardwareModuleNameSubjectAltName() throws Exception {
    X509CertificateHolder h = holder(device.certificate());
    assertThat(h.getSubject().getRDNs()).isEmpty();
    assertThat(device.certificate().getCriticalExtensionOIDs())
        .contains(Extension.subjectAlternativeName.getId());
    GeneralName[] names =
        GeneralNames.fromExtensions(h.getExtensions(), Extension.subjectAlternativeName).getNames();
    assertThat(names).hasSize(1);
    assertThat(names[0].getTagNo()).isEqualTo(GeneralName.otherName);
    OtherName other = OtherName.getInstance(names[0].getName());
    assertThat(other.getTypeID().getId()).isEqualTo("1.3.6.1.5.5.7.8.4");
    // The value as encoded: [0] EXPLICIT SEQUENCE { hwType OID, hwSerialNum OCTET STRING }.
    ASN1Sequence raw = ASN1Sequence.getInstance(names[0].getName());
    ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(raw.getObjectAt(1));
    assertThat(tagged.getTagNo()).isZero();
    ASN1Sequence hmn = ASN1Sequence.getInstance(tagged.getExplicitBaseObject());
    assertThat(hmn.getObjectAt(0))
        .isEqualTo(new ASN1ObjectIdentifier(ProfileOids.testDefaults().hardwareModuleType()));
    assertThat(ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets())
        .isEqualTo(METER.toBytes());
  }

  @Test
  void deviceNotAfterIsGeneralizedTime99991231235959Z() throws Exception {
    byte[] der = device.certificate().getEncoded();
    String hex = java.util.HexFormat.of().formatHex(der);
    // GeneralizedTime (tag 0x18), length 15, the literal value "99991231235959Z".
    assertThat(hex).contains("180f" + ascii("99991231235959Z"));
    assertThat(device.certificate().getNotAfter().toInstant())
        .isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(device.certificate().getNotBefore().toInstant())
        .isEqualTo(Instant.parse("2021-06-24T09:30:15Z"));
    // notBefore stays a UTCTime (tag 0x17) as RFC 5280 requires before 2050.
    assertThat(hex).contains("170d" + ascii("210624093015Z"));
  }

  @Test
  void deviceIssuedByTheDeviceCa() {
    assertThat(device.certificate().getIssuerX500Principal())
        .isEqualTo(pki.deviceCa().certificate().getSubjectX500Principal());
  }

  @Test
  void eachKindCarriesExactlyOneConfiguredPolicy() throws Exception {
    ProfileOids oids = ProfileOids.testDefaults();
    assertThat(policiesOf(organisation.certificate())).containsExactly(oids.organisationPolicy());
    assertThat(policiesOf(device.certificate())).containsExactly(oids.devicePolicy());
    assertThat(policiesOf(pki.root().certificate())).containsExactly(oids.authorityPolicy());
    assertThat(oids.organisationPolicy()).startsWith("1.3.6.1.4.1.32473.");
  }

  @Test
  void policiesAreConfigurable() throws Exception {
    ProfileOids mine = new ProfileOids("1.2.3.4", "1.2.3.5", "1.2.3.6", "1.2.3.7");
    TestPki other = TestPki.create(Clock.fixed(NOW, ZoneOffset.UTC), mine);
    assertThat(policiesOf(other.root().certificate())).containsExactly("1.2.3.4");
    assertThat(
            policiesOf(
                other.organisation(SUPPLIER).role(RemotePartyRole.SUPPLIER).issue().certificate()))
        .containsExactly("1.2.3.5");
    Credential d = other.device(METER).issue();
    assertThat(policiesOf(d.certificate())).containsExactly("1.2.3.6");
    assertThatThrownBy(() -> new ProfileOids("1.2.3", "x.y", "1.2", "1.3"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void serialsArePositiveRandomAndUnique() {
    Set<BigInteger> seen = new HashSet<>();
    DeviceCertificateFactory f = pki.deviceCertificateFactory();
    for (int i = 0; i < 200; i++) {
      BigInteger s = f.issue(Eui64.of(i), CertificateUsage.DS).serial();
      assertThat(s.signum()).isPositive();
      assertThat(s.bitLength()).isLessThanOrEqualTo(127);
      assertThat(seen.add(s)).isTrue();
    }
    // Random, not counting: 200 serials spread over more than a few bits.
    assertThat(seen.stream().mapToInt(BigInteger::bitLength).min().orElseThrow()).isGreaterThan(64);
  }

  @Test
  void roleIsRequiredForAnOrganisationCertificate() {
    assertThatThrownBy(() -> pki.organisation(SUPPLIER).issue())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("role");
  }

  @Test
  void shortcutsGiveXmlSigningCredentials() {
    CertificateProfile user =
        CertificateProfile.read(pki.xmlSigningCredential(SUPPLIER).certificate());
    assertThat(user.role()).contains(RemotePartyRole.XML_SIGN);
    assertThat(user.usage()).isEqualTo(CertificateUsage.DS);
    CertificateProfile dcc =
        CertificateProfile.read(pki.dspXmlSigningCredential(SUPPLIER).certificate());
    assertThat(dcc.role()).contains(RemotePartyRole.DSP_XML_SIGN);
    assertThat(dcc.kind()).isEqualTo(CertificateKind.ORGANISATION);
  }

  @Test
  void keyUsageBitsAreTheOnlyOnesSet() throws Exception {
    KeyUsage ku = KeyUsage.fromExtensions(holder(organisation.certificate()).getExtensions());
    assertThat(ku.hasUsages(KeyUsage.digitalSignature)).isTrue();
    assertThat(ku.hasUsages(KeyUsage.nonRepudiation)).isFalse();
    assertThat(ku.hasUsages(KeyUsage.keyAgreement)).isFalse();
  }

  static String ascii(String s) {
    return java.util.HexFormat.of()
        .formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  static String ouOf(X500Name name) {
    return name.getRDNs(BCStyle.OU)[0].getFirst().getValue().toString();
  }

  static List<String> policiesOf(X509Certificate c) throws Exception {
    CertificatePolicies cp = CertificatePolicies.fromExtensions(holder(c).getExtensions());
    return java.util.Arrays.stream(cp.getPolicyInformation())
        .map(p -> p.getPolicyIdentifier().getId())
        .toList();
  }
}
