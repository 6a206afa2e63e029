package io.dccsim.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * The private key and certificate a party signs DUIS messages with (a User's {@code xmlSign}
 * certificate, or the DCC's {@code dspXmlSign} one). Both must be EC P-256 and belong together.
 *
 * <p>{@link #toString()} names the certificate only; the key is never printed.
 */
public final class SigningCredential {
  private final PrivateKey privateKey;
  private final X509Certificate certificate;
  private final PrivateKey providerKey;

  private SigningCredential(PrivateKey privateKey, X509Certificate certificate) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.certificate = Objects.requireNonNull(certificate, "certificate");
    if (!EcdsaP256.isP256(privateKey) || !EcdsaP256.isP256(certificate.getPublicKey())) {
      throw new IllegalArgumentException("DUIS signing keys are EC P-256 keys");
    }
    this.providerKey = EcdsaP256.toProviderKey(privateKey);
    byte[] probe = "dccsim key pair check".getBytes(StandardCharsets.US_ASCII);
    byte[] value = EcdsaP256.sign(providerKey, probe, probe.length);
    if (!EcdsaP256.verify(
        EcdsaP256.toProviderKey(certificate.getPublicKey()), probe, probe.length, value)) {
      throw new IllegalArgumentException(
          "the private key does not match the certificate " + describe(certificate));
    }
  }

  /**
   * A credential from a key and its certificate.
   *
   * @throws IllegalArgumentException when either is not P-256 or they do not belong together
   */
  public static SigningCredential of(PrivateKey privateKey, X509Certificate certificate) {
    return new SigningCredential(privateKey, certificate);
  }

  /** The private key, as given. */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /** The certificate whose public key verifies this credential's signatures. */
  public X509Certificate certificate() {
    return certificate;
  }

  PrivateKey providerKey() {
    return providerKey;
  }

  @Override
  public String toString() {
    return "SigningCredential[" + describe(certificate) + "]";
  }

  private static String describe(X509Certificate c) {
    return "issuer=" + c.getIssuerX500Principal().getName() + ", serial=" + c.getSerialNumber();
  }
}
