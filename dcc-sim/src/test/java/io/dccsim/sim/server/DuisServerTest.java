package io.dccsim.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.Verdict;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DuisServerTest {
  private static final String XML = "application/xml";
  private static final String D = "/api/v1/serviceD";

  private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<ExchangeListener> listeners =
      new CopyOnWriteArrayList<>(List.of(exchanges::add));
  private final Clock clock = Clock.fixed(Instant.parse("2021-07-01T10:00:00Z"), ZoneOffset.UTC);
  private final SimulatorMetrics metrics = new SimulatorMetrics();
  private DuisServer server;

  /** Echoes the body, upper-cased, with a 200; "delay:N" waits N ms; "reset" resets. */
  private static Outcome echo(IncomingRequest request) {
    String body = new String(request.body(), StandardCharsets.UTF_8);
    if (body.equals("reset")) {
      return new Outcome(
          Duration.ZERO,
          new Outcome.Action.Reset(),
          Verdict.INTERVENED,
          "reset",
          Optional.empty(),
          Optional.empty());
    }
    Outcome answer =
        new Outcome(
            Duration.ZERO,
            Outcome.Action.Respond.xml(200, body.toUpperCase().getBytes(StandardCharsets.UTF_8)),
            Verdict.ANSWERED,
            "",
            Optional.empty(),
            Optional.of("I0"));
    if (body.startsWith("delay:")) {
      return answer.delayedBy(Duration.ofMillis(Long.parseLong(body.substring(6))));
    }
    return answer;
  }

  private void start(ServerSettings settings, RequestProcessor processor) throws Exception {
    server = DuisServer.start(settings, processor, listeners, metrics, clock);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void answersPostsOnTheDuisPathsAndKeepsTheConnection() throws Exception {
    start(ServerSettings.defaults(), DuisServerTest::echo);
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
    try (RawHttp http = new RawHttp(server.address())) {
      for (String path : List.of(D, "/api/v1/serviceS", "/api/v1/serviceT")) {
        http.send(RawHttp.post(path, "application/xml; charset=utf-8", "<a/>"));
        RawHttp.Response r = http.read();
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("<A/>");
      }
      http.send(RawHttp.post(D, "text/xml", "<b/>"));
      assertThat(http.read().body()).isEqualTo("<B/>");
    }
    await().until(() -> exchanges.size() == 4);
    assertThat(exchanges.get(0).receivedAt()).isEqualTo(clock.instant());
    assertThat(exchanges.get(0).requestBody()).isEqualTo("<a/>".getBytes(StandardCharsets.UTF_8));
    assertThat(exchanges).extracting(Exchange::httpStatus).containsOnly(200);
  }

  @Test
  void refusesByEnvelope() throws Exception {
    start(ServerSettings.defaults().withLimits(100, 100, 2, 10), DuisServerTest::echo);
    assertThat(refusal(RawHttp.post("/nowhere", XML, "<a/>"))).isEqualTo(404);
    assertThat(refusal("GET " + D + " HTTP/1.1\r\nHost: x\r\n\r\n")).isEqualTo(405);
    assertThat(refusal(RawHttp.post(D, "application/json", "{}"))).isEqualTo(415);
    assertThat(refusal(RawHttp.post(D, "", "<a/>"))).isEqualTo(415);
    assertThat(refusal(RawHttp.post(D, XML, "<a>" + "x".repeat(200) + "</a>"))).isEqualTo(413);
    String chunked =
        "POST "
            + D
            + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n"
            + "40\r\n"
            + "x".repeat(64)
            + "\r\n40\r\n"
            + "x".repeat(64)
            + "\r\n0\r\n\r\n";
    assertThat(refusal(chunked)).isEqualTo(413);
    assertThat(refusal(RawHttp.post(D + "%", XML, "<a/>"))).isEqualTo(400);
    assertThat(refusal(RawHttp.post("/api/v1/service%zz", XML, "<a/>"))).isEqualTo(400);
    await().until(() -> exchanges.size() == 8);
    assertThat(exchanges).extracting(Exchange::verdict).containsOnly(Verdict.REFUSED_TRANSPORT);
    assertThat(exchanges)
        .extracting(e -> e.reason().split(":")[0])
        .containsExactlyInAnyOrder(
            "unknown-path",
            "method-not-allowed",
            "unsupported-media-type",
            "unsupported-media-type",
            "too-large",
            "too-large",
            "bad-uri",
            "bad-uri");
    assertThat(exchanges).extracting(Exchange::path).contains(D + "%", "/api/v1/service%zz");
    // and it still serves
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(RawHttp.post(D, XML, "<ok/>"));
      assertThat(http.read().status()).isEqualTo(200);
    }
  }

  private int refusal(String request) throws IOException {
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(request);
      RawHttp.Response r = http.read();
      assertThat(r.headers()).containsIgnoringCase("connection: close");
      assertThat(r.body()).doesNotContain("Exception").hasSizeLessThan(80);
      return r.status();
    }
  }

  @Test
  void answersPipelinedRequestsInOrderEvenWhenTheFirstIsDelayed() throws Exception {
    start(ServerSettings.defaults(), DuisServerTest::echo);
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(
          RawHttp.post(D, XML, "delay:300")
              + RawHttp.post(D, XML, "second")
              + RawHttp.post(D, XML, "third"));
      assertThat(http.read().body()).isEqualTo("DELAY:300");
      assertThat(http.read().body()).isEqualTo("SECOND");
      assertThat(http.read().body()).isEqualTo("THIRD");
    }
  }

  @Test
  void resetsWhenTold() throws Exception {
    start(ServerSettings.defaults(), DuisServerTest::echo);
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(RawHttp.post(D, XML, "reset"));
      assertThat(http.closedByServer()).isTrue();
    }
    await().until(() -> exchanges.size() == 1);
    assertThat(exchanges.get(0).httpStatus()).isZero();
  }

  @Test
  void answers503WhenTheWorkQueueIsFullAndRecovers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(1);
    start(
        ServerSettings.defaults().withLimits(1000, 100, 1, 1),
        request -> {
          entered.countDown();
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return echo(request);
        });
    List<RawHttp> held = new ArrayList<>();
    try {
      RawHttp first = new RawHttp(server.address());
      held.add(first);
      first.send(RawHttp.post(D, XML, "one"));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      RawHttp queued = new RawHttp(server.address());
      held.add(queued);
      queued.send(RawHttp.post(D, XML, "two"));
      await().until(() -> true);
      try (RawHttp third = new RawHttp(server.address())) {
        // The queue (capacity 1) may take a moment to hold "two".
        RawHttp.Response r = null;
        for (int i = 0; i < 50; i++) {
          third.send(RawHttp.post(D, XML, "three"));
          r = third.read();
          if (r.status() == 503) {
            break;
          }
        }
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.headers()).containsIgnoringCase("retry-after: 1");
      }
      release.countDown();
      assertThat(first.read().body()).isEqualTo("ONE");
      assertThat(queued.read().body()).isEqualTo("TWO");
    } finally {
      release.countDown();
      for (RawHttp h : held) {
        h.close();
      }
    }
    assertThat(exchanges).anyMatch(e -> e.reason().startsWith("overloaded"));
  }

  @Test
  void closesSlowRequestsIdleConnectionsAndConnectionsBeyondTheLimit() throws Exception {
    start(
        ServerSettings.defaults()
            .withLimits(1000, 20, 2, 10)
            .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(400)),
        DuisServerTest::echo);
    try (RawHttp slow = new RawHttp(server.address())) {
      slow.send(
          "POST "
              + D
              + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
              + "Content-Length: 100\r\n\r\n<a>");
      assertThat(slow.read().status()).isEqualTo(408);
      assertThat(slow.closedByServer()).isTrue();
    }
    // The timeout is an exchange like any refusal: listeners and metrics hear of it.
    await().until(() -> !exchanges.isEmpty());
    Exchange timedOut = exchanges.get(0);
    assertThat(timedOut.reason()).startsWith("request-timeout");
    assertThat(timedOut.httpStatus()).isEqualTo(408);
    assertThat(timedOut.verdict()).isEqualTo(Verdict.REFUSED_TRANSPORT);
    assertThat(timedOut.path()).isEqualTo(D);
    assertThat(timedOut.elapsed()).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(metrics.scrape()).contains("dccsim_rejections_total{reason=\"request-timeout\"} 1");
    try (RawHttp idle = new RawHttp(server.address())) {
      assertThat(idle.closedByServer()).isTrue();
    }
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < 40; i++) {
        sockets.add(new Socket(server.address().getAddress(), server.address().getPort()));
      }
      long closed =
          sockets.stream()
              .filter(
                  s -> {
                    try {
                      s.setSoTimeout(2000);
                      return s.getInputStream().read() < 0;
                    } catch (IOException e) {
                      return true;
                    }
                  })
              .count();
      assertThat(closed).isEqualTo(40); // 20 at once by the limit, the rest when idle
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(RawHttp.post(D, XML, "<ok/>"));
      assertThat(http.read().status()).isEqualTo(200);
    }
  }

  @Test
  void hundredsOfIdleConnectionsAreBoundedAndGoodRequestsStillPass() throws Exception {
    start(
        ServerSettings.defaults()
            .withLimits(1000, 200, 2, 10)
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(800)),
        DuisServerTest::echo);
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 600; i++) {
        idle.add(new Socket(server.address().getAddress(), server.address().getPort()));
      }
      // Beyond the limit connections are closed at once; the rest go when idle.
      await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                try (RawHttp http = new RawHttp(server.address())) {
                  http.send(RawHttp.post(D, XML, "<ok/>"));
                  assertThat(http.read().status()).isEqualTo(200);
                }
              });
    } finally {
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void servesMetrics() throws Exception {
    start(ServerSettings.defaults(), DuisServerTest::echo);
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(RawHttp.post(D, XML, "<a/>"));
      http.read();
      http.send(RawHttp.post("/x", XML, "<a/>"));
      http.read();
    }
    await().until(() -> exchanges.size() == 2);
    try (RawHttp http = new RawHttp(server.address())) {
      http.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
      RawHttp.Response r = http.read();
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.body())
          .contains("dccsim_requests_total{code=\"I0\"")
          .contains("dccsim_rejections_total{reason=\"unknown-path\"}")
          .contains("dccsim_connections_open");
    }
  }

  @Test
  void aThrowingProcessorIsA500WithoutDetail() throws Exception {
    start(
        ServerSettings.defaults(),
        r -> {
          throw new IllegalStateException("secret detail");
        });
    try (RawHttp http = new RawHttp(server.address())) {
      http.send(RawHttp.post(D, XML, "<a/>"));
      RawHttp.Response r = http.read();
      assertThat(r.status()).isEqualTo(500);
      assertThat(r.body()).doesNotContain("secret");
    }
  }
}
