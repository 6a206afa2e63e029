package io.dccsim.core.signature;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import javax.crypto.KeyAgreement;

/**
 * ECDSA and ECDH over P-256 for protocols other than XML Signature (GBCS), on the provider {@link
 * EcdsaProvider} chooses for the DUIS signatures: signatures in the IEEE P1363 form (raw {@code r
 * || s}, 64 bytes) over SHA-256, and the ECDH shared secret (the x-coordinate, 32 bytes).
 */
public final class EcP256 {
  /** The length of a P1363 signature: 32 bytes of r, 32 of s. */
  public static final int SIGNATURE_LENGTH = EcdsaP256.SIGNATURE_LENGTH;

  /** The length of the ECDH shared secret Z. */
  public static final int SHARED_SECRET_LENGTH = 32;

  private EcP256() {}

  /**
   * Signs {@code data} with ECDSA P-256/SHA-256.
   *
   * @return the 64-byte {@code r || s}
   * @throws IllegalArgumentException when {@code key} is not a P-256 private key
   */
  public static byte[] sign(PrivateKey key, byte[] data) {
    Objects.requireNonNull(data, "data");
    requireP256(key);
    return EcdsaP256.sign(EcdsaP256.toProviderKey(key), data, data.length);
  }

  /**
   * True when {@code signature} (64 bytes, {@code r || s}) is an ECDSA P-256/SHA-256 signature of
   * {@code data} by {@code key}'s owner; false for any other value, whatever its length.
   *
   * @throws IllegalArgumentException when {@code key} is not a P-256 public key
   */
  public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    requireP256(key);
    return EcdsaP256.verify(EcdsaP256.toProviderKey(key), data, data.length, signature);
  }

  /**
   * The ECDH shared secret Z of {@code own} and {@code peer} (the x-coordinate of the product, 32
   * bytes big-endian).
   *
   * @throws IllegalArgumentException when either key is not on P-256
   */
  public static byte[] sharedSecret(PrivateKey own, PublicKey peer) {
    requireP256(own);
    requireP256(peer);
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH", EcdsaP256.provider());
      agreement.init(EcdsaP256.toProviderKey(own));
      agreement.doPhase(EcdsaP256.toProviderKey(peer), true);
      byte[] z = agreement.generateSecret();
      if (z.length != SHARED_SECRET_LENGTH) {
        throw new IllegalStateException("ECDH gave " + z.length + " bytes, not 32");
      }
      return z;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("ECDH on P-256 failed: " + e.getMessage(), e);
    }
  }

  private static void requireP256(Key key) {
    Objects.requireNonNull(key, "key");
    if (!EcdsaP256.isP256(key)) {
      throw new IllegalArgumentException("not a P-256 key: " + key.getAlgorithm());
    }
  }
}
