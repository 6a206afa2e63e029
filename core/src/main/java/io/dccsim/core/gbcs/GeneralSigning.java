package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import io.dccsim.core.signature.EcP256;
import io.dccsim.core.value.Eui64;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A General-Signing APDU: the grouping header, the content and the signature. Encoded as {@code DF
 * 09}, the CRA flag, the originator counter (8 bytes), the originator and recipient system titles
 * ({@code 08} and the EUI-64 each), the date-time ({@code 00}, or {@code 0C} and 12 bytes), the
 * {@link OtherInformation other information}, the content (a BER length and the bytes) and the
 * signature ({@code 00} for none, or {@code 40} and the 64-byte ECDSA P-256 {@code r || s}).
 *
 * <p>The signature covers {@link #signedData()}: the encoding without its leading {@code DF} and
 * without the signature field.
 *
 * @param cra command, response or alert
 * @param originatorCounter the originator's counter (a response echoes the command's)
 * @param originator the originator's system title
 * @param recipient the recipient's system title
 * @param dateTime the date-time, if any
 * @param otherInformation the message code and what may follow it
 * @param content the DLMS APDU, GBZ payload or other content
 * @param signature the 64-byte signature, if signed
 */
public record GeneralSigning(
    CraFlag cra,
    long originatorCounter,
    Eui64 originator,
    Eui64 recipient,
    Optional<DlmsDateTime> dateTime,
    OtherInformation otherInformation,
    Octets content,
    Optional<Octets> signature)
    implements GbcsMessage {

  /** The tag, {@code DF}. */
  public static final int TAG = 0xDF;

  /** The byte after the tag, {@code 09}. */
  public static final int TAG_2 = 0x09;

  /** The largest content this codec writes or reads. */
  public static final int MAX_CONTENT_LENGTH = 0xFF00;

  private static final int TITLE_LENGTH = 8;

  /**
   * A General-Signing APDU.
   *
   * @throws IllegalArgumentException when the content is too long or the signature is not 64 bytes
   */
  public GeneralSigning {
    Objects.requireNonNull(cra, "cra");
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(otherInformation, "otherInformation");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(signature, "signature");
    if (content.length() > MAX_CONTENT_LENGTH) {
      throw new IllegalArgumentException(
          "content of " + content.length() + " bytes; at most " + MAX_CONTENT_LENGTH);
    }
    if (signature.isPresent() && signature.get().length() != EcP256.SIGNATURE_LENGTH) {
      throw new IllegalArgumentException(
          "a signature is 64 bytes, not " + signature.get().length());
    }
  }

  /** A builder, with no date-time, no signature and empty content until set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The message code of the other information. */
  public MessageCode messageCode() {
    return otherInformation.messageCode();
  }

  /** This APDU itself. */
  @Override
  public GeneralSigning generalSigning() {
    return this;
  }

  /** The bytes. */
  @Override
  public byte[] encode() {
    GbcsWriter out = new GbcsWriter(48 + content.length() + 65);
    writeUnsigned(out);
    if (signature.isPresent()) {
      out.u8(EcP256.SIGNATURE_LENGTH).bytes(signature.get().unsafeBytes());
    } else {
      out.u8(0);
    }
    return out.toByteArray();
  }

  private void writeUnsigned(GbcsWriter out) {
    out.u8(TAG).u8(TAG_2).u8(cra.code()).u64(originatorCounter);
    out.u8(TITLE_LENGTH).bytes(originator.toBytes());
    out.u8(TITLE_LENGTH).bytes(recipient.toBytes());
    DlmsDateTime.writeOptional(out, dateTime);
    otherInformation.write(out);
    out.lengthPrefixed(content.unsafeBytes());
  }

  /**
   * What the signature covers: from the {@code 09} after the tag to the end of the content (the
   * encoding without {@code DF} and without the signature field).
   */
  public byte[] signedData() {
    GbcsWriter out = new GbcsWriter(48 + content.length());
    writeUnsigned(out);
    byte[] all = out.toByteArray();
    return Arrays.copyOfRange(all, 1, all.length);
  }

  /** This APDU with {@code content} instead (copied) and no signature. */
  public GeneralSigning withContent(byte[] content) {
    return new GeneralSigning(
        cra,
        originatorCounter,
        originator,
        recipient,
        dateTime,
        otherInformation,
        Octets.of(content),
        Optional.empty());
  }

  /** This APDU with no signature (signature field {@code 00}). */
  public GeneralSigning withoutSignature() {
    return withSignature(Optional.empty());
  }

  /** This APDU with {@code signature} (64 bytes) or none. */
  public GeneralSigning withSignature(Optional<Octets> signature) {
    return new GeneralSigning(
        cra,
        originatorCounter,
        originator,
        recipient,
        dateTime,
        otherInformation,
        content,
        signature);
  }

  /**
   * This APDU signed with ECDSA P-256/SHA-256 by {@code key} (a Digital Signing private key) over
   * {@link #signedData()}, any earlier signature replaced.
   */
  public GeneralSigning signedWith(PrivateKey key) {
    return withSignature(Optional.of(Octets.wrap(EcP256.sign(key, signedData()))));
  }

  /**
   * True when this APDU carries a signature that {@code key} (the signer's Digital Signing public
   * key) verifies over {@link #signedData()}; false when unsigned or the signature does not verify.
   */
  public boolean signatureVerifies(PublicKey key) {
    return signature.isPresent() && EcP256.verify(key, signedData(), signature.get().unsafeBytes());
  }

  /**
   * Reads exactly one General-Signing APDU.
   *
   * @throws GbcsFormatException when {@code bytes} are not one, with nothing after it
   */
  public static GeneralSigning decode(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    GeneralSigning g = read(in);
    in.requireEnd("the General-Signing APDU");
    return g;
  }

  static GeneralSigning read(GbcsReader in) {
    in.expect(TAG, "General-Signing tag");
    in.expect(TAG_2, "General-Signing tag");
    int at = in.offset();
    int craCode = in.u8("CRA flag");
    CraFlag cra;
    try {
      cra = CraFlag.of(craCode);
    } catch (IllegalArgumentException e) {
      throw new GbcsFormatException(e.getMessage(), at);
    }
    long counter = in.u64("originator counter");
    Eui64 originator = readTitle(in, "originator system title");
    Eui64 recipient = readTitle(in, "recipient system title");
    Optional<DlmsDateTime> dateTime = DlmsDateTime.readOptional(in, "date-time");
    OtherInformation other = OtherInformation.read(in);
    int contentAt = in.offset();
    int contentLength = in.berLength("content");
    if (contentLength > MAX_CONTENT_LENGTH) {
      throw new GbcsFormatException(
          "content of " + contentLength + " bytes; at most " + MAX_CONTENT_LENGTH, contentAt);
    }
    Octets content = Octets.wrap(in.bytes(contentLength, "content"));
    int sigAt = in.offset();
    int sigLength = in.u8("signature length");
    Optional<Octets> signature;
    if (sigLength == 0) {
      signature = Optional.empty();
    } else if (sigLength == EcP256.SIGNATURE_LENGTH) {
      signature = Optional.of(Octets.wrap(in.bytes(sigLength, "signature")));
    } else {
      throw new GbcsFormatException(
          String.format("signature length %02X (00 or 40 expected)", sigLength), sigAt);
    }
    return new GeneralSigning(
        cra, counter, originator, recipient, dateTime, other, content, signature);
  }

  private static Eui64 readTitle(GbcsReader in, String what) {
    in.expect(TITLE_LENGTH, what + " length");
    return Eui64.fromBytes(in.bytes(TITLE_LENGTH, what));
  }

  /** Builds a {@link GeneralSigning}; every field but the date-time and signature is required. */
  public static final class Builder {
    private CraFlag cra;
    private Long originatorCounter;
    private Eui64 originator;
    private Eui64 recipient;
    private Optional<DlmsDateTime> dateTime = Optional.empty();
    private OtherInformation otherInformation;
    private Octets content = Octets.EMPTY;

    private Builder() {}

    /** The CRA flag. */
    public Builder cra(CraFlag cra) {
      this.cra = cra;
      return this;
    }

    /** The originator counter. */
    public Builder originatorCounter(long counter) {
      this.originatorCounter = counter;
      return this;
    }

    /** The originator's system title. */
    public Builder originator(Eui64 originator) {
      this.originator = originator;
      return this;
    }

    /** The recipient's system title. */
    public Builder recipient(Eui64 recipient) {
      this.recipient = recipient;
      return this;
    }

    /** The date-time. */
    public Builder dateTime(DlmsDateTime dateTime) {
      this.dateTime = Optional.of(dateTime);
      return this;
    }

    /** The other information: the message code and what may follow it. */
    public Builder otherInformation(OtherInformation otherInformation) {
      this.otherInformation = otherInformation;
      return this;
    }

    /** Other information holding {@code code} alone. */
    public Builder messageCode(MessageCode code) {
      return otherInformation(OtherInformation.of(code));
    }

    /** The content. */
    public Builder content(Octets content) {
      this.content = content;
      return this;
    }

    /** The content, copied. */
    public Builder content(byte[] content) {
      return content(Octets.of(content));
    }

    /**
     * The unsigned APDU.
     *
     * @throws IllegalStateException naming a required field left unset
     */
    public GeneralSigning build() {
      if (cra == null
          || originatorCounter == null
          || originator == null
          || recipient == null
          || otherInformation == null) {
        throw new IllegalStateException(
            "a General-Signing APDU needs the CRA flag, originator counter, originator, recipient"
                + " and other information");
      }
      return new GeneralSigning(
          cra,
          originatorCounter,
          originator,
          recipient,
          dateTime,
          otherInformation,
          content,
          Optional.empty());
    }
  }
}
