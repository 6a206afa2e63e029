package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import io.dccsim.core.gbcs.internal.Gcm;
import io.dccsim.core.value.Eui64;
import java.util.Arrays;
import java.util.Objects;

/**
 * Sensitive data (register values and the like) encrypted with AES-128-GCM under the {@link
 * KeyDerivation#encryptionKey encryption key} of the message: encoded as the security control byte
 * {@code 31}, the 4-byte invocation counter, the ciphertext and the 12-byte tag. The authenticated
 * data is {@code 31}; the IV is the originator's system title followed by the invocation counter
 * ({@code 00 00 00 00} unless given, the same IV as the MAC's).
 *
 * @param invocationCounter 0..2^32-1
 * @param ciphertext as long as the plaintext
 * @param tag 12 bytes
 */
public record EncryptedData(long invocationCounter, Octets ciphertext, Octets tag) {
  /** The security control byte. */
  public static final int SECURITY_CONTROL = 0x31;

  private static final byte[] AAD = {SECURITY_CONTROL};
  private static final int HEADER_LENGTH = 5;

  /**
   * Encrypted data.
   *
   * @throws IllegalArgumentException for a counter beyond 4 bytes or a tag not 12 bytes
   */
  public EncryptedData {
    Objects.requireNonNull(ciphertext, "ciphertext");
    Objects.requireNonNull(tag, "tag");
    if (invocationCounter < 0 || invocationCounter > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("an invocation counter is 4 bytes: " + invocationCounter);
    }
    if (tag.length() != Gcm.TAG_LENGTH) {
      throw new IllegalArgumentException("a tag is 12 bytes, not " + tag.length());
    }
  }

  /**
   * {@code plaintext} from {@code originator} encrypted under {@code key}, invocation counter 0.
   */
  public static EncryptedData encrypt(DerivedKey key, Eui64 originator, byte[] plaintext) {
    return encrypt(key, originator, 0, plaintext);
  }

  /** {@code plaintext} from {@code originator} encrypted under {@code key}. */
  public static EncryptedData encrypt(
      DerivedKey key, Eui64 originator, long invocationCounter, byte[] plaintext) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(plaintext, "plaintext");
    if (invocationCounter < 0 || invocationCounter > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("an invocation counter is 4 bytes: " + invocationCounter);
    }
    byte[] sealed =
        Gcm.seal(key.raw(), Gcm.iv(originator.toBytes(), invocationCounter), AAD, plaintext);
    int n = sealed.length - Gcm.TAG_LENGTH;
    return new EncryptedData(
        invocationCounter,
        Octets.wrap(Arrays.copyOf(sealed, n)),
        Octets.wrap(Arrays.copyOfRange(sealed, n, sealed.length)));
  }

  /**
   * The plaintext.
   *
   * @throws GbcsAuthenticationException when the tag does not verify (wrong key or originator,
   *     altered bytes)
   */
  public byte[] decrypt(DerivedKey key, Eui64 originator) {
    Objects.requireNonNull(key, "key");
    byte[] sealed = new byte[ciphertext.length() + tag.length()];
    System.arraycopy(ciphertext.unsafeBytes(), 0, sealed, 0, ciphertext.length());
    System.arraycopy(tag.unsafeBytes(), 0, sealed, ciphertext.length(), tag.length());
    return Gcm.open(key.raw(), Gcm.iv(originator.toBytes(), invocationCounter), AAD, sealed)
        .orElseThrow(
            () ->
                new GbcsAuthenticationException(
                    "the encrypted data's tag does not verify under this key"));
  }

  /** {@code 31}, the invocation counter, the ciphertext and the tag. */
  public byte[] encode() {
    return new GbcsWriter(HEADER_LENGTH + ciphertext.length() + tag.length())
        .u8(SECURITY_CONTROL)
        .u32(invocationCounter)
        .bytes(ciphertext.unsafeBytes())
        .bytes(tag.unsafeBytes())
        .toByteArray();
  }

  /**
   * Reads what {@link #encode()} writes.
   *
   * @throws GbcsFormatException when the bytes do not begin {@code 31} or are too short
   */
  public static EncryptedData decode(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    in.expect(SECURITY_CONTROL, "security control byte");
    long counter = in.u32("invocation counter");
    if (in.remaining() < Gcm.TAG_LENGTH) {
      throw in.error("no room for the 12-byte tag");
    }
    Octets ct = Octets.wrap(in.bytes(in.remaining() - Gcm.TAG_LENGTH, "ciphertext"));
    Octets tag = Octets.wrap(in.bytes(Gcm.TAG_LENGTH, "tag"));
    return new EncryptedData(counter, ct, tag);
  }
}
