package io.dccsim.smki.pki.internal;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The Bouncy Castle provider used by the PKI, passed explicitly to every JCA call: it is never
 * installed in the JVM's provider list, so other code keeps its own provider order.
 */
public final class Crypto {
  /** The one provider object of the PKI. */
  public static final Provider PROVIDER = new BouncyCastleProvider();

  /** The GBCS curve. */
  public static final String CURVE = "secp256r1";

  /** The GBCS signature algorithm. */
  public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

  private static final ThreadLocal<SecureRandom> RANDOMS =
      ThreadLocal.withInitial(SecureRandom::new);

  private Crypto() {}

  /** This thread's random source (one per thread, so bulk issuance does not contend on one). */
  public static SecureRandom random() {
    return RANDOMS.get();
  }

  /**
   * A new certificate serial: 127 random bits, so positive and 16 octets or fewer in DER. A
   * collision is as likely as guessing a 127-bit key, so serials are unique without a register.
   */
  public static java.math.BigInteger newSerial() {
    byte[] b = new byte[16];
    java.math.BigInteger serial;
    do {
      random().nextBytes(b);
      b[0] &= 0x7F;
      serial = new java.math.BigInteger(1, b);
    } while (serial.signum() == 0);
    return serial;
  }

  /** A fresh P-256 key pair generator (not thread-safe: keep one per thread). */
  public static KeyPairGenerator keyPairGenerator(SecureRandom random) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC", PROVIDER);
      g.initialize(new ECGenParameterSpec(CURVE), random);
      return g;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 key generation is unavailable", e);
    }
  }

  /** A new P-256 key pair. */
  public static KeyPair generateKeyPair(SecureRandom random) {
    return keyPairGenerator(random).generateKeyPair();
  }

  /** An ECDSA-SHA256 signer for this key (not thread-safe: keep one per thread). */
  public static ContentSigner signer(PrivateKey key, SecureRandom random) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
          .setProvider(PROVIDER)
          .setSecureRandom(random)
          .build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalArgumentException("Cannot sign with this key: " + e.getMessage(), e);
    }
  }
}
