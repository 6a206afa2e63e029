package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import io.dccsim.core.gbcs.internal.Gcm;
import io.dccsim.core.value.Eui64;
import java.util.Objects;

/**
 * The General-Ciphering frame of a MACed message: {@code DD 00 00 00 00 00 00}, the BER length of
 * what follows, the security header {@code 11 00 00 00 00}, the {@link GeneralSigning} APDU and a
 * 12-byte MAC.
 *
 * <p>The MAC is AES-128-GCM over an empty plaintext with the authenticated data {@code 11 00 00 00
 * 00 00} followed by the General-Signing bytes, the IV the originator's system title followed by
 * {@code 00 00 00 00}, and the key {@link KeyDerivation#macKey derived} for the APDU.
 *
 * @param generalSigning the APDU
 * @param mac the 12-byte MAC
 */
public record GeneralCiphering(GeneralSigning generalSigning, Octets mac) implements GbcsMessage {
  /** The tag, {@code DD}. */
  public static final int TAG = 0xDD;

  /** The length of the MAC. */
  public static final int MAC_LENGTH = Gcm.TAG_LENGTH;

  private static final byte[] SECURITY_HEADER = {0x11, 0, 0, 0, 0};
  private static final byte[] AAD_PREFIX = {0x11, 0, 0, 0, 0, 0};
  private static final int ZEROS_AFTER_TAG = 6;

  /**
   * A frame.
   *
   * @throws IllegalArgumentException unless the MAC is 12 bytes
   */
  public GeneralCiphering {
    Objects.requireNonNull(generalSigning, "generalSigning");
    Objects.requireNonNull(mac, "mac");
    if (mac.length() != MAC_LENGTH) {
      throw new IllegalArgumentException("a MAC is 12 bytes, not " + mac.length());
    }
  }

  /** {@code apdu} in a frame MACed with {@code key} (its {@link KeyDerivation#macKey MAC key}). */
  public static GeneralCiphering mac(GeneralSigning apdu, DerivedKey key) {
    Objects.requireNonNull(apdu, "apdu");
    Objects.requireNonNull(key, "key");
    return new GeneralCiphering(
        apdu, Octets.wrap(computeMac(key, apdu.originator(), apdu.encode())));
  }

  /**
   * The MAC of the General-Signing bytes {@code generalSigning} from {@code originator} under
   * {@code key}.
   */
  public static byte[] computeMac(DerivedKey key, Eui64 originator, byte[] generalSigning) {
    return Gcm.tag(key.raw(), Gcm.iv(originator.toBytes(), 0), aad(generalSigning));
  }

  /** True when the MAC is that of the APDU under {@code key}. */
  public boolean macVerifies(DerivedKey key) {
    Objects.requireNonNull(key, "key");
    return Gcm.tagVerifies(
        key.raw(),
        Gcm.iv(generalSigning.originator().toBytes(), 0),
        aad(generalSigning.encode()),
        mac.unsafeBytes());
  }

  private static byte[] aad(byte[] generalSigning) {
    byte[] aad = new byte[AAD_PREFIX.length + generalSigning.length];
    System.arraycopy(AAD_PREFIX, 0, aad, 0, AAD_PREFIX.length);
    System.arraycopy(generalSigning, 0, aad, AAD_PREFIX.length, generalSigning.length);
    return aad;
  }

  @Override
  public byte[] encode() {
    byte[] apdu = generalSigning.encode();
    int length = SECURITY_HEADER.length + apdu.length + MAC_LENGTH;
    GbcsWriter out = new GbcsWriter(length + 10);
    out.u8(TAG);
    for (int i = 0; i < ZEROS_AFTER_TAG; i++) {
      out.u8(0);
    }
    out.berLength(length).bytes(SECURITY_HEADER).bytes(apdu).bytes(mac.unsafeBytes());
    return out.toByteArray();
  }

  /**
   * Reads exactly one frame (without checking the MAC: see {@link #macVerifies}).
   *
   * @throws GbcsFormatException when {@code bytes} are not one frame with nothing after it; a GBT
   *     block transfer ({@code DD} and a non-zero byte) is refused
   */
  public static GeneralCiphering decode(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    in.expect(TAG, "General-Ciphering tag");
    if (in.remaining() > 0 && in.peek("General-Ciphering") != 0) {
      throw in.error(
          "a GBT block transfer (DD and a non-zero byte), which this codec does not read");
    }
    for (int i = 0; i < ZEROS_AFTER_TAG; i++) {
      in.expect(0, "General-Ciphering header");
    }
    int length = in.berLength("General-Ciphering");
    GbcsReader body = in.window(length, "General-Ciphering");
    in.requireEnd("the General-Ciphering frame");
    for (byte b : SECURITY_HEADER) {
      body.expect(b & 0xFF, "security header");
    }
    if (body.remaining() < MAC_LENGTH) {
      throw body.error("no room for the 12-byte MAC");
    }
    GbcsReader apduBytes = body.window(body.remaining() - MAC_LENGTH, "General-Signing APDU");
    GeneralSigning apdu = GeneralSigning.read(apduBytes);
    apduBytes.requireEnd("the General-Signing APDU");
    Octets mac = Octets.wrap(body.bytes(MAC_LENGTH, "MAC"));
    return new GeneralCiphering(apdu, mac);
  }
}
