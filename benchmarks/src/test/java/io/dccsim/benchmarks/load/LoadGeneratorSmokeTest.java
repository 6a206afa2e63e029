package io.dccsim.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short runs of the load generator against its reference servers, so they cannot rot. */
class LoadGeneratorSmokeTest {
  private static final byte[] BODY =
      "<Response xmlns=\"urn:test\">ok</Response>".getBytes(StandardCharsets.UTF_8);

  @Test
  void closedAndOpenLoopAgainstBareNetty() throws Exception {
    try (BareNettyServer server = BareNettyServer.start(BODY, "application/xml");
        LoadGenerator gen = new LoadGenerator(1)) {
      LoadTarget target =
          LoadTarget.of(
              "bare",
              URI.create(server.baseUri() + "/api/v1/serviceD"),
              "application/xml",
              List.of(BODY));
      LoadResult closed = gen.closedLoop(target, 2, Duration.ofMillis(100), Duration.ofMillis(300));
      assertThat(closed.completed()).isPositive();
      assertThat(closed.errors()).isZero();
      assertThat(closed.latency().getTotalCount()).isEqualTo(closed.completed());

      LoadResult open =
          gen.openLoop(target, 200, 2, Duration.ofMillis(100), Duration.ofMillis(500));
      assertThat(open.errors()).isZero();
      // an open loop never sends faster than its rate: 200/s for 0.5 s is about a hundred
      assertThat(open.completed()).isPositive().isLessThanOrEqualTo(140L);

      LoadResult wrongMarker =
          gen.closedLoop(
              target.expecting("absent".getBytes(StandardCharsets.UTF_8)),
              1,
              Duration.ofMillis(50),
              Duration.ofMillis(200));
      assertThat(wrongMarker.completed()).isZero();
      assertThat(wrongMarker.errors()).isPositive();
    }
  }

  @Test
  void streamsThatStartOverAreAcceptedOnceTheSimulatorForgetsItsCounters() throws Exception {
    try (SimulatorUnderLoad sim = SimulatorUnderLoad.start(true, 2, 5, 2);
        LoadGenerator gen = new LoadGenerator(1)) {
      java.util.concurrent.atomic.AtomicInteger startedOver =
          new java.util.concurrent.atomic.AtomicInteger();
      LoadTarget soak =
          sim.target("soak")
              .startingOver(
                  () -> {
                    startedOver.incrementAndGet();
                    sim.simulator().forgetRequestCounters();
                  });
      LoadResult r = gen.closedLoop(soak, 2, Duration.ZERO, Duration.ofMillis(800));
      assertThat(startedOver.get()).isPositive();
      assertThat(r.completed()).isGreaterThan(10L); // more than the 2 x 5 pre-signed requests
      assertThat(r.errors()).isZero();

      // Without the hook, the repeated Request IDs are replays: E1, counted as errors.
      LoadResult replayed =
          gen.closedLoop(sim.target("replayed"), 2, Duration.ZERO, Duration.ofMillis(800));
      assertThat(replayed.errors()).isPositive();
    }
  }

  @Test
  void wireMockStandaloneServesTheStub() throws Exception {
    Path jar = Path.of("target", "wiremock", "wiremock-standalone.jar");
    try (WireMockProcess wm =
            WireMockProcess.start(jar, "/api/v1/serviceD", BODY, "application/xml", List.of());
        LoadGenerator gen = new LoadGenerator(1)) {
      LoadTarget target =
          LoadTarget.of(
              "wiremock",
              URI.create(wm.baseUri() + "/api/v1/serviceD"),
              "application/xml",
              List.of(BODY));
      LoadResult r = gen.closedLoop(target, 2, Duration.ofMillis(200), Duration.ofMillis(300));
      assertThat(r.completed()).isPositive();
      assertThat(r.errors()).isZero();
    }
  }
}
