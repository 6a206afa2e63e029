package io.dccsim.sim.journal;

/**
 * How many exchanges a verification expects, in the test's words: {@code exactly(2)}, {@code
 * atLeast(1)}, {@code never()}.
 *
 * @param min the least acceptable count
 * @param max the greatest acceptable count ({@link Integer#MAX_VALUE} for no bound)
 */
public record ExpectedCount(int min, int max) {

  /** Validates. */
  public ExpectedCount {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("Not a count range: " + min + ".." + max);
    }
  }

  /** Exactly {@code n}. */
  public static ExpectedCount exactly(int n) {
    return new ExpectedCount(n, n);
  }

  /** Exactly one. */
  public static ExpectedCount once() {
    return exactly(1);
  }

  /** None at all. */
  public static ExpectedCount never() {
    return exactly(0);
  }

  /** {@code n} or more. */
  public static ExpectedCount atLeast(int n) {
    return new ExpectedCount(n, Integer.MAX_VALUE);
  }

  /** At most {@code n}. */
  public static ExpectedCount atMost(int n) {
    return new ExpectedCount(0, n);
  }

  /** Between {@code min} and {@code max}, inclusive. */
  public static ExpectedCount between(int min, int max) {
    return new ExpectedCount(min, max);
  }

  /** Whether {@code count} is acceptable. */
  public boolean accepts(long count) {
    return count >= min && count <= max;
  }

  @Override
  public String toString() {
    if (min == max) {
      return "exactly " + min;
    }
    if (max == Integer.MAX_VALUE) {
      return "at least " + min;
    }
    if (min == 0) {
      return "at most " + max;
    }
    return "between " + min + " and " + max;
  }
}
