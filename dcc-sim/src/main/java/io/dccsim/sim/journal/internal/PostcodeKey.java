package io.dccsim.sim.journal.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The canonical text of a GB postcode as the pipeline reports it ({@code M22 0RR}): upper case, one
 * space before the inward code. Lets tests write {@code m220rr} and still match.
 */
public final class PostcodeKey {
  private PostcodeKey() {}

  /** The canonical form of {@code postcode}; text too short to split is only upper-cased. */
  public static String canonical(String postcode) {
    Objects.requireNonNull(postcode, "postcode");
    StringBuilder compact = new StringBuilder(postcode.length());
    for (int i = 0; i < postcode.length(); i++) {
      char c = postcode.charAt(i);
      if (!Character.isWhitespace(c)) {
        compact.append(c);
      }
    }
    String s = compact.toString().toUpperCase(Locale.ROOT);
    if (s.length() < 5) {
      return s;
    }
    return s.substring(0, s.length() - 3) + " " + s.substring(s.length() - 3);
  }
}
