package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.PemMaterial;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With every logger at TRACE, the standalone simulator is started with generated TLS and mutual
 * authentication, serves good and bad requests, and stops: no line it logs carries any of its
 * private keys (PEM text or the private value itself).
 */
class NoSecretsInLogsTest {
  @TempDir Path data;

  @Test
  void noPrivateKeyReachesTheLogEvenAtTrace() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Path pki = data.resolve("pki");
    CapturedAtTrace captured = new CapturedAtTrace(logs);
    try {
      Map<String, String> settings = new HashMap<>();
      settings.put("port", "0");
      settings.put("smki-port", "0");
      settings.put("control-port", "0");
      settings.put("data-dir", data.toString());
      settings.put("tls-generate", "true");
      settings.put("tls-client-auth", "require");
      try (StandaloneSimulator s =
          StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), settings))) {
        Path ca = pki.resolve(StandaloneSimulator.TLS_CA_CERT);
        SSLContext supplier =
            StandaloneSimulatorTest.client(
                ca,
                pki.resolve(StandaloneSimulator.SUPPLIER_TLS_CERT),
                pki.resolve(StandaloneSimulator.SUPPLIER_TLS_KEY));
        URI base = URI.create(s.simulator().baseUrl());
        HttpDuisTransport https = HttpDuisTransport.builder(base).sslContext(supplier).build();
        assertThat(StandaloneSimulatorTest.answer(s, pki, https)).isEqualTo("I0");
        // A request that is not DUIS, over mutual TLS.
        HttpResponse<String> bad =
            HttpClient.newBuilder()
                .sslContext(supplier)
                .build()
                .send(
                    HttpRequest.newBuilder(base.resolve("/api/v1/serviceD"))
                        .header("Content-Type", "application/xml")
                        .POST(HttpRequest.BodyPublishers.ofString("<x/>"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        // The control API, with its token and with a wrong one.
        String token = Files.readString(pki.resolve("control-token")).strip();
        URI clock = s.control().orElseThrow().baseUri().resolve("clock");
        for (String sent : List.of(token, token + "x")) {
          HttpResponse<String> c =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(clock)
                          .header("Authorization", "Bearer " + sent)
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(c.statusCode()).isEqualTo(sent.equals(token) ? 200 : 401);
        }
        // No client certificate: refused in the handshake.
        assertThatThrownBy(
                () ->
                    HttpClient.newBuilder()
                        .sslContext(StandaloneSimulatorTest.client(ca, null, null))
                        .build()
                        .send(
                            HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()))
            .isInstanceOf(java.io.IOException.class);
        // Plain HTTP on the TLS port.
        try (Socket plain = new Socket(base.getHost(), base.getPort())) {
          plain.setSoTimeout(5_000);
          plain
              .getOutputStream()
              .write(
                  "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          try {
            plain.getInputStream().read(); // the server closes: end of stream, or a TLS alert
          } catch (java.net.SocketException reset) {
            // closed with a reset: closed all the same
          }
        }
      }
    } finally {
      captured.close();
    }

    List<String> secrets = secretsUnder(pki);
    assertThat(secrets).as("private keys found to look for").hasSizeGreaterThan(8);
    secrets.add(Files.readString(pki.resolve("control-token")).strip());
    assertThat(logs.list).as("lines logged at TRACE").hasSizeGreaterThan(20);
    for (ILoggingEvent e : logs.list) {
      String line =
          e.getFormattedMessage()
              + (e.getThrowableProxy() == null
                  ? ""
                  : ThrowableProxyUtil.asString(e.getThrowableProxy()));
      for (String secret : secrets) {
        assertThat(line).as(e.getLoggerName()).doesNotContain(secret);
      }
    }
  }

  /**
   * For every private key file under {@code dir}: each line of its PEM body, and its private value
   * in hexadecimal (both cases) and decimal.
   */
  private static List<String> secretsUnder(Path dir) throws Exception {
    List<String> secrets = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      // Binary files (the CRL and ARL the server keeps beside the hierarchy) are read as bytes.
      String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      if (!text.contains("PRIVATE KEY")) {
        continue;
      }
      text.lines().filter(l -> !l.startsWith("-----") && l.length() >= 16).forEach(secrets::add);
      BigInteger s = ((ECPrivateKey) PemMaterial.privateKey(f)).getS();
      secrets.add(s.toString(16));
      secrets.add(s.toString(16).toUpperCase(Locale.ROOT));
      secrets.add(s.toString());
    }
    return secrets;
  }

  /** Every logger at TRACE into one list appender, and the usual appenders off, until closed. */
  private static final class CapturedAtTrace implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    private final Map<Logger, Level> levels = new HashMap<>();
    private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();
    private final ListAppender<ILoggingEvent> capture;

    CapturedAtTrace(ListAppender<ILoggingEvent> capture) {
      this.capture = capture;
      for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
        detached.add(it.next());
      }
      detached.forEach(root::detachAppender);
      LoggerContext context = root.getLoggerContext();
      for (Logger l : context.getLoggerList()) {
        levels.put(l, l.getLevel());
        l.setLevel(Level.TRACE);
      }
      capture.start();
      root.addAppender(capture);
    }

    @Override
    public void close() {
      root.detachAppender(capture);
      levels.forEach(Logger::setLevel);
      detached.forEach(root::addAppender);
    }
  }
}
