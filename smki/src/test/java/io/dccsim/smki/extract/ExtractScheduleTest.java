package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ExtractScheduleTest {
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Instant BASE = Instant.parse("2019-01-01T00:00:00Z");

  private static ExtractSchedule weeklyAt0130() {
    return ExtractSchedule.builder()
        .weeklyFull(DayOfWeek.SUNDAY, LocalTime.of(1, 30))
        .dailyAt(LocalTime.of(1, 30))
        .pinned(ExtractRegime.WEEKLY_FULL_DAILY_DELTA)
        .build();
  }

  @Test
  void springForwardRunsOnceAfterTheGap() {
    // 2022-03-27: clocks go from 01:00 GMT to 02:00 BST, so 01:30 does not exist.
    List<PlannedRun> runs =
        weeklyAt0130()
            .runsBetween(
                Instant.parse("2022-03-26T12:00:00Z"), Instant.parse("2022-03-28T12:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2022-03-27T01:30:00Z")),
            new PlannedRun(ExtractKind.DELTA, Instant.parse("2022-03-28T00:30:00Z")));
  }

  @Test
  void autumnRepeatedHourRunsOnce() {
    // 2022-10-30: 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT); the first one runs.
    List<PlannedRun> runs =
        weeklyAt0130()
            .runsBetween(
                Instant.parse("2022-10-29T12:00:00Z"), Instant.parse("2022-10-31T12:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2022-10-30T00:30:00Z")),
            new PlannedRun(ExtractKind.DELTA, Instant.parse("2022-10-31T01:30:00Z")));
  }

  @Test
  void dailyDeltaInTheGapMovesForwardToo() {
    ExtractSchedule s =
        ExtractSchedule.builder()
            .weeklyFull(DayOfWeek.WEDNESDAY, LocalTime.of(3, 0))
            .dailyAt(LocalTime.of(1, 30))
            .pinned(ExtractRegime.WEEKLY_FULL_DAILY_DELTA)
            .build();
    assertThat(
            s.runsBetween(
                Instant.parse("2022-03-27T00:00:00Z"), Instant.parse("2022-03-27T23:00:00Z")))
        .containsExactly(new PlannedRun(ExtractKind.DELTA, Instant.parse("2022-03-27T01:30:00Z")));
  }

  @Test
  void regimeSwitchesAtGoLiveByDate() {
    ExtractSchedule s = ExtractSchedule.defaults();
    List<PlannedRun> runs =
        s.runsBetween(Instant.parse("2021-06-20T12:00:00Z"), Instant.parse("2021-07-05T12:00:00Z"));
    List<String> seen = new ArrayList<>();
    for (PlannedRun r : runs) {
      seen.add(LocalDate.ofInstant(r.at(), LONDON) + " " + r.kind());
    }
    assertThat(seen)
        .containsExactly(
            "2021-06-21 FULL",
            "2021-06-22 FULL",
            "2021-06-23 FULL",
            "2021-06-24 DELTA",
            "2021-06-25 DELTA",
            "2021-06-26 DELTA",
            "2021-06-27 FULL",
            "2021-06-28 DELTA",
            "2021-06-29 DELTA",
            "2021-06-30 DELTA",
            "2021-07-01 DELTA",
            "2021-07-02 DELTA",
            "2021-07-03 DELTA",
            "2021-07-04 FULL",
            "2021-07-05 DELTA");
    // 01:00 BST on the first day after go-live.
    assertThat(runs.get(3).at()).isEqualTo(Instant.parse("2021-06-24T00:00:00Z"));
  }

  @Test
  void pinnedBaselineNeverSwitches() {
    ExtractSchedule before =
        ExtractSchedule.builder()
            .regimePolicy(
                ExtractRegimePolicy.fromBaseline(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021)))
            .build();
    assertThat(
            before.runsBetween(
                Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-02-01T00:00:00Z")))
        .hasSize(31)
        .allMatch(r -> r.kind() == ExtractKind.FULL);
  }

  @Test
  void cronTimingAndBadCron() {
    ExtractSchedule s =
        ExtractSchedule.builder()
            .fullCron("0 22 * * FRI")
            .dailyAt(LocalTime.of(4, 0))
            .pinned(ExtractRegime.WEEKLY_FULL_DAILY_DELTA)
            .build();
    List<PlannedRun> runs =
        s.runsBetween(Instant.parse("2022-01-06T12:00:00Z"), Instant.parse("2022-01-08T12:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2022-01-07T22:00:00Z")),
            new PlannedRun(ExtractKind.DELTA, Instant.parse("2022-01-08T04:00:00Z")));
    assertThatThrownBy(() -> FullExtractTiming.cron("61 * * * *"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("61 * * * *");
  }

  @Test
  void nextAfter() {
    assertThat(weeklyAt0130().nextAfter(Instant.parse("2022-03-27T01:30:00Z")))
        .contains(new PlannedRun(ExtractKind.DELTA, Instant.parse("2022-03-28T00:30:00Z")));
  }

  @Property(tries = 200)
  void adjacentRangesPlanEachRunExactlyOnce(
      @ForAll @LongRange(min = 0, max = 4L * 365 * 24 * 3600) long a,
      @ForAll @LongRange(min = 1, max = 30L * 24 * 3600) long ab,
      @ForAll @LongRange(min = 1, max = 30L * 24 * 3600) long bc) {
    ExtractSchedule s = ExtractSchedule.defaults();
    Instant from = BASE.plusSeconds(a);
    Instant mid = from.plusSeconds(ab);
    Instant to = mid.plusSeconds(bc);
    List<PlannedRun> whole = s.runsBetween(from, to);
    List<PlannedRun> parts = new ArrayList<>(s.runsBetween(from, mid));
    parts.addAll(s.runsBetween(mid, to));
    assertThat(parts).isEqualTo(whole);
    for (int i = 0; i < whole.size(); i++) {
      assertThat(whole.get(i).at()).isAfter(from).isBeforeOrEqualTo(to);
      if (i > 0) {
        assertThat(whole.get(i).at()).isAfter(whole.get(i - 1).at());
      }
    }
  }

  @Property(tries = 100)
  void oneRunPerLocalDayAndOneFullPerWeek(
      @ForAll @LongRange(min = 0, max = 6L * 365) long dayOffset,
      @ForAll DayOfWeek fullDay,
      @ForAll @IntRange(min = 0, max = 23) int hour,
      @ForAll @IntRange(min = 0, max = 59) int minute) {
    LocalTime t = LocalTime.of(hour, minute);
    ExtractSchedule s =
        ExtractSchedule.builder()
            .weeklyFull(fullDay, t)
            .dailyAt(t)
            .pinned(ExtractRegime.WEEKLY_FULL_DAILY_DELTA)
            .build();
    LocalDate start = LocalDate.of(2019, 1, 1).plusDays(dayOffset);
    Instant from = start.atStartOfDay(LONDON).toInstant();
    Instant to = start.plusDays(7).atStartOfDay(LONDON).toInstant();
    List<PlannedRun> runs = s.runsBetween(from.minusNanos(1), to.minusNanos(1));
    assertThat(runs).hasSize(7);
    assertThat(runs.stream().filter(r -> r.kind() == ExtractKind.FULL)).hasSize(1);
    assertThat(runs.stream().map(r -> LocalDate.ofInstant(r.at(), LONDON)).distinct()).hasSize(7);
    PlannedRun full = runs.stream().filter(r -> r.kind() == ExtractKind.FULL).findFirst().get();
    assertThat(LocalDate.ofInstant(full.at(), LONDON).getDayOfWeek()).isEqualTo(fullDay);
  }

  @Property(tries = 100)
  void cronAndWeeklyAgree(
      @ForAll @LongRange(min = 0, max = 4L * 365 * 24 * 3600) long a,
      @ForAll DayOfWeek day,
      @ForAll @IntRange(min = 0, max = 23) int hour) {
    ExtractSchedule weekly =
        ExtractSchedule.builder().weeklyFull(day, LocalTime.of(hour, 30)).build();
    ExtractSchedule cron =
        ExtractSchedule.builder().fullCron("30 " + hour + " * * " + (day.getValue() % 7)).build();
    Instant from = BASE.plusSeconds(a);
    Instant to = from.plus(Duration.ofDays(20));
    assertThat(cron.runsBetween(from, to)).isEqualTo(weekly.runsBetween(from, to));
  }
}
