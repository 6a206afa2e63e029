package io.dccsim.sim.server;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server listens and what it bounds. Every bound is configurable; hitting one is visible
 * (an HTTP status, a metric and a log line).
 *
 * @param host the address to bind (loopback by default)
 * @param port the port, 0 for any free port
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param maxConnections open connections beyond this are closed at once
 * @param requestTimeout a request must arrive whole within this, from its first line (408)
 * @param idleTimeout a connection with no request in progress is closed after this long idle
 * @param workerThreads threads doing the CPU work (XML, signatures)
 * @param workQueueCapacity requests waiting for a worker beyond this are answered 503
 * @param maxPipelined requests queued on one connection behind the one in progress
 * @param journalBodyLimit request and response bodies reported to listeners are cut to this
 * @param tls TLS, if the server speaks HTTPS
 */
public record ServerSettings(
    String host,
    int port,
    int maxBodyBytes,
    int maxConnections,
    Duration requestTimeout,
    Duration idleTimeout,
    int workerThreads,
    int workQueueCapacity,
    int maxPipelined,
    int journalBodyLimit,
    Optional<TlsSettings> tls) {

  /** The loopback address. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Validates. */
  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(tls, "tls");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port is 0..65535: " + port);
    }
    positive("maxBodyBytes", maxBodyBytes);
    positive("maxConnections", maxConnections);
    positive("workerThreads", workerThreads);
    positive("workQueueCapacity", workQueueCapacity);
    positive("maxPipelined", maxPipelined);
    if (journalBodyLimit < 0) {
      throw new IllegalArgumentException("journalBodyLimit cannot be negative");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Loopback, any free port, plain HTTP, defaults for every bound. */
  public static ServerSettings defaults() {
    return new ServerSettings(
        LOOPBACK,
        0,
        256 * 1024,
        1024,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        256,
        16,
        64 * 1024,
        Optional.empty());
  }

  /** A copy listening on {@code host:port}. */
  public ServerSettings withAddress(String host, int port) {
    return new ServerSettings(
        host,
        port,
        maxBodyBytes,
        maxConnections,
        requestTimeout,
        idleTimeout,
        workerThreads,
        workQueueCapacity,
        maxPipelined,
        journalBodyLimit,
        tls);
  }

  /** A copy with these limits. */
  public ServerSettings withLimits(
      int maxBodyBytes, int maxConnections, int workerThreads, int workQueueCapacity) {
    return new ServerSettings(
        host,
        port,
        maxBodyBytes,
        maxConnections,
        requestTimeout,
        idleTimeout,
        workerThreads,
        workQueueCapacity,
        maxPipelined,
        journalBodyLimit,
        tls);
  }

  /** A copy with these timeouts. */
  public ServerSettings withTimeouts(Duration requestTimeout, Duration idleTimeout) {
    return new ServerSettings(
        host,
        port,
        maxBodyBytes,
        maxConnections,
        requestTimeout,
        idleTimeout,
        workerThreads,
        workQueueCapacity,
        maxPipelined,
        journalBodyLimit,
        tls);
  }

  /** A copy speaking TLS. */
  public ServerSettings withTls(TlsSettings tls) {
    return new ServerSettings(
        host,
        port,
        maxBodyBytes,
        maxConnections,
        requestTimeout,
        idleTimeout,
        workerThreads,
        workQueueCapacity,
        maxPipelined,
        journalBodyLimit,
        Optional.of(tls));
  }
}
