package io.dccsim.smki.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.GbcsProfile;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Issues Device Certificates in bulk. Safe to use from several threads at once: each thread keeps
 * its own key generator, random source and CA signer, so nothing is shared but the CA's immutable
 * name and key identifier.
 *
 * <p>{@link #issueRecord} is the bulk path: it returns the repository record straight from the
 * freshly signed DER, without decoding the certificate again, and drops the device's private key.
 */
public final class DeviceCertificateFactory {
  private final IssuingAuthority ca;
  private final ProfileOids oids;
  private final Clock clock;
  private final ThreadLocal<KeyPairGenerator> generators =
      ThreadLocal.withInitial(() -> Crypto.keyPairGenerator(Crypto.random()));

  DeviceCertificateFactory(IssuingAuthority ca, ProfileOids oids, Clock clock) {
    this.ca = ca;
    this.oids = oids;
    this.clock = clock;
  }

  /** Issues a Device Certificate with a fresh key and returns the credential. */
  public Credential issue(Eui64 eui, CertificateUsage usage) {
    KeyPair keys = generators.get().generateKeyPair();
    byte[] der = sign(ca, oids, eui, usage, keys, Crypto.newSerial(), now());
    return new Credential(keys.getPrivate(), IssuingAuthority.toX509(der), ca.chainForIssued());
  }

  /** Issues a Device Certificate with a fresh key and returns only its DER encoding. */
  public byte[] issueDer(Eui64 eui, CertificateUsage usage) {
    return sign(
        ca, oids, eui, usage, generators.get().generateKeyPair(), Crypto.newSerial(), now());
  }

  /**
   * Issues a Device Certificate and returns the record the repository would hold for it, with this
   * status set at the clock's current instant.
   */
  public CertificateRecord issueRecord(
      Eui64 eui, CertificateUsage usage, CertificateStatus status) {
    BigInteger serial = Crypto.newSerial();
    Instant now = clock.instant();
    byte[] der =
        sign(
            ca,
            oids,
            eui,
            usage,
            generators.get().generateKeyPair(),
            serial,
            now.truncatedTo(ChronoUnit.SECONDS));
    return new CertificateRecord(
        serial,
        ca.nameText(),
        CertificateKind.DEVICE,
        Optional.empty(),
        Optional.of(eui),
        Optional.empty(),
        usage,
        status,
        now,
        der);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }

  static byte[] sign(
      IssuingAuthority ca,
      ProfileOids oids,
      Eui64 eui,
      CertificateUsage usage,
      KeyPair keys,
      BigInteger serial,
      Instant notBefore) {
    return IssuingAuthority.der(
        ca.sign(
            serial,
            GbcsProfile.emptySubject(),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()),
            GbcsProfile.time(notBefore),
            GbcsProfile.noExpiry(),
            List.of(
                GbcsProfile.keyUsage(usage),
                GbcsProfile.policy(oids.devicePolicy()),
                GbcsProfile.hardwareModuleName(oids.hardwareModuleType(), eui))));
  }
}
