package io.dccsim.core.value;

import java.util.Objects;

/**
 * The {@code schemaVersion} of a DUIS document: a decimal such as {@code 5.1}. Versions 5.0 and 5.1
 * were in use in June 2021; 5.3 and 5.4 came later and changed the SR 12.1 response to one result
 * per CSP region. 5.2 is known too: the DCC's public reference test messages for several non-device
 * Service Requests are written in it; its SR 12.1 answer is the flat form, as before 5.3.
 *
 * <p>Any {@code major.minor} of one or two digits each parses, so that documents of versions this
 * library does not know can still be read and passed through; {@link #isPublished()} tells the
 * known ones apart.
 *
 * @param major the number before the point
 * @param minor the number after the point
 */
public record SchemaVersion(int major, int minor) implements Comparable<SchemaVersion> {
  /** DUIS 5.0. */
  public static final SchemaVersion V5_0 = new SchemaVersion(5, 0);

  /** DUIS 5.1, current at the June 2021 release. */
  public static final SchemaVersion V5_1 = new SchemaVersion(5, 1);

  /** DUIS 5.2, in which several of the DCC's reference test messages are written. */
  public static final SchemaVersion V5_2 = new SchemaVersion(5, 2);

  /** DUIS 5.3, the first with the per-region SR 12.1 response. */
  public static final SchemaVersion V5_3 = new SchemaVersion(5, 3);

  /** DUIS 5.4. */
  public static final SchemaVersion V5_4 = new SchemaVersion(5, 4);

  /** Checks both numbers are 0 to 99. */
  public SchemaVersion {
    if (major < 0 || major > 99 || minor < 0 || minor > 99) {
      throw new IllegalArgumentException(
          "A schema version is two numbers of 0 to 99, not " + major + "." + minor);
    }
  }

  /**
   * Reads {@code 5.1}. A whole number ({@code 5}) means {@code 5.0}.
   *
   * @throws IllegalArgumentException when the text is not such a decimal
   */
  public static SchemaVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String s = text.strip();
    int dot = s.indexOf('.');
    String a = dot < 0 ? s : s.substring(0, dot);
    String b = dot < 0 ? "0" : s.substring(dot + 1);
    if (!digits(a) || !digits(b)) {
      String shown = s.length() > 20 ? s.substring(0, 20) + "..." : s;
      throw new IllegalArgumentException(
          "Not a schema version: '" + shown + "' (expected a decimal such as 5.1)");
    }
    return new SchemaVersion(Integer.parseInt(a), Integer.parseInt(b));
  }

  private static boolean digits(String s) {
    if (s.isEmpty() || s.length() > 2) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether this is one of the published versions 5.0, 5.1, 5.2, 5.3, 5.4. */
  public boolean isPublished() {
    return equals(V5_0) || equals(V5_1) || equals(V5_2) || equals(V5_3) || equals(V5_4);
  }

  /**
   * Whether the SR 12.1 response has one {@code DSPWANMatrixResponse} per CSP region (5.3 on)
   * rather than one flat result (5.0, 5.1).
   */
  public boolean perRegionWanMatrix() {
    return compareTo(V5_3) >= 0;
  }

  @Override
  public int compareTo(SchemaVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  /** The decimal form, e.g. {@code 5.1}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
