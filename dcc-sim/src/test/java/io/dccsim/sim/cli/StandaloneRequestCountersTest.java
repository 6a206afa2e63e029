package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last accepted RequestID counter of each originator outlives a restart, as the DCC's does. */
class StandaloneRequestCountersTest {
  @TempDir Path data;

  private SimulatorConfig config() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "-1");
    f.put("data-dir", data.toString());
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void aCounterAcceptedBeforeARestartIsStillAReplayAfterIt() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(send(s, 1_000)).isEqualTo("I0");
      assertThat(send(s, 1_000)).as("a replay in the same run").isEqualTo("E1");
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertCountersSurvived(again);
    }
  }

  /**
   * After a restart on the same store: the counter accepted before (1000) and one below it are
   * replays, the next is accepted; a reset forgets the stored counters too.
   */
  static void assertCountersSurvived(StandaloneSimulator s) {
    assertThat(send(s, 1_000)).as("replayed after the restart").isEqualTo("E1");
    assertThat(send(s, 999)).isEqualTo("E1");
    assertThat(send(s, 1_001)).isEqualTo("I0");
    s.simulator().reset();
    assertThat(send(s, 5)).as("a reset forgets the counters").isEqualTo("I0");
  }

  /** SR 12.1 from the test supplier with exactly {@code counter}, as signed by the pki-dir key. */
  static String send(StandaloneSimulator s, long counter) {
    Path pki = s.configuration().pkiDir();
    Credential supplier =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    X509Certificate dcc = PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT));
    // A clock standing at the epoch: the next counter is exactly one above the starting point.
    Clock epoch = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
    DuisClient client =
        DuisClient.builder()
            .user(
                Simulator.TEST_SUPPLIER_EUI,
                SigningCredential.of(supplier.privateKey(), supplier.certificate()))
            .dcc(Simulator.DCC_EUI, dcc)
            .counter(RequestCounter.startingAfter(epoch, counter - 1))
            .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
            .build();
    return client
        .requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"))
        .responseCode()
        .code();
  }
}
