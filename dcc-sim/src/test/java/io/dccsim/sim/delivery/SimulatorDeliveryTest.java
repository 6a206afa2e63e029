package io.dccsim.sim.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.Simulator;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's outbox: kept in its store, so a restart loses nothing pending. */
class SimulatorDeliveryTest {
  @TempDir Path dir;

  @Test
  void aRestartOnTheSameStoreLosesNothingPending() throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-23T12:00:00Z"));
    TestPki pki = TestPki.create(clock);
    try (Receiver receiver = Receiver.http()) {
      receiver.answer(400);
      long first;
      try (CertificateRepository repo = CertificateRepositories.h2File(dir);
          Simulator dcc =
              Simulator.builder()
                  .clock(clock)
                  .pki(pki)
                  .repository(repo)
                  .syntheticEstate(0)
                  .deliveryRetries(Duration.ofSeconds(30), 5)
                  .receiveUrls(Map.of(ResponseDeliveryTest.SUPPLIER, receiver.url()))
                  .start()) {
        first =
            dcc.outbox().enqueue(ResponseDeliveryTest.message(ResponseDeliveryTest.SUPPLIER, "1"));
        dcc.outbox().enqueue(ResponseDeliveryTest.message(ResponseDeliveryTest.SUPPLIER, "2"));
        dcc.outbox().enqueue(ResponseDeliveryTest.message(ResponseDeliveryTest.GAS, "no url"));
        await()
            .atMost(ResponseDeliveryTest.WAIT)
            .until(
                () ->
                    dcc.outbox().pending(ResponseDeliveryTest.SUPPLIER, 1).get(0).attempts() == 1);
        assertThat(dcc.outbox().pendingCount()).isEqualTo(3);
      }
      receiver.answer(204);
      try (CertificateRepository repo = CertificateRepositories.h2File(dir);
          Simulator dcc =
              Simulator.builder()
                  .clock(clock)
                  .pki(pki)
                  .repository(repo)
                  .syntheticEstate(0)
                  .start()) {
        assertThat(dcc.outbox().receiveUrl(ResponseDeliveryTest.SUPPLIER)).hasValue(receiver.url());
        assertThat(dcc.outbox().pendingCount()).isEqualTo(3);
        assertThat(dcc.outbox().pending(ResponseDeliveryTest.SUPPLIER, 1).get(0).sequence())
            .isEqualTo(first);
        clock.advance(Duration.ofSeconds(30));
        await().atMost(ResponseDeliveryTest.WAIT).until(() -> receiver.received().size() == 2);
        assertThat(receiver.bodies())
            .containsExactly(ResponseDeliveryTest.body("1"), ResponseDeliveryTest.body("2"));
        dcc.receiveUrl(ResponseDeliveryTest.GAS, receiver.url());
        await().atMost(ResponseDeliveryTest.WAIT).until(() -> receiver.received().size() == 3);
        await().atMost(ResponseDeliveryTest.WAIT).until(() -> dcc.outbox().pendingCount() == 0);
        assertThat(dcc.metrics().scrape())
            .contains("dccsim_delivery_attempts_total")
            .contains(
                "dccsim_crypto_provider{provider=\""
                    + io.dccsim.core.signature.EcdsaProvider.inUse()
                    + "\"} 1");
      }
    }
  }
}
