package io.dccsim.sim.charging;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A calendar month for which the DCC bills its Users.
 *
 * @param month the month billed
 */
public record BillingPeriod(YearMonth month) implements Comparable<BillingPeriod> {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

  /** Checks the month is present. */
  public BillingPeriod {
    if (month == null) {
      throw new IllegalArgumentException("billing period: month is missing");
    }
  }

  /** The period for a month. */
  public static BillingPeriod of(int year, int month) {
    try {
      return new BillingPeriod(YearMonth.of(year, month));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "billing period " + year + "-" + month + " does not exist: " + e.getMessage());
    }
  }

  /**
   * Parses {@code yyyy-MM}, e.g. {@code 2021-06}; a month that does not exist (such as {@code
   * 2021-13}) is refused.
   */
  public static BillingPeriod parse(String text) {
    try {
      return new BillingPeriod(YearMonth.parse(text.strip(), FORMAT));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "billing period '"
              + text
              + "' does not exist (expected a month as yyyy-MM, e.g. 2021-06)");
    }
  }

  /** The first day of the month. */
  public LocalDate firstDay() {
    return month.atDay(1);
  }

  /** The last day of the month. */
  public LocalDate lastDay() {
    return month.atEndOfMonth();
  }

  /** Whether the date falls within the month. */
  public boolean contains(LocalDate date) {
    return YearMonth.from(date).equals(month);
  }

  @Override
  public int compareTo(BillingPeriod other) {
    return month.compareTo(other.month);
  }

  /** The month as {@code yyyy-MM}. */
  @Override
  public String toString() {
    return month.format(FORMAT);
  }
}
