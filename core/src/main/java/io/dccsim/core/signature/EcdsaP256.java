package io.dccsim.core.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * ECDSA over P-256 with SHA-256 in the XML Signature encoding (raw {@code r || s}, 64 bytes), on
 * the provider {@link EcdsaProvider} chooses (AWS-LC where it loads, else a private Bouncy Castle
 * instance): both far faster than the JDK's, and never installed in the JVM-wide provider list.
 */
final class EcdsaP256 {
  static final int SIGNATURE_LENGTH = 64;

  private static final BigInteger P256_ORDER =
      new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
  private static final int KEY_CACHE_LIMIT = 4096;

  private static final EcdsaProvider.Engine ENGINE = EcdsaProvider.engine();
  private static final Provider PROVIDER = ENGINE.provider();
  private static final ThreadLocal<Signature> SIGNATURES =
      ThreadLocal.withInitial(EcdsaP256::newSignature);
  private static final ConcurrentMap<PublicKey, PublicKey> PUBLIC_KEYS = new ConcurrentHashMap<>();

  private EcdsaP256() {}

  /** The provider doing the ECDSA work (for reporting; it is not registered globally). */
  static Provider provider() {
    return PROVIDER;
  }

  /** True when {@code key} is an EC key on the P-256 curve. */
  static boolean isP256(Key key) {
    if (!(key instanceof ECKey ec)) {
      return false;
    }
    ECParameterSpec params = ec.getParams();
    return params != null
        && params.getCurve().getField().getFieldSize() == 256
        && params.getOrder().equals(P256_ORDER);
  }

  /** The private key as the provider's own type, so signing does no conversion per call. */
  static PrivateKey toProviderKey(PrivateKey key) {
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
      return factory.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable EC private key", e);
    }
  }

  /** The public key as the provider's own type, remembered for the next verification. */
  static PublicKey toProviderKey(PublicKey key) {
    PublicKey cached = PUBLIC_KEYS.get(key);
    if (cached != null) {
      return cached;
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("EC", PROVIDER);
      PublicKey converted = factory.generatePublic(new X509EncodedKeySpec(key.getEncoded()));
      if (PUBLIC_KEYS.size() >= KEY_CACHE_LIMIT) {
        PUBLIC_KEYS.clear(); // bounded: start over rather than grow
      }
      PUBLIC_KEYS.put(key, converted);
      return converted;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not a usable EC public key", e);
    }
  }

  /** Signs {@code length} bytes of {@code data}; returns the 64-byte r||s value. */
  static byte[] sign(PrivateKey providerKey, byte[] data, int length) {
    Signature signature = SIGNATURES.get();
    try {
      signature.initSign(providerKey);
      signature.update(data, 0, length);
      return signature.sign();
    } catch (InvalidKeyException | SignatureException e) {
      throw new IllegalStateException("ECDSA signing failed", e);
    }
  }

  /** Verifies the 64-byte r||s {@code value} over {@code length} bytes of {@code data}. */
  static boolean verify(PublicKey providerKey, byte[] data, int length, byte[] value) {
    if (value.length != SIGNATURE_LENGTH) {
      return false;
    }
    Signature signature = SIGNATURES.get();
    try {
      signature.initVerify(providerKey);
      signature.update(data, 0, length);
      return signature.verify(value);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("not a usable EC public key", e);
    } catch (SignatureException e) {
      return false;
    }
  }

  private static Signature newSignature() {
    try {
      return Signature.getInstance(ENGINE.algorithm(), PROVIDER);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ENGINE.name() + " lacks " + ENGINE.algorithm(), e);
    }
  }
}
