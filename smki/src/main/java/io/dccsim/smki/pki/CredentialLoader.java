package io.dccsim.smki.pki;

import io.dccsim.smki.pki.internal.Crypto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Loads a credential someone already holds: a certificate file (PEM or DER; a PEM file may carry
 * the chain after the leaf, nearest CA first) and a private key file (PKCS#8 PEM or DER). The key
 * must match the certificate.
 */
public final class CredentialLoader {
  private CredentialLoader() {}

  /** Loads and checks a credential from two files. */
  public static Credential load(Path certificateFile, Path privateKeyFile) {
    return of(PemMaterial.certificates(certificateFile), PemMaterial.privateKey(privateKeyFile));
  }

  /** Loads and checks a credential from the contents of the two files. */
  public static Credential load(byte[] certificates, byte[] privateKey) {
    return of(PemMaterial.certificates(certificates), PemMaterial.privateKey(privateKey));
  }

  /**
   * The credential of a leaf certificate (first) and its chain (the rest) with this key.
   *
   * @throws IllegalArgumentException when the key does not belong to the leaf certificate
   */
  public static Credential of(List<X509Certificate> certificates, PrivateKey key) {
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("No certificate given");
    }
    X509Certificate leaf = certificates.get(0);
    if (!matches(leaf, key)) {
      throw new IllegalArgumentException(
          "The private key does not belong to the certificate "
              + leaf.getSerialNumber().toString(16));
    }
    return new Credential(key, leaf, certificates.subList(1, certificates.size()));
  }

  /** Whether the private key belongs to the certificate's public key (a test signature). */
  static boolean matches(X509Certificate cert, PrivateKey key) {
    byte[] probe = "dccsim key check".getBytes(StandardCharsets.US_ASCII);
    try {
      Signature s = Signature.getInstance(Crypto.SIGNATURE_ALGORITHM, Crypto.PROVIDER);
      s.initSign(key, Crypto.random());
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(Crypto.SIGNATURE_ALGORITHM, Crypto.PROVIDER);
      v.initVerify(cert.getPublicKey());
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
