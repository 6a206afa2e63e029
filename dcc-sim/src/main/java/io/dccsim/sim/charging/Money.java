package io.dccsim.sim.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of sterling, held as a whole number of pence.
 *
 * <p>Money never passes through binary floating point: it is parsed from decimal text with at most
 * two decimal places and written back as a {@link BigDecimal} of scale 2.
 *
 * @param pence the amount in pence; may be negative only as the result of arithmetic, charge items
 *     refuse negative amounts
 */
public record Money(long pence) implements Comparable<Money> {

  /** Nothing. */
  public static final Money ZERO = new Money(0);

  /** An amount of whole pence. */
  public static Money ofPence(long pence) {
    return new Money(pence);
  }

  /**
   * Parses pounds written in decimal, e.g. {@code 1200}, {@code 1200.5} or {@code 1200.50}.
   *
   * @throws IllegalArgumentException if the text is not a decimal number, has more than two decimal
   *     places, or does not fit in pence as a {@code long}
   */
  public static Money parse(String pounds) {
    BigDecimal value;
    try {
      value = new BigDecimal(pounds.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a decimal amount: '" + pounds + "'");
    }
    return ofPounds(value);
  }

  /**
   * The amount of a decimal number of pounds.
   *
   * @throws IllegalArgumentException if it has a fraction of a penny or does not fit in a {@code
   *     long} of pence
   */
  public static Money ofPounds(BigDecimal pounds) {
    BigDecimal stripped = pounds.stripTrailingZeros();
    if (stripped.scale() > 2) {
      throw new IllegalArgumentException(
          "amount " + pounds.toPlainString() + " has a fraction of a penny");
    }
    try {
      return new Money(pounds.movePointRight(2).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount " + pounds.toPlainString() + " is too large");
    }
  }

  /** The amount in pounds with exactly two decimal places. */
  public BigDecimal toPounds() {
    return BigDecimal.valueOf(pence, 2).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** The sum, refusing to overflow. */
  public Money plus(Money other) {
    return new Money(Math.addExact(pence, other.pence));
  }

  /** Whether this is below zero. */
  public boolean isNegative() {
    return pence < 0;
  }

  /** Whether this is exactly zero. */
  public boolean isZero() {
    return pence == 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(pence, other.pence);
  }

  /** The amount in pounds, e.g. {@code 1200.50}, without a currency sign. */
  @Override
  public String toString() {
    return toPounds().toPlainString();
  }
}
