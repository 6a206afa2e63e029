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
      String token = Files.readString(s.configuration().controlTokenFile()).strip();
      java.net.URI base = s.control().orElseThrow().baseUri();

      var count = call(base.resolve("devices"), token, "GET", null);
      assertThat(count.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(count.body()).get("count").asLong())
          .isEqualTo(6L * Simulator.DEFAULT_SYNTHETIC_PREMISES);

      var atUprn =
          call(
              base.resolve("devices?uprn=" + meter.uprn().orElseThrow().value()),
              token,
              "GET",
              null);
      assertThat(JSON.readTree(atUprn.body()).get("count").asInt()).isEqualTo(6);

      var one = call(base.resolve("devices/" + meter.eui()), token, "GET", null);
      assertThat(JSON.readTree(one.body()).get("status").asText()).isEqualTo("Commissioned");

      var moved =
          call(
              base.resolve("devices/" + meter.eui() + "/status"),
              token,
              "PUT",
              "{\"status\": \"Suspended\"}");
      assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
      assertThat(s.simulator().inventory().find(meter.eui()).orElseThrow().status().duisText())
          .isEqualTo("Suspended");

      assertThat(
              call(base.resolve("devices/00-0D-6F-00-00-00-00-09"), token, "GET", null)
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              call(
                      base.resolve("devices/" + meter.eui() + "/status"),
                      token,
                      "PUT",
                      "{\"status\": \"Broken\"}")
                  .statusCode())
          .isEqualTo(400);
      assertThat(call(base.resolve("devices?colour=red"), token, "GET", null).statusCode())
          .isEqualTo(400);
    }
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static java.net.http.HttpResponse<String> call(
      java.net.URI uri, String token, String method, String body) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}
