package io.dccsim.sim.cli;

import io.dccsim.core.schema.DuisSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code duis-schema-file} setting: the XSD requests are validated against, the project's own
 * when unset. A file that is missing or not a usable schema stops the start with one line naming
 * the setting.
 */
final class DuisSchemaSetting {
  static final String KEY = "duis-schema-file";

  private DuisSchemaSetting() {}

  /** The schema the setting names, or the built-in one. */
  static DuisSchema load(Optional<Path> file) {
    if (file.isEmpty()) {
      return DuisSchema.builtIn();
    }
    try {
      return DuisSchema.fromFile(file.get());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Setting '" + KEY + "': " + oneLine(e.getMessage()), e);
    }
  }

  private static String oneLine(String message) {
    String m = message == null ? "not a usable schema" : message.replaceAll("\\s+", " ").strip();
    return m.length() > 400 ? m.substring(0, 400) + "..." : m;
  }
}
