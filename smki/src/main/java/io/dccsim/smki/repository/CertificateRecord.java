package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One certificate as the repository holds it: its DER encoding and the metadata read from it, plus
 * its repository status and when that status was set.
 *
 * @param serial the certificate serial number (positive)
 * @param issuer the issuer distinguished name in RFC 4514 form, most specific RDN first, as the
 *     JDK's {@code X500Principal.getName(RFC2253)} writes the certificate's issuer (the form a DUIS
 *     signature's X509IssuerName carries); compare issuers as X.500 names ({@link IssuerName})
 * @param kind organisation, device or authority certificate
 * @param subjectEui the organisation EUI (x500UniqueIdentifier), present for organisation and
 *     authority certificates that carry one
 * @param subjectAltNameEui the device EUI (HardwareModuleName), present for device certificates
 * @param role the remote party role (organisation and authority certificates); empty for devices
 * @param usage digital signing or key agreement
 * @param status the repository status
 * @param statusChangedAt when the status was last set
 * @param der the certificate's DER encoding (defensively copied)
 */
public record CertificateRecord(
    BigInteger serial,
    String issuer,
    CertificateKind kind,
    Optional<Eui64> subjectEui,
    Optional<Eui64> subjectAltNameEui,
    Optional<RemotePartyRole> role,
    CertificateUsage usage,
    CertificateStatus status,
    Instant statusChangedAt,
    byte[] der) {

  /** Validates and copies. */
  public CertificateRecord {
    Objects.requireNonNull(serial, "serial");
    if (serial.signum() <= 0) {
      throw new IllegalArgumentException("A certificate serial is positive: " + serial);
    }
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(subjectEui, "subjectEui");
    Objects.requireNonNull(subjectAltNameEui, "subjectAltNameEui");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(statusChangedAt, "statusChangedAt");
    der = Objects.requireNonNull(der, "der").clone();
  }

  /** The DER encoding (a copy). */
  @Override
  public byte[] der() {
    return der.clone();
  }

  /** The EUI the certificate is about: the subject EUI or, for a device, the subjectAltName EUI. */
  public Optional<Eui64> eui() {
    return subjectEui.isPresent() ? subjectEui : subjectAltNameEui;
  }

  /** The serial as the repository interface writes it: upper-case hex. */
  public String serialHex() {
    return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
  }

  /** This record with another status, set at {@code when}. */
  public CertificateRecord withStatus(CertificateStatus newStatus, Instant when) {
    return new CertificateRecord(
        serial, issuer, kind, subjectEui, subjectAltNameEui, role, usage, newStatus, when, der);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CertificateRecord r
        && serial.equals(r.serial)
        && issuer.equals(r.issuer)
        && kind == r.kind
        && subjectEui.equals(r.subjectEui)
        && subjectAltNameEui.equals(r.subjectAltNameEui)
        && role.equals(r.role)
        && usage == r.usage
        && status == r.status
        && statusChangedAt.equals(r.statusChangedAt)
        && Arrays.equals(der, r.der);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serial, issuer, status, statusChangedAt) * 31 + Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "CertificateRecord[serial="
        + serialHex()
        + ", kind="
        + kind
        + ", eui="
        + eui().map(Eui64::toString).orElse("-")
        + ", role="
        + role.map(RemotePartyRole::gbcsName).orElse("-")
        + ", usage="
        + usage
        + ", status="
        + status.code()
        + "@"
        + statusChangedAt
        + "]";
  }
}
