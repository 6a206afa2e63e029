package io.dccsim.smki.pki;

import io.dccsim.smki.pki.internal.PemText;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate and the chain of CA certificates above it: what a party holds
 * in order to sign or agree keys. {@link #toString()} never shows the key.
 *
 * @param privateKey the private key matching the certificate
 * @param certificate the certificate
 * @param chain the issuing CA certificates, nearest first, up to and including the Root; empty for
 *     the Root itself
 */
public record Credential(
    PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

  /** Validates and copies. */
  public Credential {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(certificate, "certificate");
    chain = List.copyOf(chain);
  }

  /** The key pair: the certificate's public key and the private key. */
  public KeyPair keyPair() {
    return new KeyPair(certificate.getPublicKey(), privateKey);
  }

  /** The certificate's serial number. */
  public BigInteger serial() {
    return certificate.getSerialNumber();
  }

  /** The certificate's DER encoding. */
  public byte[] certificateDer() {
    try {
      return certificate.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException("An issued certificate cannot be encoded", e);
    }
  }

  /** The certificate as one PEM {@code CERTIFICATE} block. */
  public String certificatePem() {
    return PemText.encode("CERTIFICATE", certificateDer());
  }

  /** The certificate followed by its chain, nearest CA first (what a TLS server presents). */
  public List<X509Certificate> certificateChain() {
    List<X509Certificate> all = new ArrayList<>(chain.size() + 1);
    all.add(certificate);
    all.addAll(chain);
    return List.copyOf(all);
  }

  /** {@link #certificateChain()} as PEM blocks. */
  public String certificateChainPem() {
    StringBuilder b = new StringBuilder();
    for (X509Certificate c : certificateChain()) {
      try {
        b.append(PemText.encode("CERTIFICATE", c.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("A certificate cannot be encoded", e);
      }
    }
    return b.toString();
  }

  /** The private key as an unencrypted PKCS#8 PEM {@code PRIVATE KEY} block. Keep it secret. */
  public String privateKeyPkcs8Pem() {
    return PemText.encode("PRIVATE KEY", privateKeyPkcs8Der());
  }

  /** The private key as unencrypted PKCS#8 DER. Keep it secret. */
  public byte[] privateKeyPkcs8Der() {
    byte[] der = privateKey.getEncoded();
    if (der == null || !"PKCS#8".equals(privateKey.getFormat())) {
      throw new IllegalStateException("The private key has no PKCS#8 encoding");
    }
    return der;
  }

  @Override
  public String toString() {
    return "Credential[subject="
        + certificate.getSubjectX500Principal().getName()
        + ", serial="
        + certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT)
        + ", chain="
        + chain.size()
        + "]";
  }
}
