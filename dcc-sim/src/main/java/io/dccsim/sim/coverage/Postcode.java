package io.dccsim.sim.coverage;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A syntactically valid UK postcode in a known postcode area, normalised to upper case with one
 * space before the inward code ({@code M22 0RR}). Packs into a {@code long} so that large coverage
 * tables stay compact.
 *
 * @param outward the outward code, e.g. {@code M22}
 * @param inward the inward code, e.g. {@code 0RR}
 */
public record Postcode(String outward, String inward) implements Comparable<Postcode> {

  /** Every UK postcode area (including Northern Ireland and the Crown dependencies). */
  static final Set<String> AREAS =
      Set.of(
          "AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF",
          "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
          "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG",
          "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L",
          "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN",
          "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S",
          "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA",
          "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR",
          "WS", "WV", "YO", "ZE");

  private static final String PACK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** Parses a postcode written with or without its space, in any case. */
  public static Optional<Postcode> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
    if (compact.length() < 5 || compact.length() > 7) {
      return Optional.empty();
    }
    String outward = compact.substring(0, compact.length() - 3);
    String inward = compact.substring(compact.length() - 3);
    if (!validInward(inward) || !validOutward(outward) || !AREAS.contains(area(outward))) {
      return Optional.empty();
    }
    // Only a single space, and only between outward and inward, is tolerated.
    String trimmed = text.trim();
    if (trimmed.length() != compact.length()
        && !(trimmed.length() == compact.length() + 1 && trimmed.charAt(outward.length()) == ' ')) {
      return Optional.empty();
    }
    return Optional.of(new Postcode(outward, inward));
  }

  /** Parses, or throws {@link IllegalArgumentException}. */
  public static Postcode parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("Not a UK postcode: '" + text + "'"));
  }

  /** The letters of the outward code before its first digit: the postcode area, e.g. {@code M}. */
  public String area() {
    return area(outward);
  }

  /**
   * Packs into 37 bits: base 37, one digit per character of the outward code padded to four, then
   * the inward code.
   */
  public long pack() {
    long packed = 0;
    for (int i = 0; i < 4; i++) {
      packed = packed * 37 + (i < outward.length() ? digit(outward.charAt(i)) : 0);
    }
    for (int i = 0; i < 3; i++) {
      packed = packed * 37 + digit(inward.charAt(i));
    }
    return packed;
  }

  private static int digit(char c) {
    return c <= '9' ? c - '0' + 1 : c - 'A' + 11;
  }

  /** Reverses {@link #pack()}. */
  public static Postcode unpack(long packed) {
    char[] chars = new char[7];
    for (int i = 6; i >= 0; i--) {
      int digit = (int) (packed % 37);
      chars[i] = digit == 0 ? ' ' : PACK_ALPHABET.charAt(digit - 1);
      packed /= 37;
    }
    String text = new String(chars);
    return new Postcode(text.substring(0, 4).trim(), text.substring(4));
  }

  @Override
  public int compareTo(Postcode other) {
    return Long.compare(pack(), other.pack());
  }

  @Override
  public String toString() {
    return outward + " " + inward;
  }

  private static String area(String outward) {
    int i = 0;
    while (i < outward.length() && Character.isLetter(outward.charAt(i))) {
      i++;
    }
    return outward.substring(0, i);
  }

  private static boolean validInward(String inward) {
    return isDigit(inward.charAt(0))
        && "ABDEFGHJLNPQRSTUWXYZ".indexOf(inward.charAt(1)) >= 0
        && "ABDEFGHJLNPQRSTUWXYZ".indexOf(inward.charAt(2)) >= 0;
  }

  // A9, A99, AA9, AA99, A9A, AA9A
  private static boolean validOutward(String o) {
    return switch (o.length()) {
      case 2 -> isLetter(o.charAt(0)) && isDigit(o.charAt(1));
      case 3 ->
          isLetter(o.charAt(0))
              && ((isDigit(o.charAt(1)) && (isDigit(o.charAt(2)) || isLetter(o.charAt(2))))
                  || (isLetter(o.charAt(1)) && isDigit(o.charAt(2))));
      case 4 ->
          isLetter(o.charAt(0))
              && isLetter(o.charAt(1))
              && isDigit(o.charAt(2))
              && (isDigit(o.charAt(3)) || isLetter(o.charAt(3)));
      default -> false;
    };
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
