package io.dccsim.core.wan;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * The text of an SR 12.1 {@code WANTechnology} element exactly as sent: the WAN variant a
 * Communications Hub at the premises would need. It is kept verbatim, whitespace included, so that
 * a single space survives a round trip; {@link #interpret(Baseline)} says what it means.
 *
 * <p>DUIS allows 1 to 30 characters. The empty text is accepted here so that a faulty answer can be
 * modelled and read leniently; schema validation rejects it.
 *
 * @param text the verbatim text, at most 30 characters
 */
public record WanTechnology(String text) {
  /** The longest text DUIS allows. */
  public static final int MAX_LENGTH = 30;

  /** The single space South and Central CSPs send when they cannot confirm the WAN variant. */
  public static final WanTechnology SPACE = new WanTechnology(" ");

  /** The literal {@code Unknown}. */
  public static final WanTechnology UNKNOWN = new WanTechnology("Unknown");

  /** Checks the text is present and at most 30 characters. */
  public WanTechnology {
    Objects.requireNonNull(text, "text");
    int n = text.codePointCount(0, text.length());
    if (n > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "A WAN technology is at most " + MAX_LENGTH + " characters, not " + n);
    }
  }

  /** The technology with this verbatim text. */
  public static WanTechnology of(String text) {
    return new WanTechnology(text);
  }

  /** What this text means under {@code baseline}; see {@link WanVariant#interpret}. */
  public WanVariant interpret(Baseline baseline) {
    return WanVariant.interpret(text, baseline);
  }

  /** What this text means under the baseline {@code policy} gives for now on {@code clock}. */
  public WanVariant interpret(BaselinePolicy policy, Clock clock) {
    return interpret(policy.current(clock));
  }

  /** The text between quotes, so whitespace is visible. */
  @Override
  public String toString() {
    return "WanTechnology[\"" + text + "\"]";
  }
}
