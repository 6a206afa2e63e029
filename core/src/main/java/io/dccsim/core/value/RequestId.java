package io.dccsim.core.value;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.Objects;

/**
 * A DUIS Request ID: {@code originator:target:counter}. The originator is the User's EUI-64, the
 * target the device's EUI-64 (or the DCC's own for non-device requests), and the counter an
 * unsigned 64-bit decimal number that must strictly increase per originator.
 *
 * <p>{@code counter} holds the 64 bits unsigned: values above {@link Long#MAX_VALUE} are negative
 * as a Java {@code long}; use {@link #counterText()}, {@link #counterValue()} or {@link
 * #compareCounterTo(RequestId)}, never signed arithmetic.
 *
 * @param originator the sending User's EUI-64
 * @param target the device, or the DCC for non-device requests
 * @param counter the unsigned 64-bit counter
 */
public record RequestId(Eui64 originator, Eui64 target, long counter) {

  /** Orders Request IDs by originator, then target, then counter as unsigned numbers. */
  public static final Comparator<RequestId> ORDER =
      Comparator.comparing(RequestId::originator)
          .thenComparing(RequestId::target)
          .thenComparing(RequestId::counter, Long::compareUnsigned);

  private static final int MAX_COUNTER_DIGITS = 20;

  /** Checks both EUIs are present. */
  public RequestId {
    Objects.requireNonNull(originator, "originator");
    Objects.requireNonNull(target, "target");
  }

  /**
   * Reads the DUIS form {@code 90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000}: two EUI-64s
   * in hyphenated (or compact) form and a decimal counter of at most 20 digits not above 2^64-1.
   *
   * @throws IllegalArgumentException naming the part at fault
   */
  public static RequestId parse(String text) {
    Objects.requireNonNull(text, "text");
    int first = text.indexOf(':');
    int second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (first < 0 || second < 0 || text.indexOf(':', second + 1) >= 0) {
      throw invalid(text, "expected originator:target:counter");
    }
    Eui64 originator;
    Eui64 target;
    try {
      originator = Eui64.parse(text.substring(0, first));
    } catch (IllegalArgumentException e) {
      throw invalid(text, "originator: " + e.getMessage());
    }
    try {
      target = Eui64.parse(text.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      throw invalid(text, "target: " + e.getMessage());
    }
    return new RequestId(originator, target, parseCounter(text, text.substring(second + 1)));
  }

  private static long parseCounter(String text, String digits) {
    if (digits.isEmpty() || digits.length() > MAX_COUNTER_DIGITS) {
      throw invalid(text, "counter must be 1 to " + MAX_COUNTER_DIGITS + " decimal digits");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw invalid(text, "counter must be decimal digits only");
      }
    }
    try {
      return Long.parseUnsignedLong(digits);
    } catch (NumberFormatException e) {
      throw invalid(text, "counter exceeds 2^64-1");
    }
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
    return new IllegalArgumentException("Not a Request ID: '" + shown + "': " + why);
  }

  /** The counter in decimal, unsigned. */
  public String counterText() {
    return Long.toUnsignedString(counter);
  }

  /** The counter as an exact non-negative number. */
  public BigInteger counterValue() {
    return new BigInteger(Long.toUnsignedString(counter));
  }

  /** Compares the counters as unsigned 64-bit numbers (ignoring the EUIs). */
  public int compareCounterTo(RequestId other) {
    return Long.compareUnsigned(counter, other.counter);
  }

  /** The same originator and target with {@code counter}. */
  public RequestId withCounter(long counter) {
    return new RequestId(originator, target, counter);
  }

  /**
   * The same originator and target with the next counter.
   *
   * @throws ArithmeticException when the counter is already 2^64-1
   */
  public RequestId next() {
    if (counter == -1L) {
      throw new ArithmeticException("Request ID counter is at its maximum, 2^64-1");
    }
    return withCounter(counter + 1);
  }

  /** The DUIS form, with canonical EUIs and the counter in unsigned decimal. */
  @Override
  public String toString() {
    return originator + ":" + target + ":" + counterText();
  }
}
