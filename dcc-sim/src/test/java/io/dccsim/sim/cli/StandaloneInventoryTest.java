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
}
