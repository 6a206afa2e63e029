package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.signature.EcdsaProvider;
import io.dccsim.sim.config.ConfigFile;
import io.dccsim.sim.config.OrgCryptoOffer;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.sim.service.DeviceBehaviour;
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
        .containsKeys("serve", "demo", "release", "smki");
  }

  private static SimulatorConfig flags(String... keyValues) {
    Map<String, String> f = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      f.put(keyValues[i], keyValues[i + 1]);
    }
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void tlsAndStoreDefaultToPlainHttpAndH2() {
    SimulatorConfig c = SimulatorConfig.from(Map.of(), Map.of(), Map.of());
    assertThat(c.tlsGenerate()).isFalse();
    assertThat(c.https()).isFalse();
    assertThat(c.store()).isEqualTo("h2");
    assertThat(c.postgresStore()).isFalse();
    assertThat(c.storeUrl()).isEmpty();
    assertThat(c.storeSchema()).isEqualTo("dccsim");
  }

  @Test
  void readsTheTlsAndStoreKeysFromEveryLayer() throws Exception {
    Path yaml = dir.resolve("dccsim.yaml");
    Files.writeString(
        yaml,
        "tls-generate: true\ntls-client-auth: require\nstore: postgresql\n"
            + "store-url: jdbc:postgresql://db.test:5432/dcc\nstore-schema: from_file\n");
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve)
        .parseArgs("--config", yaml.toString(), "--store-user", "sim", "--store-schema", "flagged");
    SimulatorConfig c =
        serve.configuration(
            Map.of("DCCSIM_STORE_PASSWORD", "s3cret-pw", "DCCSIM_STORE_USER", "from_env"));
    assertThat(c.tlsGenerate()).isTrue();
    assertThat(c.https()).isTrue();
    assertThat(c.tlsClientAuth()).isEqualTo("require");
    assertThat(c.postgresStore()).isTrue();
    assertThat(c.storeUrl()).contains("jdbc:postgresql://db.test:5432/dcc");
    assertThat(c.storeUser()).isEqualTo("sim");
    assertThat(c.storePassword()).isEqualTo("s3cret-pw");
    assertThat(c.storeSchema()).isEqualTo("flagged");
    assertThat(c.toString()).doesNotContain("s3cret-pw").contains("storePassword=****");
  }

  @Test
  void enumeratedSettingsAreReadOnceIgnoringCaseAndABadValueNamesTheChoices() {
    SimulatorConfig c = flags("org-crypto", " ANY ", "crypto-provider", "Bc");
    assertThat(c.orgCrypto()).isEqualTo(OrgCryptoOffer.ANY);
    assertThat(c.cryptoProvider()).isEqualTo(EcdsaProvider.Choice.BC);
    assertThat(c.toString()).contains("orgCrypto=any");
    assertThat(flags().orgCrypto()).isEqualTo(OrgCryptoOffer.LOOPBACK);
    assertThat(flags().cryptoProvider()).isEqualTo(EcdsaProvider.Choice.AUTO);
    assertThatThrownBy(() -> flags("org-crypto", "everywhere"))
        .hasMessageContaining("org-crypto")
        .hasMessageContaining("[loopback, any, off]")
        .hasMessageContaining("'everywhere'");
    assertThatThrownBy(() -> flags("crypto-provider", "sunec"))
        .hasMessageContaining("crypto-provider")
        .hasMessageContaining("accp");
  }

  @Test
  void theDeviceSettingsAreReadAndCheckedWithTheirNames() {
    SimulatorConfig d = flags();
    assertThat(d.deviceBehaviour()).isEqualTo(DeviceBehaviour.ANSWERS_AT_ONCE);
    assertThat(d.deviceResponseTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(d.deviceResponsesWaiting()).isEqualTo(100_000);
    SimulatorConfig c =
        flags(
            "device-behaviour",
            "Unreachable:PT10S",
            "device-response-timeout",
            "PT2M",
            "device-responses-waiting",
            "50");
    assertThat(c.deviceBehaviour()).isEqualTo(DeviceBehaviour.unreachable(Duration.ofSeconds(10)));
    assertThat(c.deviceResponseTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.deviceResponsesWaiting()).isEqualTo(50);
    assertThat(flags("device-behaviour", "no-response").deviceBehaviour())
        .isEqualTo(DeviceBehaviour.silent());
    assertThatThrownBy(() -> flags("device-behaviour", "later"))
        .hasMessageContaining("device-behaviour")
        .hasMessageContaining("no-response");
    assertThatThrownBy(() -> flags("device-behaviour", "answer:soon"))
        .hasMessageContaining("device-behaviour")
        .hasMessageContaining("PT5S");
    assertThatThrownBy(() -> flags("device-response-timeout", "PT0S"))
        .hasMessageContaining("device-response-timeout");
    assertThatThrownBy(() -> flags("device-responses-waiting", "0"))
        .hasMessageContaining("device-responses-waiting");
  }

  @Test
  void contradictoryTlsSettingsNameTheKeys() {
    assertThatThrownBy(() -> flags("tls-key-file", "k.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls-cert-file")
        .hasMessageContaining("only tls-key-file");
    assertThatThrownBy(() -> flags("tls-cert-file", "c.pem"))
        .hasMessageContaining("only tls-cert-file");
    assertThatThrownBy(() -> flags("dcc-key-file", "k.pem")).hasMessageContaining("dcc-cert-file");
    assertThatThrownBy(() -> flags("tls-client-auth", "require"))
        .hasMessageContaining("tls-client-auth=require needs HTTPS")
        .hasMessageContaining("tls-generate");
    assertThatThrownBy(() -> flags("tls-client-auth", "sometimes"))
        .hasMessageContaining("'tls-client-auth'");
    assertThatThrownBy(() -> flags("tls-generate", "yes")).hasMessageContaining("tls-generate");
    assertThatThrownBy(() -> flags("tls-names", "dccsim.test"))
        .hasMessageContaining("tls-names is only used with tls-generate=true");
    assertThatThrownBy(() -> flags("tls-generate", "true", "tls-names", "a b"))
        .hasMessageContaining("'tls-names'");
    assertThat(flags("tls-generate", "true", "tls-names", " a.test, ,10.0.0.1 ").tlsNames())
        .containsExactly("a.test", "10.0.0.1");
    assertThatThrownBy(() -> flags("tls-generate", "true", "tls-client-ca-file", "ca.pem"))
        .hasMessageContaining("tls-client-ca-file is only used with tls-client-auth");
    assertThatThrownBy(
            () ->
                flags(
                    "tls-cert-file",
                    "c.pem",
                    "tls-key-file",
                    "k.pem",
                    "tls-client-auth",
                    "optional"))
        .hasMessageContaining("needs tls-client-ca-file");
    // Generated TLS may ask for client certificates without a CA file: it trusts its own CA.
    assertThat(flags("tls-generate", "true", "tls-client-auth", "require").tlsClientCaFile())
        .isEmpty();
    // Supplied files and tls-generate together are allowed: the files win (see the simulator).
    assertThat(
            flags("tls-generate", "true", "tls-cert-file", "c.pem", "tls-key-file", "k.pem")
                .https())
        .isTrue();
  }

  @Test
  void wrongStoreSettingsNameTheKeys() {
    String url = "jdbc:postgresql://127.0.0.1:5432/test";
    assertThatThrownBy(() -> flags("store", "mysql")).hasMessageContaining("'store'");
    assertThatThrownBy(() -> flags("store", "postgresql"))
        .hasMessageContaining("store=postgresql needs store-url");
    assertThatThrownBy(() -> flags("store", "postgresql", "store-url", url))
        .hasMessageContaining("store-user");
    assertThatThrownBy(
            () ->
                flags(
                    "store",
                    "postgresql",
                    "store-url",
                    "jdbc:h2:file:/tmp/x;PASSWORD=hidden",
                    "store-user",
                    "u"))
        .hasMessageContaining("'store-url'")
        .hasMessageNotContaining("hidden");
    assertThatThrownBy(
            () ->
                flags(
                    "store",
                    "postgresql",
                    "store-url",
                    url,
                    "store-user",
                    "u",
                    "store-schema",
                    "Bad-Name"))
        .hasMessageContaining("'store-schema'");
    for (String key : new String[] {"store-url", "store-user", "store-password", "store-schema"}) {
      assertThatThrownBy(() -> flags(key, "x"))
          .as(key)
          .hasMessageContaining(key + " is only used with store=postgresql");
    }
  }

  @Test
  void printedUrlsHideThePassword() {
    assertThat(
            SimulatorConfig.redactUrl(
                "jdbc:postgresql://db:5432/dcc?user=sim&password=p%40ss&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/dcc?user=sim&password=****&ssl=true");
    assertThat(SimulatorConfig.redactUrl("jdbc:postgresql://sim:pw@db/dcc"))
        .isEqualTo("jdbc:postgresql://sim:****@db/dcc");
    assertThat(SimulatorConfig.redactUrl("jdbc:postgresql://db:5432/dcc"))
        .isEqualTo("jdbc:postgresql://db:5432/dcc");
  }

  @Test
  void theDocumentedTableHasEveryKey() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "simulator.md"));
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (String key : SimulatorConfig.KEYS.keySet()) {
      if (!doc.contains("| `" + key + "` | `" + SimulatorConfig.envName(key) + "` |")) {
        missing.add(key);
      }
    }
    assertThat(missing).as("keys missing from the table in docs/simulator.md").isEmpty();
  }

  @Test
  void aStartThatFailsSaysWhyWithoutAStackTraceOrThePassword() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine line = DccSimCommand.commandLine();
    line.setErr(new java.io.PrintWriter(err, true));
    int code =
        line.execute(
            "serve",
            "--data-dir",
            dir.toString(),
            "--port",
            "0",
            "--smki-port",
            "-1",
            "--control-port",
            "-1",
            "--store",
            "postgresql",
            "--store-url",
            "jdbc:postgresql://127.0.0.1:1/nowhere",
            "--store-user",
            "sim",
            "--store-password",
            "pw-never-shown");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("dccsim: cannot start: ")
        .contains("127.0.0.1:1")
        .doesNotContain("pw-never-shown")
        .doesNotContain("\tat ");
  }

  @Test
  void aBadSettingStopsTheCommandWithItsName() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine line = DccSimCommand.commandLine();
    line.setErr(new java.io.PrintWriter(err, true));
    int code = line.execute("serve", "--data-dir", dir.toString(), "--store", "postgresql");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("dccsim: store=postgresql needs store-url");
  }
}
