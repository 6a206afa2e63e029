package io.dccsim.sim.server.internal;

import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.server.Outcome;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners, metrics and the log about every exchange: one log line each, key=value fields.
 * Refusals are the client's doing and logged at INFO; only server failures are logged at ERROR.
 */
public final class ExchangeReporter {
  private static final Logger LOG = LoggerFactory.getLogger("io.dccsim.sim.exchange");
  private static final Logger SELF = LoggerFactory.getLogger(ExchangeReporter.class);
  private static final Pattern TAG = Pattern.compile("[a-z0-9-]{1,40}");

  private final List<ExchangeListener> listeners;
  private final SimulatorMetrics metrics;
  private final Clock clock;
  private final int bodyLimit;
  private final AtomicLong sequence = new AtomicLong();

  /**
   * @param listeners a live, thread-safe list (listeners may come and go while serving)
   */
  public ExchangeReporter(
      List<ExchangeListener> listeners, SimulatorMetrics metrics, Clock clock, int bodyLimit) {
    this.listeners = listeners;
    this.metrics = metrics;
    this.clock = clock;
    this.bodyLimit = bodyLimit;
  }

  /** The next exchange's sequence number. */
  public long nextSequence() {
    return sequence.incrementAndGet();
  }

  /** The simulator's clock. */
  public Clock clock() {
    return clock;
  }

  /** The metrics. */
  public SimulatorMetrics metrics() {
    return metrics;
  }

  /** Reports an exchange whose outcome was decided. */
  public void report(
      long seq,
      Instant receivedAt,
      String path,
      String remoteAddress,
      Optional<X509Certificate> peer,
      Outcome outcome,
      int httpStatus,
      byte[] requestBody,
      byte[] responseBody,
      Duration elapsed) {
    Exchange exchange =
        new Exchange(
            seq,
            receivedAt,
            path,
            remoteAddress,
            peer,
            outcome.facts(),
            outcome.verdict(),
            outcome.reason(),
            httpStatus,
            outcome.responseCode(),
            cut(requestBody),
            cut(responseBody),
            elapsed);
    String rejection = rejectionTag(outcome.verdict(), outcome.reason());
    metrics.exchange(exchange, rejection);
    log(exchange);
    for (ExchangeListener listener : listeners) {
      try {
        listener.onExchange(exchange);
      } catch (RuntimeException e) {
        SELF.warn("An exchange listener failed and was ignored: {}", e.toString());
      }
    }
  }

  /**
   * The short tag of a refusal for the rejections metric: the reason's text before its first colon,
   * e.g. {@code unknown-signer}.
   */
  static String rejectionTag(Verdict verdict, String reason) {
    if (verdict == Verdict.ANSWERED || verdict == Verdict.INTERVENED) {
      return null;
    }
    int colon = reason.indexOf(':');
    String tag = colon > 0 ? reason.substring(0, colon) : reason;
    return TAG.matcher(tag).matches() ? tag : "other";
  }

  private void log(Exchange e) {
    Optional<RequestFacts> f = e.facts();
    String line =
        "exchange seq={} path={} remote={} verdict={} status={} code={} sr={} originator={}"
            + " requestId={} elapsedMs={} reason=\"{}\"";
    Object[] args = {
      e.sequence(),
      e.path(),
      e.remoteAddress(),
      e.verdict(),
      e.httpStatus(),
      e.responseCode().orElse("-"),
      f.flatMap(RequestFacts::serviceReferenceVariant).orElse("-"),
      f.flatMap(RequestFacts::originator).map(Object::toString).orElse("-"),
      f.flatMap(RequestFacts::requestId).orElse("-"),
      e.elapsed().toNanos() / 1_000_000.0,
      e.reason().replace('"', '\'')
    };
    if (e.verdict() == Verdict.FAILED) {
      LOG.error(line, args);
    } else {
      LOG.info(line, args);
    }
  }

  private byte[] cut(byte[] body) {
    return body.length <= bodyLimit ? body : Arrays.copyOf(body, bodyLimit);
  }
}
