package io.dccsim.sim.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How a simulated device treats the commands the DCC sends it over the WAN.
 *
 * @param mode whether it answers, stays silent, or cannot be reached
 * @param delay how long (simulated time) after the command it answers, or the DCC reports it
 *     unreachable; ignored for {@link Mode#NO_RESPONSE}, which the DCC reports after its timeout
 */
public record DeviceBehaviour(Mode mode, Duration delay) {

  /** What the device does. */
  public enum Mode {
    /** It answers after the delay: the DCC delivers an {@code I0} response. */
    ANSWER,
    /** It never answers: the DCC delivers {@code E21} once its timeout has passed. */
    NO_RESPONSE,
    /** The DCC cannot reach it: the DCC delivers {@code E20} after the delay. */
    UNREACHABLE;

    /** The name as the control API writes it: {@code answer}, {@code no-response}... */
    public String text() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Reads {@code answer}, {@code no-response} or {@code unreachable} (case and {@code _} or
     * {@code -} as written).
     *
     * @throws IllegalArgumentException naming the choices
     */
    public static Mode parse(String text) {
      String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      for (Mode m : values()) {
        if (m.name().equals(t)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "A device behaviour is answer, no-response or unreachable, not '" + text + "'");
    }
  }

  /** The longest delay a behaviour may have. */
  public static final Duration MAX_DELAY = Duration.ofDays(2);

  /** Answers at once: the default (declared after {@link #MAX_DELAY}, which it is checked with). */
  public static final DeviceBehaviour ANSWERS_AT_ONCE =
      new DeviceBehaviour(Mode.ANSWER, Duration.ZERO);

  /** Validates. */
  public DeviceBehaviour {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException(
          "A device's delay is 0 to " + MAX_DELAY.toDays() + " days, not " + delay);
    }
  }

  /** Answers after {@code delay}. */
  public static DeviceBehaviour answersAfter(Duration delay) {
    return new DeviceBehaviour(Mode.ANSWER, delay);
  }

  /** Never answers. */
  public static DeviceBehaviour silent() {
    return new DeviceBehaviour(Mode.NO_RESPONSE, Duration.ZERO);
  }

  /** Cannot be reached; reported after {@code delay}. */
  public static DeviceBehaviour unreachable(Duration delay) {
    return new DeviceBehaviour(Mode.UNREACHABLE, delay);
  }

  /**
   * Reads the setting form: {@code answer}, {@code answer:PT5S}, {@code no-response}, {@code
   * unreachable} or {@code unreachable:PT10S} (the delay ISO-8601, none meaning at once).
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  public static DeviceBehaviour parse(String text) {
    String t = java.util.Objects.requireNonNull(text, "text").strip();
    int colon = t.indexOf(':');
    Mode mode = Mode.parse(colon < 0 ? t : t.substring(0, colon));
    Duration delay = Duration.ZERO;
    if (colon >= 0) {
      if (mode == Mode.NO_RESPONSE) {
        throw new IllegalArgumentException(
            "no-response takes no delay (the DCC's timeout decides): '" + text + "'");
      }
      try {
        delay = Duration.parse(t.substring(colon + 1).strip());
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            "A device behaviour's delay is an ISO-8601 duration such as PT5S, not '"
                + t.substring(colon + 1)
                + "'");
      }
    }
    return new DeviceBehaviour(mode, delay);
  }

  /** The setting form {@link #parse} reads, e.g. {@code answer:PT5S} or {@code no-response}. */
  public String text() {
    return mode == Mode.NO_RESPONSE || delay.isZero() ? mode.text() : mode.text() + ":" + delay;
  }
}
