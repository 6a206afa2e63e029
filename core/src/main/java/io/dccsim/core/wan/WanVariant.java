package io.dccsim.core.wan;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.Modification;
import java.util.Objects;
import java.util.Optional;

/**
 * What an SR 12.1 WAN technology text means: a named WAN variant, Unknown, or (before MP106)
 * unspecified.
 *
 * <p>The interpretation (MP106, SEC Appendix I):
 *
 * <ul>
 *   <li>The literal {@code Unknown} is {@link Kind#UNKNOWN} under every baseline; other casings or
 *       surrounding whitespace ({@code unknown}, {@code " Unknown "}) are Unknown too, flagged
 *       {@linkplain #nonStandard() non-standard}.
 *   <li>A single space {@code " "} is {@link Kind#UNKNOWN} once MP106 is in force ({@code
 *       JUNE_2021}); before it, it has no defined meaning and surfaces as {@link Kind#UNSPECIFIED},
 *       kept but not interpreted.
 *   <li>Any other whitespace-only text (empty, several spaces, tab, line breaks, no-break space and
 *       other Unicode spaces, zero-width space, byte order mark) is treated as a single space would
 *       be (Unknown under {@code JUNE_2021}, unspecified before) and flagged non-standard: MP106
 *       speaks only of one space.
 *   <li>Anything else names a variant ({@link Kind#KNOWN}); surrounding whitespace is stripped from
 *       the name and flags it non-standard.
 * </ul>
 */
public final class WanVariant {

  /** The three things a WAN technology text can mean. */
  public enum Kind {
    /** A named WAN variant. */
    KNOWN,
    /** The WAN variant is not known. */
    UNKNOWN,
    /** The text has no defined meaning under the baseline in force (a blank before MP106). */
    UNSPECIFIED
  }

  private static final String UNKNOWN_TEXT = "Unknown";

  private final Kind kind;
  private final String raw;
  private final String name;
  private final boolean nonStandard;

  private WanVariant(Kind kind, String raw, String name, boolean nonStandard) {
    this.kind = kind;
    this.raw = raw;
    this.name = name;
    this.nonStandard = nonStandard;
  }

  /** Interprets {@code raw} under {@code baseline}; see the class description for the rules. */
  public static WanVariant interpret(String raw, Baseline baseline) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(baseline, "baseline");
    if (raw.equals(UNKNOWN_TEXT)) {
      return new WanVariant(Kind.UNKNOWN, raw, null, false);
    }
    if (isBlank(raw)) {
      boolean standard = raw.equals(" ");
      Kind kind = baseline.isInForce(Modification.MP106) ? Kind.UNKNOWN : Kind.UNSPECIFIED;
      return new WanVariant(kind, raw, null, !standard);
    }
    String stripped = strip(raw);
    if (stripped.equalsIgnoreCase(UNKNOWN_TEXT)) {
      return new WanVariant(Kind.UNKNOWN, raw, null, true);
    }
    return new WanVariant(Kind.KNOWN, raw, stripped, !stripped.equals(raw));
  }

  /** A named variant, e.g. {@code known("4G")}. */
  public static WanVariant known(String name) {
    Objects.requireNonNull(name, "name");
    if (isBlank(name) || !strip(name).equals(name) || name.equalsIgnoreCase(UNKNOWN_TEXT)) {
      throw new IllegalArgumentException(
          "A WAN variant name is non-blank text, not '" + name + "'");
    }
    return new WanVariant(Kind.KNOWN, name, name, false);
  }

  /** Whether {@code c} counts as blank for MP106: any whitespace, Unicode space or invisible. */
  static boolean isBlankChar(int c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || c == '\u200B'
        || c == '\uFEFF'
        || c == '\u2060';
  }

  static boolean isBlank(String s) {
    return s.codePoints().allMatch(WanVariant::isBlankChar);
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isBlankChar(s.charAt(start))) {
      start++;
    }
    while (end > start && isBlankChar(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  /** Named, Unknown or unspecified. */
  public Kind kind() {
    return kind;
  }

  /** Whether the variant is Unknown. */
  public boolean isUnknown() {
    return kind == Kind.UNKNOWN;
  }

  /** The variant's name, for {@link Kind#KNOWN} only, without surrounding whitespace. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The text exactly as it was sent. */
  public String raw() {
    return raw;
  }

  /**
   * Whether the text departed from the standard forms (exact {@code Unknown}, exactly one space, or
   * a name without surrounding whitespace) and was interpreted leniently.
   */
  public boolean nonStandard() {
    return nonStandard;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WanVariant w
        && w.kind == kind
        && w.raw.equals(raw)
        && Objects.equals(w.name, name)
        && w.nonStandard == nonStandard;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, raw, name, nonStandard);
  }

  @Override
  public String toString() {
    String shown = kind == Kind.KNOWN ? kind + " " + name : kind.toString();
    return "WanVariant["
        + shown
        + ", raw \""
        + raw
        + "\""
        + (nonStandard ? ", non-standard" : "")
        + "]";
  }
}
