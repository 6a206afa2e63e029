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

  @Test
  void theControlApiAddsAndRemovesDevicesAndRefusesTwoFilters() throws Exception {
    try (StandaloneSimulator s =
        StandaloneSimulator.start(config(data.resolve("add"), Map.of("control-port", "0")))) {
      long before = s.simulator().inventory().count();
      Device bare =
          Device.prenotified(
              io.dccsim.core.value.Eui64.parse("DE-DC-C5-01-FF-00-00-01"),
              io.dccsim.core.inventory.DeviceType.ESME,
              "Acme Meters",
              "E-2",
              "1.2.0",
              "SMETS2 V4.2",
              "3.2",
              java.util.Optional.empty());
      java.io.StringWriter w = new java.io.StringWriter();
      EstateFile.write(w, EstateFile.Format.JSON, List.of(bare));
      String one = JSON.readTree(w.toString()).get(0).toString();

      var added = ControlCalls.call(s, "POST", "devices", one);
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
      var served = JSON.readTree(ControlCalls.call(s, "GET", "devices/" + bare.eui(), null).body());
      assertThat(served.get("status").asText()).isEqualTo("Pending");
      assertThat(served.has("postcode")).isFalse();
      assertThat(served.has("address_identifier")).isFalse();
      assertThat(served.has("csp_region")).isFalse();
      // kept in the store as given
      assertThat(s.simulator().inventory().find(bare.eui())).contains(bare);

      var again = ControlCalls.call(s, "POST", "devices", "{\"devices\": [" + one + "]}");
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains(bare.eui().toString());

      Device meter = SyntheticEstate.devices(1, 1L).get(0);
      var two =
          ControlCalls.call(
              s,
              "GET",
              "devices?uprn=" + meter.uprn().orElseThrow().value() + "&postcode=M22%200RR",
              null);
      assertThat(two.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(two.body()).get("detail").asText()).contains("exactly one");

      var removed = ControlCalls.call(s, "DELETE", "devices/" + bare.eui(), null);
      assertThat(removed.statusCode()).isEqualTo(204);
      assertThat(ControlCalls.call(s, "DELETE", "devices/" + bare.eui(), null).statusCode())
          .isEqualTo(404);
      assertThat(s.simulator().inventory().count()).isEqualTo(before);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
}
