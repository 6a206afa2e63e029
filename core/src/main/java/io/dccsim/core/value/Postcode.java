package io.dccsim.core.value;

import java.util.Locale;
import java.util.Objects;

/**
 * A UK postcode in its normal form: outward code, one space, inward code ({@code M22 0RR}).
 *
 * <p>Parsing is forgiving about case and the space between the two halves ({@code m220rr}, {@code
 * M22 0RR}) and strict about shape: the outward code is one of A9, A99, A9A, AA9, AA99, AA9A; the
 * inward code is 9AA; and the letters each position may hold follow the national postcode rules
 * (for example the first letter is never Q, V or X, and the inward letters never C, I, K, M, O or
 * V). The non-geographic {@code GIR 0AA} is accepted.
 *
 * @param outward the outward code, e.g. {@code M22}
 * @param inward the inward code, e.g. {@code 0RR}
 */
public record Postcode(String outward, String inward) {

  private static final String NOT_FIRST = "QVX";
  private static final String NOT_SECOND = "IJZ";
  private static final String THIRD_A9A = "ABCDEFGHJKPSTUW";
  private static final String FOURTH_AA9A = "ABEHMNPRVWXY";
  private static final String NOT_INWARD = "CIKMOV";
  private static final int MAX_INPUT = 16;

  /** Checks that the two halves together form a valid postcode. */
  public Postcode {
    Objects.requireNonNull(outward, "outward");
    Objects.requireNonNull(inward, "inward");
    String why = problem(outward, inward);
    if (why != null) {
      throw invalid(outward + " " + inward, why);
    }
  }

  /**
   * Reads a postcode, ignoring case, surrounding whitespace and spaces between the halves.
   *
   * @throws IllegalArgumentException naming the problem when the text cannot be a postcode
   */
  public static Postcode parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    if (s.length() > MAX_INPUT) {
      throw invalid(text, "too long");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(digit(c) || letter(c) || (c >= 'a' && c <= 'z') || c == ' ')) {
        throw invalid(text, "only letters A-Z, digits and a space may appear");
      }
    }
    int inwardStart = s.length() - 3;
    if (inwardStart < 2) {
      throw invalid(text, "too short");
    }
    int outwardEnd = inwardStart;
    while (outwardEnd > 0 && s.charAt(outwardEnd - 1) == ' ') {
      outwardEnd--;
    }
    String outward = s.substring(0, outwardEnd).toUpperCase(Locale.ROOT);
    String inward = s.substring(inwardStart).toUpperCase(Locale.ROOT);
    String why = problem(outward, inward);
    if (why != null) {
      throw invalid(text, why);
    }
    return new Postcode(outward, inward);
  }

  /** Whether {@code text} parses as a postcode. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String problem(String out, String in) {
    if (out.equals("GIR") && in.equals("0AA")) {
      return null;
    }
    if (in.length() != 3
        || !digit(in.charAt(0))
        || !inwardLetter(in.charAt(1))
        || !inwardLetter(in.charAt(2))) {
      return "the inward code must be a digit and two letters (not C, I, K, M, O or V)";
    }
    int n = out.length();
    if (n < 2 || n > 4) {
      return "the outward code must have 2 to 4 characters";
    }
    char c0 = out.charAt(0);
    if (!letter(c0) || NOT_FIRST.indexOf(c0) >= 0) {
      return "the outward code must start with a letter other than Q, V or X";
    }
    char c1 = out.charAt(1);
    if (digit(c1)) {
      // A9, A99, A9A
      if (n == 2) {
        return null;
      }
      if (n == 3) {
        char c2 = out.charAt(2);
        if (digit(c2) || THIRD_A9A.indexOf(c2) >= 0) {
          return null;
        }
        return "in an A9A outward code the last letter must be one of " + THIRD_A9A;
      }
      return "an outward code starting A9 has at most 3 characters";
    }
    if (!letter(c1) || NOT_SECOND.indexOf(c1) >= 0) {
      return "the outward code's second character must be a digit or a letter other than I, J or Z";
    }
    // AA9, AA99, AA9A
    if (n < 3 || !digit(out.charAt(2))) {
      return "an outward code starting with two letters continues with a digit";
    }
    if (n == 4) {
      char c3 = out.charAt(3);
      if (!digit(c3) && FOURTH_AA9A.indexOf(c3) < 0) {
        return "in an AA9A outward code the last letter must be one of " + FOURTH_AA9A;
      }
    }
    return null;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean letter(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static boolean inwardLetter(char c) {
    return letter(c) && NOT_INWARD.indexOf(c) < 0;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    String shown = text.length() > 20 ? text.substring(0, 20) + "..." : text;
    return new IllegalArgumentException("Not a postcode: '" + shown + "': " + why);
  }

  /** The postcode area: the outward code's leading letters, e.g. {@code M} or {@code SW}. */
  public String area() {
    int i = 0;
    while (i < outward.length() && letter(outward.charAt(i))) {
      i++;
    }
    return outward.substring(0, i);
  }

  /** The postcode sector: outward code, space, inward digit, e.g. {@code M22 0}. */
  public String sector() {
    return outward + " " + inward.charAt(0);
  }

  /** The normal form, e.g. {@code M22 0RR}. */
  @Override
  public String toString() {
    return outward + " " + inward;
  }
}
