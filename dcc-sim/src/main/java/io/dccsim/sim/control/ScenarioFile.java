package io.dccsim.sim.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.sim.control.internal.BadControlRequest;
import io.dccsim.sim.control.internal.ControlJson;
import io.dccsim.sim.scenario.ScenarioDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A file of scenarios the standalone server installs at start and again after each reset: a JSON
 * array of scenarios, or {@code {"scenarios": [...]}}, each exactly as {@code POST
 * /control/scenarios} takes it. Canned answers for SRs the simulator does not simulate live here as
 * well as faults.
 */
public final class ScenarioFile {
  /** The largest file read. */
  public static final int MAX_BYTES = 4 << 20;

  private ScenarioFile() {}

  /**
   * The scenarios of the file, in order.
   *
   * @throws IllegalArgumentException naming the file and the scenario at fault
   * @throws UncheckedIOException when it cannot be read
   */
  public static List<ScenarioDefinition> read(Path file) {
    JsonNode root;
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new IllegalArgumentException(
            "scenarios-file " + file + " is larger than " + MAX_BYTES + " bytes");
      }
      root = new ObjectMapper().readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "scenarios-file " + file + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading scenarios-file " + file + " failed", e);
    }
    JsonNode list = root != null && root.isObject() ? root.get("scenarios") : root;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          "scenarios-file " + file + " holds an array of scenarios or {\"scenarios\": [...]}");
    }
    List<ScenarioDefinition> out = new ArrayList<>();
    int n = 0;
    for (JsonNode s : list) {
      n++;
      if (!s.isObject()) {
        throw new IllegalArgumentException(
            "scenarios-file " + file + ": scenario " + n + " is not an object");
      }
      try {
        out.add(ControlJson.scenario((ObjectNode) s));
      } catch (BadControlRequest | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "scenarios-file " + file + ": scenario " + n + ": " + e.getMessage(), e);
      }
    }
    return List.copyOf(out);
  }
}
