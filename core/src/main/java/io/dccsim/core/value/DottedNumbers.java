package io.dccsim.core.value;

import java.util.Arrays;

/** Reads the dotted numbers of service references ({@code 12.1}, {@code 6.15.1}). */
final class DottedNumbers {
  private DottedNumbers() {}

  static int[] parse(String what, String text, int minParts, int maxParts) {
    if (text == null) {
      throw new IllegalArgumentException("Not a " + what + ": null");
    }
    String s = text.strip();
    int[] parts = new int[maxParts];
    int count = 0;
    int i = 0;
    while (true) {
      int start = i;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      int len = i - start;
      if (len == 0 || len > 2 || (len == 2 && s.charAt(start) == '0') || count == maxParts) {
        throw invalid(what, s, minParts, maxParts);
      }
      parts[count++] = Integer.parseInt(s, start, i, 10);
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != '.') {
        throw invalid(what, s, minParts, maxParts);
      }
      i++;
    }
    if (count < minParts) {
      throw invalid(what, s, minParts, maxParts);
    }
    return count == maxParts ? parts : Arrays.copyOf(parts, count);
  }

  private static IllegalArgumentException invalid(String what, String s, int min, int max) {
    String shown = s.length() > 20 ? s.substring(0, 20) + "..." : s;
    String shape = min == max ? min + " dotted numbers" : min + " or " + max + " dotted numbers";
    return new IllegalArgumentException(
        "Not a " + what + ": '" + shown + "' (expected " + shape + " of 1-2 digits)");
  }
}
