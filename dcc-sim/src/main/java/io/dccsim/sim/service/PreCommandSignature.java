package io.dccsim.sim.service;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;

/**
 * How a User signs a pre-command (GBCS): the pre-command ends with a null signature ({@code 00});
 * that byte is removed, the bytes after the leading {@code DF} (from the {@code 09} on) are signed
 * with ECDSA P-256 / SHA-256, and {@code 40} with the 64-byte signature {@code r||s} (IEEE P1363)
 * is appended.
 */
public final class PreCommandSignature {
  /** The length byte of a present signature: 64. */
  public static final int SIGNATURE_TAG = 0x40;

  /** The length of the signature {@code r||s}. */
  public static final int SIGNATURE_LENGTH = 64;

  private static final String ALGORITHM = "SHA256withECDSAinP1363Format";

  private PreCommandSignature() {}

  /**
   * The pre-command signed with {@code key}.
   *
   * @throws IllegalArgumentException when {@code preCommand} is not a General-Signing APDU ending
   *     with a null signature
   */
  public static byte[] sign(byte[] preCommand, PrivateKey key) {
    if (!isUnsigned(preCommand)) {
      throw new IllegalArgumentException(
          "Not a General-Signing pre-command with a null signature (DF 09 ... 00)");
    }
    int body = preCommand.length - 1;
    try {
      Signature s = Signature.getInstance(ALGORITHM);
      s.initSign(key);
      s.update(preCommand, 1, body - 1);
      byte[] rs = s.sign();
      byte[] out = Arrays.copyOf(preCommand, body + 1 + SIGNATURE_LENGTH);
      out[body] = (byte) SIGNATURE_TAG;
      System.arraycopy(rs, 0, out, body + 1, SIGNATURE_LENGTH);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign with " + ALGORITHM, e);
    }
  }

  /**
   * Whether {@code signed} is {@code preCommand} with a signature in place of its null signature
   * (whatever the signature's bytes).
   */
  public static boolean sameCommand(byte[] signed, byte[] preCommand) {
    int body = preCommand.length - 1;
    return isUnsigned(preCommand)
        && signed.length == body + 1 + SIGNATURE_LENGTH
        && (signed[body] & 0xFF) == SIGNATURE_TAG
        && Arrays.equals(signed, 0, body, preCommand, 0, body);
  }

  /**
   * Whether the signature of {@code signed} (a {@link #sameCommand} of its pre-command) verifies
   * with one of {@code keys}.
   */
  public static boolean verifies(byte[] signed, List<PublicKey> keys) {
    int body = signed.length - 1 - SIGNATURE_LENGTH;
    if (body < 2) {
      return false;
    }
    byte[] rs = Arrays.copyOfRange(signed, body + 1, signed.length);
    for (PublicKey key : keys) {
      try {
        Signature s = Signature.getInstance(ALGORITHM);
        s.initVerify(key);
        s.update(signed, 1, body - 1);
        if (s.verify(rs)) {
          return true;
        }
      } catch (GeneralSecurityException e) {
        // not an EC key, or a signature out of range: not this key
      }
    }
    return false;
  }

  private static boolean isUnsigned(byte[] preCommand) {
    return preCommand.length >= 3
        && (preCommand[0] & 0xFF) == 0xDF
        && preCommand[1] == 0x09
        && preCommand[preCommand.length - 1] == 0x00;
  }
}
