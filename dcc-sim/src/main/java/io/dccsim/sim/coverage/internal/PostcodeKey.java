package io.dccsim.sim.coverage.internal;

import io.dccsim.core.value.Postcode;
import java.util.Optional;
import java.util.Set;

/**
 * Postcodes as table keys: only those in a postcode area that exists, packed into a {@code long}
 * (37 bits: base 37, one digit per character of the outward code padded to four, then the inward
 * code) so that large coverage tables stay compact.
 */
public final class PostcodeKey {

  /** Every UK postcode area (including Northern Ireland and the Crown dependencies). */
  public static final Set<String> AREAS =
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

  private PostcodeKey() {}

  /** A postcode that parses (see {@link Postcode#parse}) and lies in a known area (or GIR 0AA). */
  public static Optional<Postcode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      Postcode p = Postcode.parse(text);
      return AREAS.contains(p.area()) || p.outward().equals("GIR")
          ? Optional.of(p)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Packs a postcode. */
  public static long pack(Postcode postcode) {
    String outward = postcode.outward();
    String inward = postcode.inward();
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

  /** Reverses {@link #pack}. */
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
}
