package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.EstateFile;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone server's device inventory: in its store, from an estate file or synthetic. */
class StandaloneInventoryTest {
  @TempDir Path data;

  private SimulatorConfig config(Path dataDir, Map<String, String> more) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "-1");
    f.put("data-dir", dataDir.toString());
    f.putAll(more);
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void anEstateFileFillsAnEmptyStoreWhichKeepsItsDevicesAcrossARestart() throws Exception {
    List<Device> estate = SyntheticEstate.devices(2, 7L);
    Path file = data.resolve("estate.csv");
    EstateFile.write(file, estate);
    Path dir = data.resolve("with-file");
    try (StandaloneSimulator s =
        StandaloneSimulator.start(config(dir, Map.of("inventory-file", file.toString())))) {
      assertThat(s.simulator().inventory().count()).isEqualTo(estate.size());
      assertThat(s.simulator().inventory().find(estate.get(0).eui())).contains(estate.get(0));
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config(dir, Map.of()))) {
      assertThat(again.simulator().inventory().count())
          .as("kept in the store; the synthetic estate only fills an empty inventory")
          .isEqualTo(estate.size());
    }
  }

  @Test
  void withoutAFileTheSyntheticEstateFillsTheStoreAndABadFileStopsTheStart() throws Exception {
    try (StandaloneSimulator s =
        StandaloneSimulator.start(config(data.resolve("plain"), Map.of()))) {
      assertThat(s.simulator().inventory().count())
          .isEqualTo(6L * Simulator.DEFAULT_SYNTHETIC_PREMISES);
    }
    Path bad = data.resolve("bad.csv");
    Files.writeString(bad, "not,an,estate\n");
    assertThatThrownBy(
            () ->
                StandaloneSimulator.start(
                    config(data.resolve("bad"), Map.of("inventory-file", bad.toString()))))
        .hasMessageContaining("line 1");
  }

  @Test
  void theControlApiFindsDevicesAndMovesTheirStatus() throws Exception {
    try (StandaloneSimulator s =
        StandaloneSimulator.start(config(data.resolve("api"), Map.of("control-port", "0")))) {
      // the first device of the synthetic estate, as the server holds it
      Device meter =
          s.simulator().inventory().find(SyntheticEstate.devices(1, 1L).get(0).eui()).orElseThrow();

      var count = ControlCalls.call(s, "GET", "devices", null);
      assertThat(count.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(count.body()).get("count").asLong())
          .isEqualTo(6L * Simulator.DEFAULT_SYNTHETIC_PREMISES);

      var atUprn =
          ControlCalls.call(s, "GET", "devices?uprn=" + meter.uprn().orElseThrow().value(), null);
      assertThat(JSON.readTree(atUprn.body()).get("count").asInt()).isEqualTo(6);

      var one = ControlCalls.call(s, "GET", "devices/" + meter.eui(), null);
      assertThat(JSON.readTree(one.body()).get("status").asText()).isEqualTo("Commissioned");

      var moved =
          ControlCalls.call(
              s, "PUT", "devices/" + meter.eui() + "/status", "{\"status\": \"Suspended\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
      assertThat(s.simulator().inventory().find(meter.eui()).orElseThrow().status().duisText())
          .isEqualTo("Suspended");

      assertThat(ControlCalls.call(s, "GET", "devices/00-0D-6F-00-00-00-00-09", null).statusCode())
          .isEqualTo(404);
      assertThat(
              ControlCalls.call(
                      s, "PUT", "devices/" + meter.eui() + "/status", "{\"status\": \"Broken\"}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(ControlCalls.call(s, "GET", "devices?colour=red", null).statusCode())
          .isEqualTo(400);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
