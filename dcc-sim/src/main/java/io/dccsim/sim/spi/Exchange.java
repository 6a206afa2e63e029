package io.dccsim.sim.spi;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and what the server did with it, as reported to {@link ExchangeListener}s.
 *
 * @param sequence increasing per server, from 1
 * @param receivedAt when the request arrived, by the simulator's clock
 * @param path the URL path
 * @param remoteAddress the peer's address
 * @param peerCertificate the TLS client certificate, when mutual TLS presented one
 * @param facts what was known about the request, when it got as far as authentication
 * @param verdict how the pipeline judged it
 * @param reason the precise reason for a refusal (for the journal and the log, not the client)
 * @param httpStatus the HTTP status answered, or 0 when the connection was reset
 * @param responseCode the DUIS response code sent, when a DUIS response was sent
 * @param requestBody the request bytes, truncated to the server's journal body limit
 * @param responseBody the response bytes, truncated likewise
 * @param elapsed from arrival to the answer being handed to the connection
 */
public record Exchange(
    long sequence,
    Instant receivedAt,
    String path,
    String remoteAddress,
    Optional<X509Certificate> peerCertificate,
    Optional<RequestFacts> facts,
    Verdict verdict,
    String reason,
    int httpStatus,
    Optional<String> responseCode,
    byte[] requestBody,
    byte[] responseBody,
    Duration elapsed) {

  /** Validates and copies. */
  public Exchange {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(peerCertificate, "peerCertificate");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(responseCode, "responseCode");
    requestBody = Objects.requireNonNull(requestBody, "requestBody").clone();
    responseBody = Objects.requireNonNull(responseBody, "responseBody").clone();
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** The request bytes (a copy). */
  @Override
  public byte[] requestBody() {
    return requestBody.clone();
  }

  /** The response bytes (a copy). */
  @Override
  public byte[] responseBody() {
    return responseBody.clone();
  }
}
