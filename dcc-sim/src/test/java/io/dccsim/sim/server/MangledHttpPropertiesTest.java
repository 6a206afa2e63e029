package io.dccsim.sim.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.xml.Mangling;
import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A good DUIS POST, request line and headers included, mangled in one way and sent on a raw
 * connection: the server answers it or closes the connection within its timeouts, never with a 5xx,
 * and never fails; afterwards it still answers good requests.
 */
class MangledHttpPropertiesTest {
  private static final String GOOD =
      "POST /api/v1/serviceD HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
          + "Content-Length: 4\r\n\r\n<a/>";
  private static final List<String> FRAGMENTS =
      List.of(
          "\r\n",
          "\n",
          "\r",
          " ",
          ":",
          "\u0000",
          "Content-Length: 9999999999999\r\n",
          "Content-Length: -1\r\n",
          "Transfer-Encoding: chunked\r\n",
          "Transfer-Encoding: gzip\r\n",
          "Expect: 100-continue\r\n",
          "Connection: close\r\n",
          "HTTP/1.1",
          "%zz",
          "é");

  private static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private static DuisServer server;

  @BeforeContainer
  static void start() throws Exception {
    List<ExchangeListener> listeners = List.of(exchanges::add);
    server =
        DuisServer.start(
            ServerSettings.defaults()
                .withLimits(1024, 50, 2, 10)
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(400)),
            request ->
                new Outcome(
                    Duration.ZERO,
                    Outcome.Action.Respond.xml(200, request.body()),
                    Verdict.ANSWERED,
                    "",
                    Optional.empty(),
                    Optional.of("I0")),
            listeners,
            new SimulatorMetrics(),
            Clock.fixed(Instant.parse("2021-07-01T10:00:00Z"), ZoneOffset.UTC));
  }

  @AfterContainer
  static void stop() throws Exception {
    try {
      String answer = exchange(GOOD.getBytes(StandardCharsets.UTF_8));
      assertThat(answer).startsWith("HTTP/1.1 200").endsWith("<a/>");
      assertThat(exchanges).noneMatch(e -> e.verdict() == Verdict.FAILED);
    } finally {
      server.close();
    }
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 30);
  }

  @Property(tries = 120)
  void aMangledRequestIsAnsweredOrClosedInTime(@ForAll("manglings") Mangling m) throws Exception {
    String answer = exchange(m.apply(GOOD.getBytes(StandardCharsets.UTF_8)));
    if (!answer.isEmpty()) {
      assertThat(answer).startsWith("HTTP/1.1 ");
      int status = Integer.parseInt(answer.substring(9, 12));
      assertThat(status).as(answer).isBetween(100, 499);
      assertThat(answer).doesNotContain("Exception");
    }
  }

  /**
   * Sends {@code request} and reads until the server closes the connection or its first answer is
   * complete; fails if neither happens within five seconds (the server's timeouts are 0.3 s and 0.4
   * s). Empty when the server closed without answering.
   */
  private static String exchange(byte[] request) throws Exception {
    try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
      s.setSoTimeout(5_000);
      s.getOutputStream().write(request);
      s.getOutputStream().flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      while (!complete(got.toString(StandardCharsets.ISO_8859_1))) {
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          throw new AssertionError("no answer and no close within 5 s; got: " + got, e);
        } catch (java.net.SocketException e) {
          break; // reset by the server: closed
        }
        if (n < 0) {
          break;
        }
        got.write(buf, 0, n);
      }
      return got.toString(StandardCharsets.ISO_8859_1);
    }
  }

  /** Whether {@code text} holds a whole answer (headers and a Content-Length body). */
  private static boolean complete(String text) {
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return true;
    }
    int lineEnd = head.indexOf("\r\n", at);
    long length =
        Long.parseLong(head.substring(at + 15, lineEnd < 0 ? head.length() : lineEnd).trim());
    return text.length() - end - 4 >= length;
  }
}
