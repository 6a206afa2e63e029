package io.dccsim.sim.junit;

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
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A receiving endpoint for a test: what the simulated DCC delivers later (device responses, DCC
 * schedule runs, alerts) arrives here, on loopback. Each document is checked as a User's endpoint
 * must: the DCC's signature verified and the document read; one that fails is answered 400 and kept
 * among the {@link #refused()} reasons. A test waits for what it expects with a timeout.
 * Thread-safe; holds at most {@value #CAPACITY} messages (the oldest go first), each at most 1 MiB.
 */
public final class Inbox implements AutoCloseable {
  /** The most messages kept. */
  public static final int CAPACITY = 10_000;

  private static final int MAX_BYTES = 1 << 20;

  private final HttpServer server;
  private final DuisSignatureVerifier verifier;
  private final DuisCodec codec = new DuisCodec();
  private final List<ServiceResponse> received = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();

  private Inbox(HttpServer server, X509Certificate dcc) {
    this.server = server;
    this.verifier = new DuisSignatureVerifier(CertificateResolver.of(dcc));
  }

  /** An inbox on a free loopback port, trusting answers signed with {@code dcc}'s key. */
  public static Inbox start(X509Certificate dcc) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      Inbox inbox = new Inbox(server, dcc);
      server.createContext("/", inbox::receive);
      server.start();
      return inbox;
    } catch (IOException e) {
      throw new IllegalStateException("the inbox could not listen on loopback", e);
    }
  }

  /** The URL to register as a User's receiving URL. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/duis");
  }

  private void receive(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
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
      synchronized (this) {
        if (response != null) {
          if (received.size() >= CAPACITY) {
            received.remove(0);
          }
          received.add(response);
        } else if (refused.size() < CAPACITY) {
          refused.add(problem);
        }
        notifyAll();
      }
      exchange.sendResponseHeaders(response != null ? 204 : 400, -1);
    }
  }

  /**
   * Waits for the response to {@code requestId}.
   *
   * @throws AssertionError when none arrived within {@code timeout}
   */
  public ServiceResponse awaitResponse(RequestId requestId, Duration timeout) {
    return await(
        r -> r.header().requestId().map(requestId::equals).orElse(false),
        timeout,
        "the response to " + requestId);
  }

  /**
   * Waits for an alert (device or DCC).
   *
   * @throws AssertionError when none arrived within {@code timeout}
   */
  public ServiceResponse awaitAlert(Duration timeout) {
    return await(r -> r.body() instanceof AlertBody, timeout, "an alert");
  }

  /**
   * Waits for a message that {@code matches}, and takes it out of the inbox.
   *
   * @throws AssertionError naming {@code what} when none arrived within {@code timeout}
   */
  public synchronized ServiceResponse await(
      Predicate<ServiceResponse> matches, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ServiceResponse> found = received.stream().filter(matches).findFirst();
      if (found.isPresent()) {
        received.remove(found.get());
        return found.get();
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            what + " did not arrive within " + timeout + "; refused so far: " + refused);
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what);
      }
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

  /** Forgets everything received and refused. */
  public synchronized void clear() {
    received.clear();
    refused.clear();
  }

  /** Stops listening. */
  @Override
  public void close() {
    server.stop(0);
  }
}
