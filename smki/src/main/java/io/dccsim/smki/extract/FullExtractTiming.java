package io.dccsim.smki.extract;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When the weekly full extract runs under the post-release regime: a day of the week and a time of
 * day, or a five-field Unix cron expression. Both are read as local wall-clock time in the
 * schedule's zone.
 */
public sealed interface FullExtractTiming {

  /** The local wall-clock times on {@code date} at which a full extract is due, in order. */
  List<LocalDateTime> timesOn(LocalDate date);

  /** A full extract every week on {@code day} at {@code time}. */
  static FullExtractTiming weekly(DayOfWeek day, LocalTime time) {
    return new Weekly(day, time);
  }

  /**
   * Full extracts whenever the Unix cron expression fires (minute hour day-of-month month
   * day-of-week), e.g. {@code 30 1 * * SUN}.
   *
   * @throws IllegalArgumentException when the expression does not parse
   */
  static FullExtractTiming cron(String expression) {
    return new CronTiming(expression);
  }

  /** Weekly on a day at a time. */
  record Weekly(DayOfWeek day, LocalTime time) implements FullExtractTiming {
    /** Validates. */
    public Weekly {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(time, "time");
    }

    @Override
    public List<LocalDateTime> timesOn(LocalDate date) {
      return date.getDayOfWeek() == day ? List.of(date.atTime(time)) : List.of();
    }
  }

  /** A cron expression. */
  final class CronTiming implements FullExtractTiming {
    private static final CronParser PARSER =
        new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final String expression;
    private final ExecutionTime executionTime;

    CronTiming(String expression) {
      this.expression = Objects.requireNonNull(expression, "expression").strip();
      Cron cron;
      try {
        cron = PARSER.parse(this.expression).validate();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Not a Unix cron expression: '" + expression + "': " + e.getMessage(), e);
      }
      this.executionTime = ExecutionTime.forCron(cron);
    }

    /** The expression as given. */
    public String expression() {
      return expression;
    }

    @Override
    public List<LocalDateTime> timesOn(LocalDate date) {
      // Evaluate the cron on the local wall clock (UTC has no DST), so that daylight-saving
      // changes are resolved in one place by the schedule, the same way as for weekly timing.
      List<LocalDateTime> out = new ArrayList<>();
      ZonedDateTime cursor = date.atStartOfDay(ZoneOffset.UTC).minusNanos(1);
      while (true) {
        Optional<ZonedDateTime> next = executionTime.nextExecution(cursor);
        if (next.isEmpty() || !next.get().toLocalDate().equals(date)) {
          return out;
        }
        out.add(next.get().toLocalDateTime());
        cursor = next.get();
      }
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CronTiming c && c.expression.equals(expression);
    }

    @Override
    public int hashCode() {
      return expression.hashCode();
    }

    @Override
    public String toString() {
      return "cron(" + expression + ")";
    }
  }
}
