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
 *
 * <p>DCC Boxed hands out its pre-commands without the signature field, ending after the content,
 * and the DCC's public signing tools sign such a pre-command whole: everything after the {@code
 * DF}, then {@code 40} and the signature. A simulator set to {@link Form#NO_SIGNATURE_FIELD} gives
 * its pre-commands that form, so those tools work against it unchanged. Either way the signature
 * covers the same bytes of the command (from the {@code 09} to the end of the content).
 */
public final class PreCommandSignature {
  /** The form of the pre-commands handed out. */
  public enum Form {
    /** Ending with the null signature {@code 00}, as GBCS says (setting {@code gbcs}). */
    NULL_SIGNATURE("gbcs"),
    /** Ending after the content, as DCC Boxed gives them (setting {@code dcc-boxed}). */
    NO_SIGNATURE_FIELD("dcc-boxed");

    private final String settingValue;

    Form(String settingValue) {
      this.settingValue = settingValue;
    }

    /** The value of the {@code pre-command-form} setting. */
    public String settingValue() {
      return settingValue;
    }

    /**
     * The form named by {@code value} ({@code gbcs} or {@code dcc-boxed}).
     *
     * @throws IllegalArgumentException naming the values allowed
     */
    public static Form parse(String value) {
      for (Form f : values()) {
        if (f.settingValue.equalsIgnoreCase(value.strip())) {
          return f;
        }
      }
      throw new IllegalArgumentException("not gbcs or dcc-boxed: " + value);
    }

    /**
     * The pre-command in this form, from one ending with a null signature ({@code 00}). A payload
     * that is not such a pre-command (a custom responder's) is handed out as it is, in either form.
     */
    public byte[] of(byte[] withNullSignature) {
      return this == NO_SIGNATURE_FIELD && isUnsigned(withNullSignature)
          ? Arrays.copyOf(withNullSignature, withNullSignature.length - 1)
          : withNullSignature.clone();
    }

    /** The length of the command in {@code preCommand} (this form), without any signature field. */
    int commandLength(byte[] preCommand) {
      return this == NULL_SIGNATURE ? preCommand.length - 1 : preCommand.length;
    }
  }

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
    return sign(preCommand, key, Form.NULL_SIGNATURE);
  }

  /**
   * The pre-command, in {@code form}, signed with {@code key}.
   *
   * @throws IllegalArgumentException when {@code preCommand} is not a General-Signing APDU (ending
   *     with a null signature, in that form)
   */
  public static byte[] sign(byte[] preCommand, PrivateKey key, Form form) {
    if (form == Form.NULL_SIGNATURE ? !isUnsigned(preCommand) : !isGeneralSigning(preCommand)) {
      throw new IllegalArgumentException(
          "Not a General-Signing pre-command"
              + (form == Form.NULL_SIGNATURE ? " with a null signature (DF 09 ... 00)" : ""));
    }
    int body = form.commandLength(preCommand);
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
    return sameCommand(signed, preCommand, Form.NULL_SIGNATURE);
  }

  /**
   * Whether {@code signed} is {@code preCommand} (in {@code form}) with a signature field added in
   * place of any null signature (whatever the signature's bytes).
   */
  public static boolean sameCommand(byte[] signed, byte[] preCommand, Form form) {
    int body = form.commandLength(preCommand);
    return (form == Form.NO_SIGNATURE_FIELD || isUnsigned(preCommand))
        && body >= 2
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

  /**
   * Whether {@code signed} is {@code preCommand} (with its null signature) with {@code 40} and a
   * signature appended after that null signature: a whole-payload signer's mistake with a
   * pre-command in the GBCS form, worth naming when it is refused.
   */
  public static boolean signedOverNullSignature(byte[] signed, byte[] preCommand) {
    return isUnsigned(preCommand)
        && signed.length == preCommand.length + 1 + SIGNATURE_LENGTH
        && (signed[preCommand.length] & 0xFF) == SIGNATURE_TAG
        && Arrays.equals(signed, 0, preCommand.length, preCommand, 0, preCommand.length);
  }

  private static boolean isUnsigned(byte[] preCommand) {
    return isGeneralSigning(preCommand) && preCommand[preCommand.length - 1] == 0x00;
  }

  private static boolean isGeneralSigning(byte[] preCommand) {
    return preCommand.length >= 3 && (preCommand[0] & 0xFF) == 0xDF && preCommand[1] == 0x09;
  }
}
