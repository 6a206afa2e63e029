package io.dccsim.core.gbcs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The known-answer vectors {@code gbcs-vectors.txt} that {@code src/test/python/gbcs_vectors.py}
 * wrote with Python's {@code cryptography}: sections {@code [name]} of {@code key = value} lines.
 */
final class GbcsVectors {
  static final String RESOURCE = "gbcs-vectors.txt";

  private GbcsVectors() {}

  /** One vector's fields. */
  record Vector(String name, Map<String, String> fields) {
    String get(String key) {
      String v = fields.get(key);
      if (v == null) {
        throw new NoSuchElementException(name + " has no " + key);
      }
      return v;
    }

    boolean has(String key) {
      return fields.containsKey(key);
    }

    byte[] bytes(String key) {
      return Octets.fromHex(get(key)).toByteArray();
    }

    long counter(String key) {
      return Long.parseUnsignedLong(get(key), 16);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Map<String, Vector> committed() throws IOException {
    try (InputStream in = GbcsVectors.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
  }

  static Map<String, Vector> parse(String text) {
    Map<String, Vector> out = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : text.split("\n", -1)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        String name = line.substring(1, line.length() - 1);
        current = new LinkedHashMap<>();
        out.put(name, new Vector(name, current));
      } else {
        int eq = line.indexOf('=');
        if (eq < 0 || current == null) {
          throw new IllegalArgumentException("not a vector line: " + line);
        }
        current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return out;
  }
}
