package io.dccsim.sim.device;

import io.dccsim.core.value.Eui64;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The registers of one simulated meter as they stand at any instant of the simulated clock: what
 * the meter has recorded since {@link #EPOCH}, from a consumption profile of its own.
 *
 * <p>The profile is deterministic per device (derived from its EUI-64 alone, so every run and every
 * simulator agrees on it): an amount for each half-hour of a week, shaped by the time of day
 * (night, morning and evening peaks, weekends later) with per-slot variation, repeating every week.
 * A register at instant {@code t} is its starting value plus everything consumed from {@link
 * #EPOCH} to {@code t}, linear within a half-hour, so it never goes back and moves with the clock
 * however the clock is moved. Before {@link #EPOCH} it holds its starting value.
 *
 * <p>Units: an electricity meter (ESME) counts active import in Wh and reactive import in varh; a
 * gas meter (GSME) counts volume in dm³ (thousandths of a cubic metre). Immutable.
 */
public final class MeterState {
  /** When every simulated meter's registers start. */
  public static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");

  /** A half-hour, the period of profile data. */
  public static final Duration HALF_HOUR = Duration.ofMinutes(30);

  private static final int SLOTS_PER_DAY = 48;
  private static final int SLOTS_PER_WEEK = 7 * SLOTS_PER_DAY;
  private static final long SLOT_SECONDS = HALF_HOUR.toSeconds();
  // 2000-01-01 was a Saturday: slot 0 of the week is Saturday 00:00 UTC
  private static final int EPOCH_DAY_OF_WEEK = 5; // 0 = Monday

  /** The fuel a meter measures. */
  public enum Fuel {
    /** An electricity meter: Wh and varh. */
    ELECTRICITY,
    /** A gas meter: dm³. */
    GAS
  }

  /**
   * An electricity meter's instantaneous import registers.
   *
   * @param activeImportWh the active import register, Wh
   * @param reactiveImportVarh the reactive import register, varh
   */
  public record ElectricityRegisters(long activeImportWh, long reactiveImportVarh) {}

  /**
   * A register's value at an instant: a daily read (at 00:00 UTC).
   *
   * @param at the instant
   * @param value the register then (Wh, or dm³ for gas)
   */
  public record Reading(Instant at, long value) {}

  /**
   * What a meter consumed in one half-hour.
   *
   * @param start the start of the half-hour
   * @param amount consumed in it (Wh, or dm³ for gas)
   */
  public record Interval(Instant start, long amount) {}

  private final Eui64 device;
  private final Fuel fuel;
  private final long start;
  // the amount of each half-hour of the week, and the sums before each slot
  private final long[] slots = new long[SLOTS_PER_WEEK];
  private final long[] before = new long[SLOTS_PER_WEEK + 1];
  private final int reactivePercent;

  private MeterState(Eui64 device, Fuel fuel) {
    this.device = Objects.requireNonNull(device, "device");
    this.fuel = Objects.requireNonNull(fuel, "fuel");
    SplittableRandom random =
        new SplittableRandom(device.value() * 0x9E3779B97F4A7C15L ^ fuel.ordinal());
    // a day's consumption on average: 5 to 15 kWh of electricity, 1 to 5 m3 of gas
    long daily =
        fuel == Fuel.ELECTRICITY ? 5_000 + random.nextLong(10_001) : 1_000 + random.nextLong(4_001);
    this.start = random.nextLong(fuel == Fuel.ELECTRICITY ? 2_000_001 : 500_001);
    this.reactivePercent = 5 + random.nextInt(21);
    for (int slot = 0; slot < SLOTS_PER_WEEK; slot++) {
      int day = (EPOCH_DAY_OF_WEEK + slot / SLOTS_PER_DAY) % 7;
      double weight = shape(fuel, slot % SLOTS_PER_DAY, day >= 5);
      double variation = 0.7 + 0.6 * random.nextDouble();
      slots[slot] = Math.max(1, Math.round(daily / 24.0 * weight * variation / 2));
      before[slot + 1] = before[slot] + slots[slot];
    }
  }

  /** The meter state of {@code device}, measuring {@code fuel}. */
  public static MeterState of(Eui64 device, Fuel fuel) {
    return new MeterState(device, fuel);
  }

  /** The device. */
  public Eui64 device() {
    return device;
  }

  /** What it measures. */
  public Fuel fuel() {
    return fuel;
  }

  /** The main register at {@code at}: active import (Wh) for electricity, volume (dm³) for gas. */
  public long register(Instant at) {
    long seconds = Math.max(0, Duration.between(EPOCH, at).getSeconds());
    long slotIndex = seconds / SLOT_SECONDS;
    long weeks = slotIndex / SLOTS_PER_WEEK;
    int slot = (int) (slotIndex % SLOTS_PER_WEEK);
    long within = seconds % SLOT_SECONDS;
    return start
        + weeks * before[SLOTS_PER_WEEK]
        + before[slot]
        + slots[slot] * within / SLOT_SECONDS;
  }

  /**
   * An electricity meter's registers at {@code at}; the reactive register is a fixed share (5 to 25
   * %, per device) of the active.
   *
   * @throws IllegalStateException for a gas meter
   */
  public ElectricityRegisters electricity(Instant at) {
    if (fuel != Fuel.ELECTRICITY) {
      throw new IllegalStateException("a gas meter has no electricity registers");
    }
    long active = register(at);
    return new ElectricityRegisters(active, active * reactivePercent / 100);
  }

  /**
   * The daily read log at {@code at}: the register at 00:00 UTC of each of the last {@code days}
   * days up to {@code at}, oldest first.
   */
  public List<Reading> dailyReads(Instant at, int days) {
    checkCount(days, "days");
    Instant today = at.truncatedTo(ChronoUnit.DAYS);
    List<Reading> out = new ArrayList<>(days);
    for (int i = days - 1; i >= 0; i--) {
      Instant midnight = today.minus(Duration.ofDays(i));
      out.add(new Reading(midnight, register(midnight)));
    }
    return List.copyOf(out);
  }

  /**
   * The half-hourly profile at {@code at}: what was consumed in each of the last {@code periods}
   * half-hours that ended by {@code at}, oldest first.
   */
  public List<Interval> halfHourly(Instant at, int periods) {
    checkCount(periods, "periods");
    long seconds = Duration.between(EPOCH, at).getSeconds();
    Instant lastEnd = EPOCH.plusSeconds(Math.floorDiv(seconds, SLOT_SECONDS) * SLOT_SECONDS);
    List<Interval> out = new ArrayList<>(periods);
    for (int i = periods; i >= 1; i--) {
      Instant from = lastEnd.minus(HALF_HOUR.multipliedBy(i));
      out.add(new Interval(from, register(from.plus(HALF_HOUR)) - register(from)));
    }
    return List.copyOf(out);
  }

  private static void checkCount(int n, String what) {
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException(what + ": 1 to 10000, not " + n);
    }
  }

  /** The relative weight of a half-hour of the day (0 to 47). */
  private static double shape(Fuel fuel, int halfHour, boolean weekend) {
    double hour = halfHour / 2.0 - (weekend ? 1.0 : 0.0); // weekends start an hour later
    if (fuel == Fuel.ELECTRICITY) {
      if (hour < 6) {
        return 0.5;
      }
      if (hour < 9) {
        return 1.4;
      }
      if (hour < 17) {
        return weekend ? 1.1 : 0.8;
      }
      if (hour < 22) {
        return 1.8;
      }
      return 0.8;
    }
    // gas: heating mornings and evenings, little overnight
    if (hour < 5) {
      return 0.2;
    }
    if (hour < 9) {
      return 2.0;
    }
    if (hour < 16) {
      return weekend ? 1.0 : 0.5;
    }
    if (hour < 22) {
      return 1.9;
    }
    return 0.4;
  }
}
