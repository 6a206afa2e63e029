package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ZigBee GBZ form of a gas device's content: the profile ID {@code 01 09}, the number of
 * components (1 byte), for an alert the alert code (2 bytes) and its time (4 bytes, seconds since
 * 2000-01-01T00:00Z), and then the {@link GbzComponent components}, the last flagged as such.
 *
 * @param alert the alert header, present exactly in an alert's payload
 * @param components 0 to 255 components
 */
public record GbzPayload(Optional<Alert> alert, List<GbzComponent> components) {
  /** The ZigBee Smart Energy profile ID that begins the payload. */
  public static final int PROFILE_ID = 0x0109;

  /** The most components a payload holds. */
  public static final int MAX_COMPONENTS = 0xFF;

  /**
   * The alert header of a GBZ alert.
   *
   * @param alertCode two bytes
   * @param time 4 bytes, seconds since 2000-01-01T00:00Z
   */
  public record Alert(int alertCode, long time) {
    /** An alert header. */
    public Alert {
      if (alertCode < 0 || alertCode > 0xFFFF) {
        throw new IllegalArgumentException("an alert code is two bytes: " + alertCode);
      }
      if (time < 0 || time > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("a ZigBee time is 4 bytes: " + time);
      }
    }
  }

  /**
   * A payload; the list is copied.
   *
   * @throws IllegalArgumentException for more than 255 components
   */
  public GbzPayload {
    Objects.requireNonNull(alert, "alert");
    components = List.copyOf(components);
    if (components.size() > MAX_COMPONENTS) {
      throw new IllegalArgumentException("at most 255 GBZ components, not " + components.size());
    }
  }

  /** A response's or command's payload of {@code components}. */
  public static GbzPayload of(GbzComponent... components) {
    return new GbzPayload(Optional.empty(), List.of(components));
  }

  /** The bytes. */
  public byte[] encode() {
    GbcsWriter out = new GbcsWriter(64);
    out.u16(PROFILE_ID).u8(components.size());
    if (alert.isPresent()) {
      out.u16(alert.get().alertCode()).u32(alert.get().time());
    }
    for (int i = 0; i < components.size(); i++) {
      components.get(i).write(out, i == components.size() - 1);
    }
    return out.toByteArray();
  }

  /**
   * Reads exactly one payload; an alert's ({@code alert} true) has the alert header.
   *
   * @throws GbcsFormatException when the bytes are not one payload with nothing after it
   */
  public static GbzPayload decode(byte[] bytes, boolean alert) {
    GbcsReader in = GbcsReader.of(bytes);
    int at = in.offset();
    int profile = in.u16("GBZ profile ID");
    if (profile != PROFILE_ID) {
      throw new GbcsFormatException(
          String.format("GBZ profile ID %04X (0109 expected)", profile), at);
    }
    int count = in.u8("GBZ component count");
    Optional<Alert> header =
        alert
            ? Optional.of(new Alert(in.u16("GBZ alert code"), in.u32("GBZ alert time")))
            : Optional.empty();
    List<GbzComponent> components = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      components.add(GbzComponent.read(in, i == count - 1));
    }
    in.requireEnd("the GBZ payload");
    return new GbzPayload(header, components);
  }

  /** Reads the content of {@code apdu} as GBZ, with an alert header when it is an alert. */
  public static GbzPayload decode(GeneralSigning apdu) {
    return decode(apdu.content().unsafeBytes(), apdu.cra() == CraFlag.ALERT);
  }
}
