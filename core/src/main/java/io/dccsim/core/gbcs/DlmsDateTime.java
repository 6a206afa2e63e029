package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A DLMS date-time, the 12 bytes a grouping header and a DLMS APDU carry: year (2 bytes), month,
 * day of month, day of week (1 = Monday), hour, minute, second, hundredths, deviation from UTC in
 * minutes (2 bytes, signed; {@code 8000} when not specified) and clock status. {@code FF} (and
 * {@code FFFF} for the year) means not specified. The fields are kept as they were read.
 *
 * @param year 0..65535, {@code 0xFFFF} not specified
 * @param month 1..12, or another byte
 * @param dayOfMonth 1..31, or another byte
 * @param dayOfWeek 1..7, or {@code 0xFF}
 * @param hour 0..23, or {@code 0xFF}
 * @param minute 0..59, or {@code 0xFF}
 * @param second 0..59, or {@code 0xFF}
 * @param hundredths 0..99, or {@code 0xFF}
 * @param deviation the 16 bits of the deviation, {@code 0x8000} not specified
 * @param clockStatus the clock status byte
 */
public record DlmsDateTime(
    int year,
    int month,
    int dayOfMonth,
    int dayOfWeek,
    int hour,
    int minute,
    int second,
    int hundredths,
    int deviation,
    int clockStatus) {

  /** The number of bytes. */
  public static final int LENGTH = 12;

  /** The deviation value meaning not specified. */
  public static final int DEVIATION_NOT_SPECIFIED = 0x8000;

  /**
   * A date-time from its fields.
   *
   * @throws IllegalArgumentException when a field does not fit its bytes
   */
  public DlmsDateTime {
    check("year", year, 0xFFFF);
    check("month", month, 0xFF);
    check("dayOfMonth", dayOfMonth, 0xFF);
    check("dayOfWeek", dayOfWeek, 0xFF);
    check("hour", hour, 0xFF);
    check("minute", minute, 0xFF);
    check("second", second, 0xFF);
    check("hundredths", hundredths, 0xFF);
    check("deviation", deviation, 0xFFFF);
    check("clockStatus", clockStatus, 0xFF);
  }

  private static void check(String name, int v, int max) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(name + " must be 0.." + max + ", not " + v);
    }
  }

  /** {@code instant} in UTC to the hundredth, deviation 0 and clock status {@code 00}. */
  public static DlmsDateTime of(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 0xFFFE) {
      throw new IllegalArgumentException("a DLMS date-time's year is 0..65534: " + instant);
    }
    return new DlmsDateTime(
        t.getYear(),
        t.getMonthValue(),
        t.getDayOfMonth(),
        t.getDayOfWeek().getValue(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        t.getNano() / 10_000_000,
        0,
        0x00);
  }

  /**
   * The instant, when the date-time is in UTC (deviation 0 or not specified, as GBCS devices keep
   * it) and every field from year to second is specified and valid (hundredths taken as 0 when not
   * specified); empty otherwise.
   */
  public Optional<Instant> toInstant() {
    if (deviation != 0 && deviation != DEVIATION_NOT_SPECIFIED) {
      return Optional.empty();
    }
    if (year == 0xFFFF || hour == 0xFF || minute == 0xFF || second == 0xFF) {
      return Optional.empty();
    }
    try {
      LocalDateTime t =
          LocalDateTime.of(
              year,
              month,
              dayOfMonth,
              hour,
              minute,
              second,
              hundredths == 0xFF ? 0 : hundredths * 10_000_000);
      return Optional.of(t.toInstant(ZoneOffset.UTC));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The 12 bytes. */
  public byte[] toBytes() {
    GbcsWriter w = new GbcsWriter(LENGTH);
    write(w);
    return w.toByteArray();
  }

  /**
   * The date-time in {@code bytes}, which must be 12 long.
   *
   * @throws GbcsFormatException for any other length
   */
  public static DlmsDateTime fromBytes(byte[] bytes) {
    GbcsReader in = GbcsReader.of(bytes);
    DlmsDateTime t = read(in);
    in.requireEnd("a date-time");
    return t;
  }

  void write(GbcsWriter out) {
    out.u16(year).u8(month).u8(dayOfMonth).u8(dayOfWeek).u8(hour).u8(minute).u8(second);
    out.u8(hundredths).u16(deviation).u8(clockStatus);
  }

  static DlmsDateTime read(GbcsReader in) {
    return new DlmsDateTime(
        in.u16("date-time year"),
        in.u8("date-time month"),
        in.u8("date-time day"),
        in.u8("date-time day of week"),
        in.u8("date-time hour"),
        in.u8("date-time minute"),
        in.u8("date-time second"),
        in.u8("date-time hundredths"),
        in.u16("date-time deviation"),
        in.u8("date-time clock status"));
  }

  /** An optional date-time as an octet string: {@code 00}, or {@code 0C} and the 12 bytes. */
  static void writeOptional(GbcsWriter out, Optional<DlmsDateTime> t) {
    if (t.isPresent()) {
      out.u8(LENGTH);
      t.get().write(out);
    } else {
      out.u8(0);
    }
  }

  /** Reads what {@link #writeOptional} writes. */
  static Optional<DlmsDateTime> readOptional(GbcsReader in, String what) {
    int at = in.offset();
    int length = in.u8(what + " length");
    if (length == 0) {
      return Optional.empty();
    }
    if (length != LENGTH) {
      throw new GbcsFormatException(what + " of " + length + " bytes (00 or 0C expected)", at);
    }
    return Optional.of(read(in));
  }
}
