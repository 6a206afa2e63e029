package io.dccsim.sim.metrics;

import io.dccsim.sim.spi.Exchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The simulator's metrics, in Prometheus form on {@code /metrics}:
 *
 * <ul>
 *   <li>{@code dccsim_requests_total{sr, code, status, verdict}}: every exchange, by service
 *       reference ({@code none} before it is known), DUIS response code ({@code none} when no DUIS
 *       response was sent), HTTP status and verdict;
 *   <li>{@code dccsim_request_seconds{sr}}: time from arrival to the response being written
 *       (histogram);
 *   <li>{@code dccsim_rejections_total{reason}}: refusals by short reason (e.g. {@code
 *       unknown-signer}, {@code too-large}, {@code overloaded});
 *   <li>{@code dccsim_connections_open} and {@code dccsim_connections_refused_total}.
 * </ul>
 */
public final class SimulatorMetrics {
  private final PrometheusMeterRegistry registry;
  private final AtomicInteger openConnections = new AtomicInteger();
  private final Counter refusedConnections;

  /** Metrics in a registry of their own. */
  public SimulatorMetrics() {
    this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Gauge.builder("dccsim.connections.open", openConnections, AtomicInteger::get)
        .description("Open client connections")
        .register(registry);
    this.refusedConnections =
        Counter.builder("dccsim.connections.refused")
            .description("Connections closed at once because the connection limit was reached")
            .register(registry);
  }

  /**
   * Registers the gauge naming the provider doing the ECDSA of DUIS signatures ({@code accp} or
   * {@code bc}); called once it is chosen, late in a start, so that loading it overlaps the rest.
   */
  public void cryptoProvider(String provider) {
    Gauge.builder("dccsim.crypto.provider", () -> 1)
        .description("The provider doing the ECDSA of DUIS signatures (tag provider: accp or bc)")
        .tag("provider", provider)
        .register(registry);
  }

  /** The registry, to add meters of other parts. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition. */
  public String scrape() {
    return registry.scrape();
  }

  /** Counts one exchange. {@code rejection} is a short reason, or null when not refused. */
  public void exchange(Exchange exchange, String rejection) {
    Objects.requireNonNull(exchange, "exchange");
    String sr = exchange.facts().flatMap(f -> f.serviceReferenceVariant()).orElse("none");
    Counter.builder("dccsim.requests")
        .description("Exchanges by service reference variant, response code, HTTP status, verdict")
        .tag("sr", sr)
        .tag("code", exchange.responseCode().orElse("none"))
        .tag("status", Integer.toString(exchange.httpStatus()))
        .tag("verdict", exchange.verdict().name())
        .register(registry)
        .increment();
    Timer.builder("dccsim.request")
        .description("From arrival to the response being written")
        .tag("sr", sr)
        .publishPercentileHistogram()
        .register(registry)
        .record(exchange.elapsed());
    if (rejection != null) {
      Counter.builder("dccsim.rejections")
          .description("Refused requests by reason")
          .tag("reason", rejection)
          .register(registry)
          .increment();
    }
  }

  /** A connection opened. */
  public void connectionOpened() {
    openConnections.incrementAndGet();
  }

  /** A connection closed. */
  public void connectionClosed() {
    openConnections.decrementAndGet();
  }

  /** A connection was refused at the limit. */
  public void connectionRefused() {
    refusedConnections.increment();
  }

  /** Reports a value owned elsewhere as a gauge (e.g. the work queue length). */
  public void gauge(String name, String description, IntSupplier value) {
    Gauge.builder(name, value, v -> v.getAsInt()).description(description).register(registry);
  }
}
