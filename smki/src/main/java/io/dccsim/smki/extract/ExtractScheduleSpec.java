package io.dccsim.smki.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * An {@link ExtractSchedule} written as one line of configuration text:
 *
 * <pre>
 * regime [":" full] ["@" HH:MM] ["/" zone]
 *
 * regime  baseline   daily full before the SEC release in force, weekly full + daily deltas after
 *         daily      a full extract every day (the regime before MP147), whatever the date
 *         weekly     a weekly full extract and a delta on every other day, whatever the date
 * full    a day of the week (SUNDAY, sun, ...) or cron(m h dom mon dow): when the full extract runs
 * HH:MM   the daily extract's time, and the weekly full's when it is given as a day
 * zone    the wall clock's zone (an IANA name such as Europe/London)
 * </pre>
 *
 * <p>Defaults: {@code SUNDAY}, {@code 01:00}, {@code Europe/London}; {@code baseline} alone is
 * therefore {@code baseline:SUNDAY@01:00/Europe/London}, the library's {@link
 * ExtractSchedule#defaults()}. Examples: {@code weekly:SUNDAY@02:00/Europe/London}, {@code daily},
 * {@code daily@03:30/UTC}, {@code weekly:cron(0 2 * * SUN,WED)@02:00}.
 *
 * @param regime which regime; {@code baseline} follows the policy given to {@link
 *     #schedule(ExtractRegimePolicy)}
 * @param full the full timing
 * @param time the daily time
 * @param zone the zone
 * @param text the text as given, stripped
 */
public record ExtractScheduleSpec(
    Regime regime, FullExtractTiming full, LocalTime time, ZoneId zone, String text) {

  /** The text of the default schedule. */
  public static final String DEFAULT = "baseline";

  /** The regime part of a schedule. */
  public enum Regime {
    /** As the baseline in force dictates. */
    BASELINE,
    /** Pinned to {@link ExtractRegime#DAILY_FULL}. */
    DAILY,
    /** Pinned to {@link ExtractRegime#WEEKLY_FULL_DAILY_DELTA}. */
    WEEKLY
  }

  /** Validates. */
  public ExtractScheduleSpec {
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(full, "full");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(text, "text");
  }

  /**
   * Reads a schedule.
   *
   * @throws IllegalArgumentException saying what is wrong and what is accepted
   */
  public static ExtractScheduleSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.isEmpty()) {
      s = DEFAULT;
    }
    if (s.length() > 200) {
      throw bad(text, "longer than 200 characters");
    }
    String rest = s;
    ZoneId zone = ExtractSchedule.LONDON;
    // Zone names hold slashes (Europe/London): the zone starts at the first one.
    int slash = firstOutsideParentheses(rest, '/');
    if (slash >= 0) {
      String z = rest.substring(slash + 1).strip();
      try {
        zone = ZoneId.of(z);
      } catch (DateTimeException e) {
        throw bad(text, "'" + z + "' is not a time zone (e.g. Europe/London or UTC)");
      }
      rest = rest.substring(0, slash);
    }
    LocalTime time = LocalTime.of(1, 0);
    int at = lastOutsideParentheses(rest, '@');
    if (at >= 0) {
      String t = rest.substring(at + 1).strip();
      if (!t.matches("\\d{2}:\\d{2}")) {
        throw bad(text, "'" + t + "' is not a time of day HH:MM");
      }
      try {
        time = LocalTime.parse(t);
      } catch (DateTimeParseException e) {
        throw bad(text, "'" + t + "' is not a time of day HH:MM");
      }
      rest = rest.substring(0, at);
    }
    String regimeText = rest;
    String fullText = null;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      regimeText = rest.substring(0, colon);
      fullText = rest.substring(colon + 1).strip();
    }
    Regime regime =
        switch (regimeText.strip().toLowerCase(Locale.ROOT)) {
          case "baseline" -> Regime.BASELINE;
          case "daily" -> Regime.DAILY;
          case "weekly" -> Regime.WEEKLY;
          default ->
              throw bad(text, "the regime is baseline, daily or weekly, not '" + regimeText + "'");
        };
    FullExtractTiming full = FullExtractTiming.weekly(DayOfWeek.SUNDAY, time);
    if (fullText != null) {
      if (regime == Regime.DAILY) {
        throw bad(text, "daily has no weekly full extract to time; use baseline: or weekly:");
      }
      full = full(text, fullText, time);
    }
    return new ExtractScheduleSpec(regime, full, time, zone, s);
  }

  private static FullExtractTiming full(String text, String full, LocalTime time) {
    String lower = full.toLowerCase(Locale.ROOT);
    if (lower.startsWith("cron(") && lower.endsWith(")")) {
      String expression = full.substring(5, full.length() - 1);
      try {
        return FullExtractTiming.cron(expression);
      } catch (IllegalArgumentException e) {
        throw bad(text, e.getMessage());
      }
    }
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equalsIgnoreCase(full) || d.name().substring(0, 3).equalsIgnoreCase(full)) {
        return FullExtractTiming.weekly(d, time);
      }
    }
    throw bad(
        text, "the full extract's timing is a day (e.g. SUNDAY) or cron(m h dom mon dow): " + full);
  }

  private static int firstOutsideParentheses(String s, char c) {
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      char x = s.charAt(i);
      if (x == '(') {
        depth++;
      } else if (x == ')') {
        depth--;
      } else if (x == c && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int lastOutsideParentheses(String s, char c) {
    int depth = 0;
    for (int i = s.length() - 1; i >= 0; i--) {
      char x = s.charAt(i);
      if (x == ')') {
        depth++;
      } else if (x == '(') {
        depth--;
      } else if (x == c && depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static IllegalArgumentException bad(String text, String why) {
    return new IllegalArgumentException(
        "Not an extract schedule: '"
            + text.strip()
            + "': "
            + why
            + " (form: baseline|daily|weekly[:DAY|:cron(m h dom mon dow)][@HH:MM][/ZONE],"
            + " e.g. weekly:SUNDAY@02:00/Europe/London)");
  }

  /**
   * The schedule.
   *
   * @param baseline the regime policy {@code baseline} follows (e.g. {@link
   *     ExtractRegimePolicy#fromBaseline})
   */
  public ExtractSchedule schedule(ExtractRegimePolicy baseline) {
    Objects.requireNonNull(baseline, "baseline");
    ExtractRegimePolicy policy =
        switch (regime) {
          case BASELINE -> baseline;
          case DAILY -> ExtractRegimePolicy.pinned(ExtractRegime.DAILY_FULL);
          case WEEKLY -> ExtractRegimePolicy.pinned(ExtractRegime.WEEKLY_FULL_DAILY_DELTA);
        };
    return new ExtractSchedule(full, time, zone, policy);
  }

  /** A one-line description, e.g. {@code weekly full SUNDAY 02:00, daily 02:00, Europe/London}. */
  public String describe() {
    String timing =
        full instanceof FullExtractTiming.Weekly w
            ? w.day() + " " + w.time()
            : "cron(" + ((FullExtractTiming.CronTiming) full).expression() + ")";
    return switch (regime) {
      case BASELINE ->
          "by the baseline in force: daily full at "
              + time
              + " before MP147, then weekly full "
              + timing
              + " and daily deltas at "
              + time
              + ", "
              + zone;
      case DAILY -> "daily full at " + time + ", " + zone;
      case WEEKLY -> "weekly full " + timing + ", daily deltas at " + time + ", " + zone;
    };
  }
}
