package io.dccsim.smki.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Builds one Device Certificate, issued by the Device CA: empty subject, critical subjectAltName
 * HardwareModuleName carrying the device EUI, one usage, notAfter {@code 99991231235959Z}. Get one
 * from {@link TestPki#device(Eui64)}.
 */
public final class DeviceCertificateBuilder {
  private final IssuingAuthority ca;
  private final ProfileOids oids;
  private final Clock clock;
  private final Eui64 eui;
  private CertificateUsage usage = CertificateUsage.DS;
  private KeyPair keyPair;
  private BigInteger serial;
  private Instant notBefore;

  DeviceCertificateBuilder(IssuingAuthority ca, ProfileOids oids, Clock clock, Eui64 eui) {
    this.ca = ca;
    this.oids = oids;
    this.clock = clock;
    this.eui = Objects.requireNonNull(eui, "eui");
  }

  /** Usage DS: keyUsage digitalSignature. */
  public DeviceCertificateBuilder digitalSigning() {
    return usage(CertificateUsage.DS);
  }

  /** Usage KA: keyUsage keyAgreement. */
  public DeviceCertificateBuilder keyAgreement() {
    return usage(CertificateUsage.KA);
  }

  /** The usage. */
  public DeviceCertificateBuilder usage(CertificateUsage u) {
    this.usage = Objects.requireNonNull(u, "usage");
    return this;
  }

  /** Certifies this key pair (P-256) instead of a freshly generated one. */
  public DeviceCertificateBuilder keyPair(KeyPair keys) {
    this.keyPair = Objects.requireNonNull(keys, "keyPair");
    return this;
  }

  /** Uses this serial instead of a random one (it must be positive). */
  public DeviceCertificateBuilder serial(BigInteger s) {
    if (s.signum() <= 0) {
      throw new IllegalArgumentException("A serial is positive: " + s);
    }
    this.serial = s;
    return this;
  }

  /** Sets notBefore (default: the clock's current second). */
  public DeviceCertificateBuilder notBefore(Instant from) {
    this.notBefore = Objects.requireNonNull(from, "notBefore");
    return this;
  }

  /** Issues the certificate and returns it with its private key and chain (DCA, Root). */
  public Credential issue() {
    KeyPair keys = keyPair != null ? keyPair : Crypto.generateKeyPair(Crypto.random());
    Instant from = notBefore != null ? notBefore : clock.instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] der =
        DeviceCertificateFactory.sign(
            ca, oids, eui, usage, keys, serial != null ? serial : Crypto.newSerial(), from);
    return new Credential(keys.getPrivate(), IssuingAuthority.toX509(der), ca.chainForIssued());
  }
}
