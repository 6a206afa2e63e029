package io.dccsim.examples.supplier;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The adapter's conclusion about one address.
 *
 * @param advice what to do
 * @param from when coverage is anticipated, if the DCC said
 * @param wanVariant the named WAN variant, when known
 * @param reason why, in words for the booking agent
 */
public record Assessment(
    Advice advice, Optional<LocalDate> from, Optional<String> wanVariant, String reason) {
  /** Validates. */
  public Assessment {
    Objects.requireNonNull(advice, "advice");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(wanVariant, "wanVariant");
    Objects.requireNonNull(reason, "reason");
  }
}
