package io.dccsim.core.release;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One version in the history of a Release Implementation Document.
 *
 * @param version the version label, e.g. {@code 7.0}
 * @param date the day the version was issued
 * @param changes what the version changed
 */
public record DocumentVersion(String version, LocalDate date, String changes) {
  /** Checks that every part is present. */
  public DocumentVersion {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(changes, "changes");
  }
}
