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
          new LoadTarget(
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
      // 200/s for 0.5 s: about a hundred, give or take the edges of the window
      assertThat(open.completed()).isBetween(60L, 140L);
    }
  }

  @Test
  void wireMockStandaloneServesTheStub() throws Exception {
    Path jar = Path.of("target", "wiremock", "wiremock-standalone.jar");
    try (WireMockProcess wm =
            WireMockProcess.start(jar, "/api/v1/serviceD", BODY, "application/xml", List.of());
        LoadGenerator gen = new LoadGenerator(1)) {
      LoadTarget target =
          new LoadTarget(
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
