package io.dccsim.smki.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * What the SMKI Repository needs to know about a certificate, read from the certificate itself.
 *
 * <p>Reading is tolerant where older test material differs harmlessly: a role OU written in decimal
 * ({@code 137} for dspXmlSign) is accepted, an x500UniqueIdentifier given as an OCTET STRING or as
 * hex text instead of a BIT STRING is accepted. It is strict where a guess would be wrong: an end
 * certificate must carry exactly one of digitalSignature and keyAgreement.
 *
 * @param serial the serial number
 * @param issuer the issuer in RFC 4514 form as the JDK's {@code X500Principal.getName(RFC2253)}
 *     writes it (most significant RDN last, e.g. {@code OU=07,CN=dccsim Test Organisation CA}): the
 *     form a DUIS signature's X509IssuerName carries, and the form {@link
 *     CertificateRecord#issuer()} holds
 * @param kind AUTHORITY when basicConstraints says CA, DEVICE when the subjectAltName carries a
 *     HardwareModuleName, ORGANISATION otherwise
 * @param subjectEui the x500UniqueIdentifier of the subject, if any
 * @param subjectAltNameEui the HardwareModuleName hwSerialNum, for devices
 * @param role the OU role; for a CA without one, ROOT when self-issued, else issuingAuthority
 * @param usage DS or KA; a CA counts as DS (it signs)
 * @param policies the certificatePolicies OIDs, in order
 * @param notBefore start of validity
 * @param notAfter end of validity
 */
