package io.dccsim.core.gbcs.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128-GCM with a 12-byte IV and a 12-byte tag, as GBCS uses it, on the JDK's provider. Each
 * thread keeps one {@link Cipher} (looking one up costs far more than a short GCM operation).
 */
public final class Gcm {
  /** The tag length in bytes. */
  public static final int TAG_LENGTH = 12;

  /** The IV length in bytes. */
  public static final int IV_LENGTH = 12;

  private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(Gcm::newCipher);

  private Gcm() {}

  /** The ciphertext of {@code plaintext} followed by the tag. */
  public static byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] plaintext) {
    try {
      Cipher c = cipher(Cipher.ENCRYPT_MODE, key, iv);
      c.updateAAD(aad);
      return c.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /** The plaintext, or empty when the tag does not verify. */
  public static Optional<byte[]> open(byte[] key, byte[] iv, byte[] aad, byte[] ciphertextAndTag) {
    if (ciphertextAndTag.length < TAG_LENGTH) {
      return Optional.empty();
    }
    try {
      Cipher c = cipher(Cipher.DECRYPT_MODE, key, iv);
      c.updateAAD(aad);
      return Optional.of(c.doFinal(ciphertextAndTag));
    } catch (AEADBadTagException e) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM failed", e);
    }
  }

  /** The tag of an empty plaintext under {@code aad} (GMAC). */
  public static byte[] tag(byte[] key, byte[] iv, byte[] aad) {
    return seal(key, iv, aad, new byte[0]);
  }

  /** True when {@code tag} is the tag of an empty plaintext under {@code aad}, in constant time. */
  public static boolean tagVerifies(byte[] key, byte[] iv, byte[] aad, byte[] tag) {
    return tag.length == TAG_LENGTH && MessageDigest.isEqual(tag(key, iv, aad), tag);
  }

  /** {@code title} (8 bytes) followed by the 4-byte {@code invocationCounter}. */
  public static byte[] iv(byte[] title, long invocationCounter) {
    byte[] iv = Arrays.copyOf(title, IV_LENGTH);
    for (int i = 0; i < 4; i++) {
      iv[8 + i] = (byte) (invocationCounter >>> (8 * (3 - i)));
    }
    return iv;
  }

  private static Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
    SecretKeySpec k = new SecretKeySpec(key, "AES");
    GCMParameterSpec p = new GCMParameterSpec(TAG_LENGTH * 8, iv);
    Cipher c = CIPHERS.get();
    try {
      c.init(mode, k, p);
    } catch (InvalidAlgorithmParameterException e) {
      // The JDK will not encrypt twice in a row with one key and IV on one Cipher (a guard against
      // IV reuse); MACing the same message again is legitimate here, so take a fresh one.
      c = newCipher();
      c.init(mode, k, p);
      CIPHERS.set(c);
    }
    return c;
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is missing", e);
    }
  }
}
