package io.dccsim.sim.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * A User's receiving endpoint for tests: answers every POST with the status set (204 by default)
 * and records what it was sent.
 */
final class Receiver implements AutoCloseable {
  /** One request received. */
  record Received(String body, String contentType, Optional<X509Certificate> client) {}

  private final HttpServer server;
  private final AtomicInteger status = new AtomicInteger(204);
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private Receiver(HttpServer server) {
    this.server = server;
    server.createContext("/duis", this::handle);
    server.start();
  }

  static Receiver http() throws IOException {
    return new Receiver(
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** Over HTTPS with {@code context}, requiring a client certificate. */
  static Receiver https(SSLContext context) throws IOException {
    HttpsServer s =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    s.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            javax.net.ssl.SSLParameters p = context.getDefaultSSLParameters();
            p.setNeedClientAuth(true);
            params.setSSLParameters(p);
          }
        });
    return new Receiver(s);
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Optional<X509Certificate> client = Optional.empty();
    if (exchange instanceof com.sun.net.httpserver.HttpsExchange https) {
      SSLSession session = https.getSSLSession();
      try {
        client = Optional.of((X509Certificate) session.getPeerCertificates()[0]);
      } catch (SSLPeerUnverifiedException none) {
        // no client certificate
      }
    }
    int answer = status.get();
    if (answer >= 200 && answer < 300) {
      received.add(
          new Received(
              new String(body, StandardCharsets.UTF_8),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              client));
    } else {
      rejected.incrementAndGet();
    }
    exchange.sendResponseHeaders(answer, -1);
    exchange.close();
  }

  private final AtomicInteger rejected = new AtomicInteger();

  /** How many requests were answered with a failure status. */
  int rejected() {
    return rejected.get();
  }

  /** Answers with {@code code} from now on. */
  void answer(int code) {
    status.set(code);
  }

  /** What was accepted, in order. */
  List<Received> received() {
    return List.copyOf(received);
  }

  /** The bodies accepted, in order. */
  List<String> bodies() {
    return received.stream().map(Received::body).toList();
  }

  URI url() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + "/duis");
  }

  /** A URL where nothing listens. */
  static URI down() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort() + "/duis");
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