public record CertificateProfile(
    BigInteger serial,
    String issuer,
    CertificateKind kind,
    Optional<Eui64> subjectEui,
    Optional<Eui64> subjectAltNameEui,
    Optional<RemotePartyRole> role,
    CertificateUsage usage,
    List<String> policies,
    Instant notBefore,
    Instant notAfter) {

  /** Validates and copies. */
  public CertificateProfile {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectEui, "subjectEui");
    Objects.requireNonNull(subjectAltNameEui, "subjectAltNameEui");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(usage, "usage");
    policies = List.copyOf(policies);
    Objects.requireNonNull(notBefore, "notBefore");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  /**
   * Reads a certificate.
   *
   * @throws IllegalArgumentException naming the problem when the certificate does not fit any SMKI
   *     profile closely enough to be filed (no role, no EUI, ambiguous usage)
   */
  public static CertificateProfile read(X509Certificate certificate) {
    try {
      return read(certificate.getEncoded());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** Reads a DER certificate (see {@link #read(X509Certificate)}). */
  public static CertificateProfile read(byte[] der) {
    X509CertificateHolder h;
    try {
      h = new X509CertificateHolder(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Not a DER X.509 certificate: " + e.getMessage(), e);
    }
    Extensions ext = h.getExtensions();
    X500Name subject = h.getSubject();
    BasicConstraints bc = ext == null ? null : BasicConstraints.fromExtensions(ext);
    Optional<Eui64> device = hardwareModuleEui(ext);
    Optional<Eui64> subjectEui = uniqueIdentifier(subject);
    Optional<RemotePartyRole> ouRole = organisationalUnitRole(subject);
    KeyUsage ku = ext == null ? null : KeyUsage.fromExtensions(ext);
    String serialHex = h.getSerialNumber().toString(16);

    CertificateKind kind;
    Optional<RemotePartyRole> role;
    CertificateUsage usage;
    if (bc != null && bc.isCA()) {
      kind = CertificateKind.AUTHORITY;
      boolean selfIssued = h.getIssuer().equals(subject);
      role =
          Optional.of(
              ouRole.orElse(selfIssued ? RemotePartyRole.ROOT : RemotePartyRole.ISSUING_AUTHORITY));
      usage = CertificateUsage.DS;
    } else {
      usage = endUsage(ku, serialHex);
      if (device.isPresent()) {
        kind = CertificateKind.DEVICE;
        role = Optional.empty();
      } else {
        kind = CertificateKind.ORGANISATION;
        if (ouRole.isEmpty()) {
          throw new IllegalArgumentException(
              "Certificate " + serialHex + " has neither a role OU nor a HardwareModuleName");
        }
        if (subjectEui.isEmpty()) {
          throw new IllegalArgumentException(
              "Organisation certificate " + serialHex + " has no x500UniqueIdentifier EUI");
        }
        role = ouRole;
      }
    }
    return new CertificateProfile(
        h.getSerialNumber(),
        GbcsProfile.distinguishedName(h.getIssuer()),
        kind,
        kind == CertificateKind.DEVICE ? Optional.empty() : subjectEui,
        device,
        role,
        usage,
        policies(ext),
        h.getNotBefore().toInstant(),
        h.getNotAfter().toInstant());
  }

  /** The repository record of a certificate, read from it, with this status set at this time. */
  public static CertificateRecord record(
      X509Certificate certificate, CertificateStatus status, Instant statusChangedAt) {
    try {
      return record(certificate.getEncoded(), status, statusChangedAt);
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("Certificate cannot be encoded: " + e.getMessage(), e);
    }
  }

  /** The repository record of a DER certificate, with this status set at this time. */
  public static CertificateRecord record(
      byte[] der, CertificateStatus status, Instant statusChangedAt) {
    return read(der).toRecord(der, status, statusChangedAt);
  }

  /** The repository record for this profile and the certificate's DER. */
  public CertificateRecord toRecord(byte[] der, CertificateStatus status, Instant statusChangedAt) {
    return new CertificateRecord(
        serial,
        issuer,
        kind,
        subjectEui,
        subjectAltNameEui,
        role,
        usage,
        status,
        statusChangedAt,
        der);
  }

  /** The EUI the certificate is about: the subject EUI, or the device EUI. */
  public Optional<Eui64> eui() {
    return subjectEui.isPresent() ? subjectEui : subjectAltNameEui;
  }

  private static CertificateUsage endUsage(KeyUsage ku, String serialHex) {
    if (ku == null) {
      throw new IllegalArgumentException("Certificate " + serialHex + " has no keyUsage");
    }
    boolean ds = ku.hasUsages(KeyUsage.digitalSignature);
    boolean ka = ku.hasUsages(KeyUsage.keyAgreement);
    if (ds == ka) {
      throw new IllegalArgumentException(
          "Certificate "
              + serialHex
              + " must have exactly one of digitalSignature and keyAgreement");
    }
    return ds ? CertificateUsage.DS : CertificateUsage.KA;
  }

  private static Optional<RemotePartyRole> organisationalUnitRole(X500Name subject) {
    for (RDN rdn : subject.getRDNs(BCStyle.OU)) {
      ASN1Encodable v = rdn.getFirst().getValue();
      if (v instanceof ASN1String s) {
        try {
          return Optional.of(RemotePartyRole.fromOrganisationalUnit(s.getString()));
        } catch (IllegalArgumentException notARole) {
          // Another OU (e.g. a department name); keep looking.
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Eui64> uniqueIdentifier(X500Name subject) {
    for (RDN rdn : subject.getRDNs(GbcsProfile.X500_UNIQUE_IDENTIFIER)) {
      ASN1Encodable v = rdn.getFirst().getValue();
      byte[] octets = null;
      if (v instanceof ASN1BitString bits && bits.getPadBits() == 0) {
        octets = bits.getOctets();
      } else if (v instanceof ASN1OctetString os) {
        octets = os.getOctets();
      } else if (v instanceof ASN1String s) {
        try {
          return Optional.of(Eui64.parse(s.getString()));
        } catch (IllegalArgumentException e) {
          octets = null;
        }
      }
      if (octets != null && octets.length == 8) {
        return Optional.of(Eui64.fromBytes(octets));
      }
      throw new IllegalArgumentException("x500UniqueIdentifier is not an 8-octet EUI-64: " + v);
    }
    return Optional.empty();
  }

  private static Optional<Eui64> hardwareModuleEui(Extensions ext) {
    GeneralNames names =
        ext == null
            ? null
            : GeneralNames.fromExtensions(
                ext, org.bouncycastle.asn1.x509.Extension.subjectAlternativeName);
    if (names == null) {
      return Optional.empty();
    }
    for (GeneralName n : names.getNames()) {
      if (n.getTagNo() != GeneralName.otherName) {
        continue;
      }
      OtherName other = OtherName.getInstance(n.getName());
      if (!GbcsProfile.HARDWARE_MODULE_NAME.equals(other.getTypeID())) {
        continue;
      }
      ASN1Encodable value = other.getValue();
      if (value instanceof ASN1TaggedObject tagged) {
        value = tagged.getExplicitBaseObject();
      }
      ASN1Sequence hmn = ASN1Sequence.getInstance(value);
      byte[] serial = ASN1OctetString.getInstance(hmn.getObjectAt(1)).getOctets();
      if (serial.length != 8) {
        throw new IllegalArgumentException(
            "HardwareModuleName hwSerialNum is not an 8-octet EUI-64: "
                + HexFormat.of().formatHex(serial));
      }
      return Optional.of(Eui64.fromBytes(serial));
    }
    return Optional.empty();
  }

  private static List<String> policies(Extensions ext) {
    CertificatePolicies cp = ext == null ? null : CertificatePolicies.fromExtensions(ext);
    List<String> out = new ArrayList<>();
    if (cp != null) {
      for (PolicyInformation pi : cp.getPolicyInformation()) {
        out.add(pi.getPolicyIdentifier().getId());
      }
    }
    return out;
  }
}
