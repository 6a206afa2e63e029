package io.dccsim.sim.device.internal;

import io.dccsim.sim.device.MeterState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The ZigBee (ZCL) payloads a simulated gas meter writes; ZCL integers are little-endian. */
public final class Zcl {
  /** ZCL Read Attributes Response, general command {@code 01}. */
  public static final int READ_ATTRIBUTES_RESPONSE = 0x01;

  /** Metering cluster GetProfileResponse, server command {@code 01}. */
  public static final int GET_PROFILE_RESPONSE = 0x01;

  /** Metering cluster PublishSnapshot, server command {@code 06}. */
  public static final int PUBLISH_SNAPSHOT = 0x06;

  /** Metering cluster attribute CurrentSummationDelivered. */
  public static final int CURRENT_SUMMATION_DELIVERED = 0x0000;

  /** Basic cluster attribute SWBuildID. */
  public static final int SW_BUILD_ID = 0x4000;

  private static final int UINT48 = 0x25;
  private static final int CHARACTER_STRING = 0x42;
  private static final int SUCCESS = 0x00;
  private static final int HALF_HOUR_PERIOD = 0x01;
  private static final Instant ZIGBEE_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  private Zcl() {}

  /** ZigBee UTC time: seconds since 2000-01-01T00:00Z, within 4 bytes. */
  public static long utcTime(Instant at) {
    long s = Duration.between(ZIGBEE_EPOCH, at).getSeconds();
    return Math.max(0, Math.min(0xFFFF_FFFFL, s));
  }

  /** A read attributes record: attribute ID, status success, uint48, the value. */
  public static byte[] uint48Attribute(int attribute, long value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    le(out, attribute, 2);
    out.write(SUCCESS);
    out.write(UINT48);
    le(out, value, 6);
    return out.toByteArray();
  }

  /** A read attributes record: attribute ID, status success, character string, the text. */
  public static byte[] stringAttribute(int attribute, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0xFE) {
      throw new IllegalArgumentException("a ZCL character string is at most 254 bytes");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    le(out, attribute, 2);
    out.write(SUCCESS);
    out.write(CHARACTER_STRING);
    out.write(bytes.length);
    out.writeBytes(bytes);
    return out.toByteArray();
  }

  /** The daily reads: their count (1 byte), then each one's UTC time (4) and value (uint48). */
  public static byte[] dailyReads(List<MeterState.Reading> reads) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(reads.size());
    for (MeterState.Reading r : reads) {
      le(out, utcTime(r.at()), 4);
      le(out, r.value(), 6);
    }
    return out.toByteArray();
  }

  /**
   * A GetProfileResponse: the end time of the newest half-hour (UTC, 4), status success, interval
   * period half-hourly, the number of periods (1), then each (uint24), newest first.
   */
  public static byte[] profile(List<MeterState.Interval> oldestFirst) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MeterState.Interval newest = oldestFirst.get(oldestFirst.size() - 1);
    le(out, utcTime(newest.start().plus(MeterState.HALF_HOUR)), 4);
    out.write(SUCCESS);
    out.write(HALF_HOUR_PERIOD);
    out.write(oldestFirst.size());
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      le(out, Math.min(0xFF_FFFFL, oldestFirst.get(i).amount()), 3);
    }
    return out.toByteArray();
  }

  private static void le(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }
}
