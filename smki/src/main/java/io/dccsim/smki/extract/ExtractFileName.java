package io.dccsim.smki.extract;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of an extract file: {@code smki-extract-<number, 10 digits>-<FULL|DELTA>-<cut-off
 * yyyyMMddTHHmmssZ>.smkx}, e.g. {@code smki-extract-0000000042-DELTA-20210625T003000Z.smkx}. Names
 * sort in extract-number order. The detached digest sits beside it with {@code .sha256} appended.
 *
 * @param number the extract number
 * @param kind full or delta
 * @param cutOff the cut-off instant (the name keeps whole seconds)
 */
public record ExtractFileName(long number, ExtractKind kind, Instant cutOff) {

  /** The extension of extract files. */
  public static final String EXTENSION = ".smkx";

  /** The suffix of the detached digest file. */
  public static final String DIGEST_SUFFIX = ".sha256";

  private static final Pattern NAME =
      Pattern.compile("smki-extract-(\\d{10})-(FULL|DELTA)-(\\d{8}T\\d{6}Z)\\.smkx");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** Validates. */
  public ExtractFileName {
    if (number <= 0 || number > 9_999_999_999L) {
      throw new IllegalArgumentException("Extract number out of range: " + number);
    }
    Objects.requireNonNull(kind, "kind");
    cutOff = Objects.requireNonNull(cutOff, "cutOff").truncatedTo(ChronoUnit.SECONDS);
  }

  /** The name, when {@code name} is an extract file name; empty for any other name. */
  public static Optional<ExtractFileName> parse(String name) {
    Matcher m = NAME.matcher(Objects.requireNonNull(name, "name"));
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ExtractFileName(
              Long.parseLong(m.group(1)),
              ExtractKind.valueOf(m.group(2)),
              STAMP.parse(m.group(3), Instant::from)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The detached digest file's name. */
  public String digestName() {
    return this + DIGEST_SUFFIX;
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "smki-extract-%010d-%s-%s%s",
        number,
        kind,
        STAMP.format(cutOff),
        EXTENSION);
  }
}
