package io.dccsim.core.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A User's receiving endpoint ("receive response service"): what the DCC sends later (the responses
 * to device Service Requests, DCC schedule runs, device and DCC alerts) is POSTed here. Each
 * document is checked as a User's endpoint must check it: its DCC signature verified (with the
 * {@link CertificateResolver} given) and the DUIS response read. A good one is answered 204 and
 * kept until taken; one that fails is answered 400 and its reason kept among {@link #refused()}.
 *
 * <p>A caller takes what it expects by waiting for it ({@link #awaitResponse}, {@link #awaitAlert},
 * {@link #await}) or as a future ({@link #response}); a message already received is handed over at
 * once. Thread-safe. Bounded: at most {@value #CAPACITY} messages kept (the oldest dropped first),
 * {@value #CAPACITY} futures waiting, each document at most 1 MiB.
 *
 * <pre>{@code
 * try (ResponseReceiver receiver = ResponseReceiver.start(CertificateResolver.of(dccCert))) {
 *   // register receiver.url() as the User's receiving URL with the DCC, then:
 *   AsyncResponse read = client.sendAsync(request, receiver);
 *   ServiceResponse answer = read.await(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class ResponseReceiver implements AutoCloseable {
  /** The most messages kept, and the most futures waiting. */
  public static final int CAPACITY = 10_000;

  private static final int MAX_BYTES = 1 << 20;
  private static final Logger LOG = LoggerFactory.getLogger(ResponseReceiver.class);

  private final HttpServer server;
  private final ExecutorService executor;
  private final DuisSignatureVerifier verifier;
  private final DuisCodec codec = new DuisCodec();
  private final List<ServiceResponse> received = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final List<Waiter> waiters = new ArrayList<>();

  private record Waiter(Predicate<ServiceResponse> matches, CompletableFuture<ServiceResponse> f) {}

  private ResponseReceiver(HttpServer server, ExecutorService executor, CertificateResolver dcc) {
    this.server = server;
    this.executor = executor;
    this.verifier = new DuisSignatureVerifier(dcc);
  }

  /** A receiver on a free loopback port, trusting what {@code dcc} resolves. */
  public static ResponseReceiver start(CertificateResolver dcc) {
    return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), dcc);
  }

  /**
   * A receiver listening on {@code address}, trusting what {@code dcc} resolves.
   *
   * @throws IllegalStateException when it cannot listen there
   */
  public static ResponseReceiver start(InetSocketAddress address, CertificateResolver dcc) {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(dcc, "dcc");
    HttpServer server;
    try {
      server = HttpServer.create(address, 64);
    } catch (IOException e) {
      throw new IllegalStateException("the receiver could not listen on " + address, e);
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "duis-receiver");
              t.setDaemon(true);
              return t;
            });
    ResponseReceiver receiver = new ResponseReceiver(server, executor, dcc);
    server.createContext("/", receiver::receive);
    server.setExecutor(executor);
    server.start();
    return receiver;
  }

  /** The URL to register as the User's receiving URL (the path is any; {@code /duis} here). */
  public URI url() {
    InetSocketAddress a = server.getAddress();
    String host =
        a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/duis");
  }

  private void receive(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BYTES + 1);
      }
      String problem = null;
      ServiceResponse response = null;
      if (!"POST".equals(exchange.getRequestMethod())) {
        problem = "not a POST";
      } else if (body.length > MAX_BYTES) {
        problem = "larger than 1 MiB";
      } else {
        try {
          org.w3c.dom.Document doc = SecureXml.withDefaults().parse(body);
          verifier.verify(doc);
          response = codec.readResponse(doc);
        } catch (RuntimeException e) {
          problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
      }
      if (response != null) {
        deliver(response);
      } else {
        LOG.warn("Refused a delivered document (answered 400): {}", problem);
        synchronized (this) {
          if (refused.size() < CAPACITY) {
            refused.add(problem);
          }
        }
      }
      exchange.sendResponseHeaders(response != null ? 204 : 400, -1);
    }
  }

  private void deliver(ServiceResponse response) {
    CompletableFuture<ServiceResponse> taker = null;
    synchronized (this) {
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter w = it.next();
        if (w.f().isDone()) {
          it.remove();
        } else if (w.matches().test(response)) {
          it.remove();
          taker = w.f();
          break;
        }
      }
      if (taker == null) {
        if (received.size() >= CAPACITY) {
          received.remove(0);
        }
        received.add(response);
      }
    }
    if (taker != null) {
      taker.complete(response);
    }
  }

  /**
   * The first message that {@code matches}, taken out of the receiver: at once when one is already
   * here, else when it arrives. Cancelling the future gives up waiting.
   *
   * @throws IllegalStateException when {@value #CAPACITY} futures are already waiting
   */
  public CompletableFuture<ServiceResponse> next(Predicate<ServiceResponse> matches) {
    Objects.requireNonNull(matches, "matches");
    synchronized (this) {
      for (Iterator<ServiceResponse> it = received.iterator(); it.hasNext(); ) {
        ServiceResponse r = it.next();
        if (matches.test(r)) {
          it.remove();
          return CompletableFuture.completedFuture(r);
        }
      }
      waiters.removeIf(w -> w.f().isDone());
      if (waiters.size() >= CAPACITY) {
        throw new IllegalStateException(CAPACITY + " futures are already waiting");
      }
      CompletableFuture<ServiceResponse> f = new CompletableFuture<>();
      waiters.add(new Waiter(matches, f));
      return f;
    }
  }

  /** The response to {@code requestId}, taken out of the receiver when it is here. */
  public CompletableFuture<ServiceResponse> response(RequestId requestId) {
    Objects.requireNonNull(requestId, "requestId");
    return next(r -> r.header().requestId().map(requestId::equals).orElse(false));
  }

  /**
   * Waits for the response to {@code requestId} and takes it.
   *
   * @throws ResponseTimeoutException when none arrived within {@code timeout}
   */
  public ServiceResponse awaitResponse(RequestId requestId, Duration timeout) {
    return await(
        r -> r.header().requestId().map(requestId::equals).orElse(false),
        timeout,
        "the response to " + requestId);
  }

  /**
   * Waits for an alert (device or DCC) and takes it.
   *
   * @throws ResponseTimeoutException when none arrived within {@code timeout}
   */
  public ServiceResponse awaitAlert(Duration timeout) {
    return await(r -> r.body() instanceof AlertBody, timeout, "an alert");
  }

  /**
   * Waits for a message that {@code matches} and takes it.
   *
   * @throws ResponseTimeoutException naming {@code what} when none arrived within {@code timeout}
   */
  public ServiceResponse await(Predicate<ServiceResponse> matches, Duration timeout, String what) {
    return await(next(matches), timeout, what, this);
  }

  /** Waits for {@code future}, giving up after {@code timeout}; {@code from} names the refusals. */
  static ServiceResponse await(
      CompletableFuture<ServiceResponse> future,
      Duration timeout,
      String what,
      ResponseReceiver from) {
    try {
      return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new ResponseTimeoutException(
          what
              + " did not arrive within "
              + timeout
              + (from == null ? "" : "; refused so far: " + from.refused()));
    } catch (InterruptedException e) {
      future.cancel(false);
      Thread.currentThread().interrupt();
      throw new ResponseTimeoutException("interrupted while waiting for " + what);
    } catch (ExecutionException e) {
      throw new ResponseTimeoutException(what + " failed: " + e.getCause());
    }
  }

  /** The messages received and not yet taken, oldest first. */
  public synchronized List<ServiceResponse> received() {
    return List.copyOf(received);
  }

  /** Why documents were answered 400 (not signed by the DCC, not a DUIS response...). */
  public synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  /** Forgets everything received and refused; futures waiting go on waiting. */
  public synchronized void clear() {
    received.clear();
    refused.clear();
  }

  /** Stops listening; futures still waiting are cancelled. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    List<Waiter> left;
    synchronized (this) {
      left = List.copyOf(waiters);
      waiters.clear();
    }
    left.forEach(w -> w.f().cancel(false));
  }
}
