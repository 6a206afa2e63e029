package io.dccsim.smki.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Builds one Organisation Certificate, issued by the Organisation CA: subject {@code [CN=name,]
 * OU=role as two hex digits, x500UniqueIdentifier=EUI}, keyUsage digitalSignature or keyAgreement,
 * valid from the clock's current second for ten years. Get one from {@link
 * TestPki#organisation(Eui64)}; a role is required.
 */
public final class OrganisationCertificateBuilder {
  /** The default validity of an Organisation Certificate. */
  public static final int DEFAULT_VALIDITY_YEARS = 10;

  private final IssuingAuthority ca;
  private final ProfileOids oids;
  private final Clock clock;
  private final Eui64 eui;
  private RemotePartyRole role;
  private CertificateUsage usage = CertificateUsage.DS;
  private String commonName;
  private KeyPair keyPair;
  private BigInteger serial;
  private Instant notBefore;
  private Instant notAfter;

  OrganisationCertificateBuilder(IssuingAuthority ca, ProfileOids oids, Clock clock, Eui64 eui) {
    this.ca = ca;
    this.oids = oids;
    this.clock = clock;
    this.eui = Objects.requireNonNull(eui, "eui");
  }

  /** The remote party role written in the OU. */
  public OrganisationCertificateBuilder role(RemotePartyRole r) {
    this.role = Objects.requireNonNull(r, "role");
    return this;
  }

  /** Usage DS: keyUsage digitalSignature. */
  public OrganisationCertificateBuilder digitalSigning() {
    return usage(CertificateUsage.DS);
  }

  /** Usage KA: keyUsage keyAgreement. */
  public OrganisationCertificateBuilder keyAgreement() {
    return usage(CertificateUsage.KA);
  }

  /** The usage. */
  public OrganisationCertificateBuilder usage(CertificateUsage u) {
    this.usage = Objects.requireNonNull(u, "usage");
    return this;
  }

  /** Adds a CN to the subject. */
  public OrganisationCertificateBuilder commonName(String cn) {
    this.commonName = Objects.requireNonNull(cn, "commonName");
    return this;
  }

  /** Certifies this key pair (P-256) instead of a freshly generated one. */
  public OrganisationCertificateBuilder keyPair(KeyPair keys) {
    this.keyPair = Objects.requireNonNull(keys, "keyPair");
    return this;
  }

  /** Uses this serial instead of a random one (it must be positive). */
  public OrganisationCertificateBuilder serial(BigInteger s) {
    if (s.signum() <= 0) {
      throw new IllegalArgumentException("A serial is positive: " + s);
    }
    this.serial = s;
    return this;
  }

  /** Sets the validity (defaults: the clock's current second, and ten years later). */
  public OrganisationCertificateBuilder validity(Instant from, Instant until) {
    if (!until.isAfter(from)) {
      throw new IllegalArgumentException("notAfter must be after notBefore");
    }
    this.notBefore = from;
    this.notAfter = until;
    return this;
  }

  /** Issues the certificate and returns it with its private key and chain (OCA, Root). */
  public Credential issue() {
    if (role == null) {
      throw new IllegalStateException(
          "An Organisation Certificate needs a role: call role(RemotePartyRole)");
    }
    KeyPair keys = keyPair != null ? keyPair : Crypto.generateKeyPair(Crypto.random());
    Instant from = notBefore != null ? notBefore : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant until =
        notAfter != null
            ? notAfter
            : from.atOffset(ZoneOffset.UTC).plusYears(DEFAULT_VALIDITY_YEARS).toInstant();
    byte[] der =
        IssuingAuthority.der(
            ca.sign(
                serial != null ? serial : Crypto.newSerial(),
                GbcsProfile.organisationSubject(eui, role, commonName),
                SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
                GbcsProfile.time(from),
                GbcsProfile.time(until),
                List.of(
                    GbcsProfile.keyUsage(usage), GbcsProfile.policy(oids.organisationPolicy()))));
    return new Credential(keys.getPrivate(), IssuingAuthority.toX509(der), ca.chainForIssued());
  }
}
