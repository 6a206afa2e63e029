package io.dccsim.smki.pki.internal;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.Time;

/** The pieces GBCS certificates are made of: names, extensions and validity times. */
public final class GbcsProfile {
  /** HardwareModuleName (RFC 4108), the otherName of a Device Certificate's subjectAltName. */
  public static final ASN1ObjectIdentifier HARDWARE_MODULE_NAME =
      new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.4");

  /** x500UniqueIdentifier (2.5.4.45), the organisation EUI in an Organisation Certificate. */
  public static final ASN1ObjectIdentifier X500_UNIQUE_IDENTIFIER = BCStyle.UNIQUE_IDENTIFIER;

  /** The notAfter of Device and CA certificates: 9999-12-31T23:59:59Z, "no expiry" (RFC 5280). */
  public static final Instant NO_EXPIRY = Instant.parse("9999-12-31T23:59:59Z");

  private GbcsProfile() {}

  /**
   * The text form of a distinguished name the repository keeps as a record's issuer: RFC 4514 (RFC
   * 2253) as the JDK's {@code X500Principal.getName(RFC2253)} writes it, most significant RDN last,
   * non-string values such as x500UniqueIdentifier as {@code #} and DER hex. It is the form a DUIS
   * signature's X509IssuerName carries, so a lookup by issuer and serial needs no conversion.
   */
  public static String distinguishedName(X500Name name) {
    try {
      return new javax.security.auth.x500.X500Principal(name.getEncoded())
          .getName(javax.security.auth.x500.X500Principal.RFC2253);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An Organisation Certificate subject: optional CN, OU = role in hex, x500UniqueIdentifier. */
  public static X500Name organisationSubject(Eui64 eui, RemotePartyRole role, String commonName) {
    X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
    if (commonName != null) {
      b.addRDN(BCStyle.CN, new DERUTF8String(commonName));
    }
    b.addRDN(BCStyle.OU, new DERUTF8String(role.hexCode()));
    b.addRDN(X500_UNIQUE_IDENTIFIER, new DERBitString(eui.toBytes()));
    return b.build();
  }

  /** A CA subject: CN and OU = role in hex. */
  public static X500Name authoritySubject(String commonName, RemotePartyRole role) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.CN, new DERUTF8String(commonName))
        .addRDN(BCStyle.OU, new DERUTF8String(role.hexCode()))
        .build();
  }

  /** The empty subject of a Device Certificate. */
  public static X500Name emptySubject() {
    return new X500Name(new RDN[0]);
  }

  /** keyUsage, critical: exactly one of digitalSignature and keyAgreement. */
  public static Extension keyUsage(CertificateUsage usage) {
    int bits = usage == CertificateUsage.DS ? KeyUsage.digitalSignature : KeyUsage.keyAgreement;
    return extension(Extension.keyUsage, true, new KeyUsage(bits));
  }

  /** keyUsage of a CA, critical: keyCertSign and cRLSign. */
  public static Extension authorityKeyUsage() {
    return extension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
  }

  /** basicConstraints of a CA, critical; a path length for subordinate CAs. */
  public static Extension basicConstraints(Integer pathLength) {
    BasicConstraints bc =
        pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength);
    return extension(Extension.basicConstraints, true, bc);
  }

  /** certificatePolicies, critical, with one policy. */
  public static Extension policy(String oid) {
    return extension(
        Extension.certificatePolicies,
        true,
        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier(oid))));
  }

  /**
   * subjectAltName, critical (the subject is empty), with one otherName HardwareModuleName whose
   * hwSerialNum is the device EUI's eight octets.
   */
  public static Extension hardwareModuleName(String hwType, Eui64 eui) {
    ASN1Encodable hmn =
        new DERSequence(
            new ASN1Encodable[] {
              new ASN1ObjectIdentifier(hwType), new DEROctetString(eui.toBytes())
            });
    GeneralName name =
        new GeneralName(GeneralName.otherName, new OtherName(HARDWARE_MODULE_NAME, hmn));
    return extension(Extension.subjectAlternativeName, true, new GeneralNames(name));
  }

  /** A validity time as RFC 5280 wants it: UTCTime through 2049, GeneralizedTime after. */
  public static Time time(Instant instant) {
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    if (year >= 2050) {
      return new Time(new DERGeneralizedTime(Date.from(instant)));
    }
    return new Time(Date.from(instant));
  }

  /** The notAfter of "no expiry": GeneralizedTime {@code 99991231235959Z}. */
  public static Time noExpiry() {
    return new Time(new DERGeneralizedTime("99991231235959Z"));
  }

  private static Extension extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable v) {
    try {
      return new Extension(oid, critical, v.toASN1Primitive().getEncoded("DER"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
