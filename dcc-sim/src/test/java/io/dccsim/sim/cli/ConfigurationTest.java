package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.sim.config.ConfigFile;
import io.dccsim.sim.config.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigurationTest {
  @TempDir Path dir;

  @Test
  void defaultsAreSafe() {
    SimulatorConfig c = SimulatorConfig.from(Map.of(), Map.of(), Map.of());
    assertThat(c.host()).isEqualTo("127.0.0.1");
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.pkiDir()).isEqualTo(Path.of("./data").resolve("pki"));
    assertThat(c.tlsCertFile()).isEmpty();
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void flagsWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
    Path yaml = dir.resolve("dccsim.yaml");
    Files.writeString(yaml, "port: 9001\nbaseline: PRE_JUNE_2021\nwork-queue: 7\n");
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs("--config", yaml.toString(), "--port", "9003");
    SimulatorConfig c =
        serve.configuration(Map.of("DCCSIM_PORT", "9002", "DCCSIM_WORK_QUEUE", "8", "HOME", "/x"));
    assertThat(c.port()).isEqualTo(9003);
    assertThat(c.workQueue()).isEqualTo(8);
    assertThat(c.baseline()).isEqualTo("PRE_JUNE_2021");
  }

  @Test
  void mistakesNameTheSetting() throws Exception {
    assertThatThrownBy(() -> SimulatorConfig.from(Map.of("prot", "1"), Map.of(), Map.of()))
        .hasMessageContaining("Unknown setting 'prot'");
    assertThatThrownBy(() -> SimulatorConfig.from(Map.of(), Map.of("port", "x"), Map.of()))
        .hasMessageContaining("'port'");
    assertThatThrownBy(
            () -> SimulatorConfig.from(Map.of(), Map.of(), Map.of("idle-timeout", "60s")))
        .hasMessageContaining("'idle-timeout'");
    Path yaml = dir.resolve("bad.yaml");
    Files.writeString(yaml, "tls:\n  enabled: true\n");
    assertThatThrownBy(() -> ConfigFile.read(yaml)).hasMessageContaining("'tls'");
  }

  @Test
  void everyKeyHasAFlagAndAnEnvironmentName() {
    CommandLine line = new CommandLine(new ServeCommand());
    for (String key : SimulatorConfig.KEYS.keySet()) {
      assertThat(line.getCommandSpec().findOption("--" + key)).as(key).isNotNull();
      assertThat(SimulatorConfig.envName(key)).startsWith("DCCSIM_").doesNotContain("-");
    }
    assertThat(DccSimCommand.commandLine().getSubcommands())
        .containsKeys("serve", "demo", "release");
  }
}
