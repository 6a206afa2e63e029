package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.release.BaselinePolicy;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractScheduleSpecTest {
  private static final ExtractRegimePolicy BY_DATE =
      ExtractRegimePolicy.fromBaseline(BaselinePolicy.byDate());
  private static final Instant FROM = Instant.parse("2021-06-19T12:00:00Z");
  private static final Instant TO = Instant.parse("2021-07-10T12:00:00Z");

  @Test
  void theDefaultIsTheLibrarysDefaultSchedule() {
    for (String text :
        List.of("baseline", "", "  BASELINE ", "baseline:SUNDAY@01:00/Europe/London")) {
      ExtractSchedule s = ExtractScheduleSpec.parse(text).schedule(BY_DATE);
      assertThat(s.runsBetween(FROM, TO))
          .as(text)
          .isEqualTo(ExtractSchedule.defaults().runsBetween(FROM, TO));
    }
  }

  @Test
  void weeklyGivesADayTimeAndZone() {
    ExtractScheduleSpec spec = ExtractScheduleSpec.parse("weekly:SUNDAY@02:00/Europe/London");
    assertThat(spec.regime()).isEqualTo(ExtractScheduleSpec.Regime.WEEKLY);
    assertThat(spec.full())
        .isEqualTo(FullExtractTiming.weekly(DayOfWeek.SUNDAY, LocalTime.of(2, 0)));
    assertThat(spec.time()).isEqualTo(LocalTime.of(2, 0));
    assertThat(spec.zone()).isEqualTo(ZoneId.of("Europe/London"));
    // Pinned: weekly full and deltas even before go-live.
    List<PlannedRun> runs =
        spec.schedule(BY_DATE)
            .runsBetween(
                Instant.parse("2021-06-19T12:00:00Z"), Instant.parse("2021-06-21T12:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2021-06-20T01:00:00Z")),
            new PlannedRun(ExtractKind.DELTA, Instant.parse("2021-06-21T01:00:00Z")));
    assertThat(ExtractScheduleSpec.parse("weekly:wed").full())
        .isEqualTo(FullExtractTiming.weekly(DayOfWeek.WEDNESDAY, LocalTime.of(1, 0)));
  }

  @Test
  void dailyIsAFullEveryDayWhateverTheDate() {
    ExtractSchedule s = ExtractScheduleSpec.parse("daily@03:30/UTC").schedule(BY_DATE);
    List<PlannedRun> runs =
        s.runsBetween(Instant.parse("2021-07-01T00:00:00Z"), Instant.parse("2021-07-03T00:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2021-07-01T03:30:00Z")),
            new PlannedRun(ExtractKind.FULL, Instant.parse("2021-07-02T03:30:00Z")));
  }

  @Test
  void cronTimesTheFullExtractAndItsSlashesAreNotTheZone() {
    ExtractScheduleSpec spec = ExtractScheduleSpec.parse("weekly:cron(0 2 */3 * *)@04:00/UTC");
    assertThat(spec.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(spec.full()).isEqualTo(FullExtractTiming.cron("0 2 */3 * *"));
    List<PlannedRun> runs =
        spec.schedule(BY_DATE)
            .runsBetween(
                Instant.parse("2021-07-01T00:00:00Z"), Instant.parse("2021-07-03T00:00:00Z"));
    assertThat(runs)
        .containsExactly(
            new PlannedRun(ExtractKind.FULL, Instant.parse("2021-07-01T02:00:00Z")),
            new PlannedRun(ExtractKind.DELTA, Instant.parse("2021-07-02T04:00:00Z")));
    assertThat(ExtractScheduleSpec.parse("baseline:cron(0 1 * * SUN)").describe())
        .contains("cron(0 1 * * SUN)");
  }

  @Test
  void mistakesAreNamedWithTheForm() {
    for (String bad :
        List.of(
            "hourly",
            "daily:SUNDAY",
            "weekly:FUNDAY",
            "weekly@25:00",
            "weekly@2:00",
            "weekly/Mars/Olympus",
            "weekly:cron(not a cron)",
            "weekly:cron(0 2 * * SUN",
            "x".repeat(300))) {
      assertThatThrownBy(() -> ExtractScheduleSpec.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not an extract schedule: ")
          .hasMessageContaining("e.g. weekly:SUNDAY@02:00/Europe/London");
    }
  }
}
