package io.dccsim.sim.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a YAML settings file: a flat mapping of keys (as in {@link SimulatorConfig#KEYS}). */
public final class ConfigFile {
  private ConfigFile() {}

  /** The file's settings, values as text. */
  public static Map<String, String> read(Path file) throws IOException {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return out;
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException(file + ": expected a mapping of settings");
    }
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (!e.getValue().isValueNode()) {
        throw new IllegalArgumentException(file + ": setting '" + e.getKey() + "' is not a value");
      }
      out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
    }
    return out;
  }
}
