package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One use-case-specific component of a {@link GbzPayload}: a ZCL command or response for one
 * cluster, in plain or with its payload encrypted as {@link EncryptedData}.
 *
 * <p>Encoded as the extended header control byte ({@code 01} when the last component, {@code 02}
 * when encrypted, {@code 10} when a from-date-time follows; or-ed), the cluster ID (2 bytes), the
 * length of the rest of the component (2 bytes), the from-date-time (4 bytes, seconds since
 * 2000-01-01T00:00Z) if present, the additional header control and frame counter (1 byte each) if
 * encrypted, the {@link ZclHeader} (3 bytes), and then the ZCL payload in plain, or the length of
 * the ciphered information (2 bytes) and that information ({@link EncryptedData#encode()}). A
 * component is never both encrypted and dated.
 *
 * @param clusterId the ZCL cluster
 * @param fromDateTime the from-date-time, if any
 * @param encryption the additional header, present exactly when encrypted
 * @param zclHeader the ZCL header
 * @param payload the ZCL payload, or, when encrypted, the ciphered information
 */
public record GbzComponent(
    int clusterId,
    OptionalLong fromDateTime,
    Optional<AdditionalHeader> encryption,
    ZclHeader zclHeader,
    Octets payload) {

  private static final int LAST = 0x01;
  private static final int ENCRYPTED = 0x02;
  private static final int FROM_DATE_TIME = 0x10;
  private static final int MAX_LENGTH = 0xFFFF;

  /**
   * The additional header of an encrypted component.
   *
   * @param control the additional header control byte
   * @param frameCounter the additional frame counter byte
   */
  public record AdditionalHeader(int control, int frameCounter) {
    /** An additional header. */
    public AdditionalHeader {
      ZclHeader.byteValue("control", control);
      ZclHeader.byteValue("frameCounter", frameCounter);
    }
  }

  /**
   * A component.
   *
   * @throws IllegalArgumentException when both encrypted and dated, or a field does not fit
   */
  public GbzComponent {
    Objects.requireNonNull(fromDateTime, "fromDateTime");
    Objects.requireNonNull(encryption, "encryption");
    Objects.requireNonNull(zclHeader, "zclHeader");
    Objects.requireNonNull(payload, "payload");
    if (clusterId < 0 || clusterId > 0xFFFF) {
      throw new IllegalArgumentException("a cluster ID is two bytes: " + clusterId);
    }
    if (fromDateTime.isPresent()
        && (fromDateTime.getAsLong() < 0 || fromDateTime.getAsLong() > 0xFFFF_FFFFL)) {
      throw new IllegalArgumentException("a from-date-time is 4 bytes: " + fromDateTime);
    }
    if (fromDateTime.isPresent() && encryption.isPresent()) {
      throw new IllegalArgumentException("a GBZ component is not both encrypted and dated");
    }
    if (restLength(fromDateTime, encryption, payload) > MAX_LENGTH) {
      throw new IllegalArgumentException("a GBZ component of " + payload.length() + " bytes");
    }
  }

  /** A plain component without a from-date-time. */
  public static GbzComponent plain(int clusterId, ZclHeader zclHeader, Octets payload) {
    return new GbzComponent(clusterId, OptionalLong.empty(), Optional.empty(), zclHeader, payload);
  }

  /** An encrypted component carrying {@code data}. */
  public static GbzComponent encrypted(
      int clusterId, AdditionalHeader header, ZclHeader zclHeader, EncryptedData data) {
    return new GbzComponent(
        clusterId,
        OptionalLong.empty(),
        Optional.of(header),
        zclHeader,
        Octets.wrap(data.encode()));
  }

  /** True when the payload is encrypted. */
  public boolean isEncrypted() {
    return encryption.isPresent();
  }

  /**
   * The encrypted payload.
   *
   * @throws IllegalStateException when the component is plain
   * @throws GbcsFormatException when the ciphered information is not {@link EncryptedData}
   */
  public EncryptedData encryptedData() {
    if (!isEncrypted()) {
      throw new IllegalStateException("a plain GBZ component has no encrypted data");
    }
    return EncryptedData.decode(payload.unsafeBytes());
  }

  private static int restLength(
      OptionalLong fromDateTime, Optional<AdditionalHeader> encryption, Octets payload) {
    return (fromDateTime.isPresent() ? 4 : 0)
        + (encryption.isPresent() ? 2 + 2 : 0)
        + 3
        + payload.length();
  }

  void write(GbcsWriter out, boolean last) {
    int control =
        (last ? LAST : 0)
            | (encryption.isPresent() ? ENCRYPTED : 0)
            | (fromDateTime.isPresent() ? FROM_DATE_TIME : 0);
    out.u8(control).u16(clusterId).u16(restLength(fromDateTime, encryption, payload));
    if (fromDateTime.isPresent()) {
      out.u32(fromDateTime.getAsLong());
    }
    if (encryption.isPresent()) {
      out.u8(encryption.get().control()).u8(encryption.get().frameCounter());
    }
    out.u8(zclHeader.frameControl()).u8(zclHeader.transactionSequence()).u8(zclHeader.commandId());
    if (encryption.isPresent()) {
      out.u16(payload.length());
    }
    out.bytes(payload.unsafeBytes());
  }

  /** Reads a component; {@code last} says whether it must carry the last-component flag. */
  static GbzComponent read(GbcsReader in, boolean last) {
    int at = in.offset();
    int control = in.u8("GBZ extended header control");
    if ((control & ~(LAST | ENCRYPTED | FROM_DATE_TIME)) != 0) {
      throw new GbcsFormatException(
          String.format("GBZ extended header control %02X has unknown bits", control), at);
    }
    if (((control & LAST) != 0) != last) {
      throw new GbcsFormatException(
          last
              ? "the last GBZ component lacks the last-component flag"
              : "a GBZ component before the last carries the last-component flag",
          at);
    }
    boolean encrypted = (control & ENCRYPTED) != 0;
    boolean dated = (control & FROM_DATE_TIME) != 0;
    if (encrypted && dated) {
      throw new GbcsFormatException("a GBZ component both encrypted and dated", at);
    }
    int clusterId = in.u16("GBZ cluster ID");
    int length = in.u16("GBZ component length");
    GbcsReader body = in.window(length, "GBZ component");
    OptionalLong from =
        dated ? OptionalLong.of(body.u32("GBZ from-date-time")) : OptionalLong.empty();
    Optional<AdditionalHeader> additional =
        encrypted
            ? Optional.of(
                new AdditionalHeader(
                    body.u8("GBZ additional header control"),
                    body.u8("GBZ additional frame counter")))
            : Optional.empty();
    ZclHeader zcl =
        new ZclHeader(
            body.u8("ZCL frame control"),
            body.u8("ZCL transaction sequence number"),
            body.u8("ZCL command ID"));
    Octets payload;
    if (encrypted) {
      int n = body.u16("GBZ ciphered information length");
      payload = Octets.wrap(body.bytes(n, "GBZ ciphered information"));
      body.requireEnd("the GBZ ciphered information");
    } else {
      payload = Octets.wrap(body.bytes(body.remaining(), "ZCL payload"));
    }
    return new GbzComponent(clusterId, from, additional, zcl, payload);
  }
}
