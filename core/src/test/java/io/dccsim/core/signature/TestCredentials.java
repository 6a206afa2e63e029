package io.dccsim.core.signature;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** Throwaway P-256 keys and certificates made at test time; nothing is committed. */
public final class TestCredentials {
  private static final Provider BC = new BouncyCastleProvider();
  private static final Instant NOW = Instant.parse("2021-06-24T00:00:00Z");

  private TestCredentials() {}

  /** A fresh P-256 key pair. */
  public static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A credential for a fresh key whose certificate, with {@code serial}, is issued under {@code
   * issuer} by a throwaway issuing key.
   */
  public static SigningCredential credential(String issuer, BigInteger serial) {
    KeyPair subject = p256();
    KeyPair ca = p256();
    X509Certificate cert =
        certificate(subject, "CN=Test Signer,OU=87", issuer, ca.getPrivate(), serial);
    return SigningCredential.of(subject.getPrivate(), cert);
  }

  /** A certificate for {@code subject}'s public key, signed by {@code issuerKey}. */
  public static X509Certificate certificate(
      KeyPair subject, String subjectDn, String issuerDn, PrivateKey issuerKey, BigInteger serial) {
    return certificate(subject, new X500Name(subjectDn), new X500Name(issuerDn), issuerKey, serial);
  }

  /** A certificate for {@code subject}'s public key, signed by {@code issuerKey}. */
  public static X509Certificate certificate(
      KeyPair subject,
      X500Name subjectDn,
      X500Name issuerDn,
      PrivateKey issuerKey,
      BigInteger serial) {
    try {
      X509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              issuerDn,
              serial,
              Date.from(NOW.minus(1, ChronoUnit.DAYS)),
              Date.from(NOW.plus(3650, ChronoUnit.DAYS)),
              subjectDn,
              subject.getPublic());
      return new JcaX509CertificateConverter()
          .setProvider(BC)
          .getCertificate(
              b.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BC).build(issuerKey)));
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PEM text of a certificate. */
  public static String pem(X509Certificate certificate) {
    return pemOf(certificate);
  }

  /** PEM text of a private key, PKCS#8 ({@code BEGIN PRIVATE KEY}). */
  public static String pem(PrivateKey key) {
    return pemOf(new PemObject("PRIVATE KEY", key.getEncoded()));
  }

  private static String pemOf(Object o) {
    StringWriter s = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(s)) {
      w.writeObject(o);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return s.toString();
  }
}
