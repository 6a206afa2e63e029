package io.dccsim.sim.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterStateTest {
  private static final Eui64 METER = Eui64.parse("00-DC-C5-01-00-00-00-03");
  private static final Instant T = Instant.parse("2021-07-01T09:00:00Z");

  @Test
  void theSameDeviceHasTheSameRegistersInEveryInstanceAndOthersDiffer() {
    MeterState a = MeterState.of(METER, MeterState.Fuel.ELECTRICITY);
    MeterState b = MeterState.of(METER, MeterState.Fuel.ELECTRICITY);
    assertThat(a.register(T)).isEqualTo(b.register(T));
    assertThat(a.electricity(T)).isEqualTo(b.electricity(T));
    assertThat(
            MeterState.of(Eui64.parse("00-DC-C5-01-00-00-00-04"), MeterState.Fuel.ELECTRICITY)
                .register(T))
        .isNotEqualTo(a.register(T));
  }

  @Test
  void registersAdvanceWithTheClockAndNeverGoBack() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.ELECTRICITY);
    long last = m.register(T);
    for (int minutes = 1; minutes <= 7 * 24 * 60; minutes += 7) {
      long now = m.register(T.plus(Duration.ofMinutes(minutes)));
      assertThat(now).isGreaterThanOrEqualTo(last);
      last = now;
    }
    // a day adds what a household uses: 5 to 15 kWh on average, shaped by the time of day
    long day = m.register(T.plus(Duration.ofDays(1))) - m.register(T);
    assertThat(day).isBetween(1_500L, 30_000L);
    assertThat(m.register(T.plus(Duration.ofDays(1)))).isGreaterThan(m.register(T));
  }

  @Test
  void aWeekRepeatsSoRegistersGrowByTheSameAmountEachWeek() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.GAS);
    long week1 = m.register(T.plus(Duration.ofDays(7))) - m.register(T);
    long week2 = m.register(T.plus(Duration.ofDays(14))) - m.register(T.plus(Duration.ofDays(7)));
    assertThat(week1).isEqualTo(week2).isPositive();
  }

  @Test
  void beforeTheEpochTheRegisterHoldsItsStartingValue() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.ELECTRICITY);
    assertThat(m.register(Instant.parse("1990-01-01T00:00:00Z")))
        .isEqualTo(m.register(MeterState.EPOCH));
  }

  @Test
  void theReactiveRegisterIsAShareOfTheActive() {
    MeterState.ElectricityRegisters r =
        MeterState.of(METER, MeterState.Fuel.ELECTRICITY).electricity(T);
    assertThat(r.reactiveImportVarh())
        .isBetween(r.activeImportWh() * 5 / 100, r.activeImportWh() * 25 / 100);
    assertThatThrownBy(() -> MeterState.of(METER, MeterState.Fuel.GAS).electricity(T))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void dailyReadsAreTheRegisterAtEachMidnightOldestFirst() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.ELECTRICITY);
    List<MeterState.Reading> reads = m.dailyReads(T, 3);
    assertThat(reads)
        .extracting(MeterState.Reading::at)
        .containsExactly(
            Instant.parse("2021-06-29T00:00:00Z"),
            Instant.parse("2021-06-30T00:00:00Z"),
            Instant.parse("2021-07-01T00:00:00Z"));
    assertThat(reads.get(2).value()).isEqualTo(m.register(Instant.parse("2021-07-01T00:00:00Z")));
    assertThat(reads.get(0).value()).isLessThan(reads.get(2).value());
  }

  @Test
  void halfHourlyAmountsAddUpToTheRegistersGrowth() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.GAS);
    Instant at = Instant.parse("2021-07-01T09:10:00Z");
    List<MeterState.Interval> profile = m.halfHourly(at, 48);
    assertThat(profile.get(47).start()).isEqualTo(Instant.parse("2021-07-01T08:30:00Z"));
    assertThat(profile.get(0).start()).isEqualTo(Instant.parse("2021-06-30T09:00:00Z"));
    long sum = profile.stream().mapToLong(MeterState.Interval::amount).sum();
    assertThat(sum)
        .isEqualTo(
            m.register(Instant.parse("2021-07-01T09:00:00Z"))
                - m.register(Instant.parse("2021-06-30T09:00:00Z")));
    assertThat(profile).allSatisfy(i -> assertThat(i.amount()).isPositive());
  }

  @Test
  void countsOutOfRangeAreRefused() {
    MeterState m = MeterState.of(METER, MeterState.Fuel.GAS);
    assertThatThrownBy(() -> m.dailyReads(T, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> m.halfHourly(T, 10_001)).isInstanceOf(IllegalArgumentException.class);
  }
}
