package io.dccsim.sim.server;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A request that passed the transport checks (method, path, content type, size), as handed to the
 * {@link RequestProcessor}.
 *
 * @param sequence the exchange's sequence number
 * @param receivedAt when it arrived, by the simulator's clock
 * @param path the URL path, e.g. {@code /api/v1/serviceD}
 * @param remoteAddress the peer, e.g. {@code 127.0.0.1:53122}
 * @param peerCertificate the TLS client certificate, if mutual TLS presented one
 * @param body the request body
 */
public record IncomingRequest(
    long sequence,
    Instant receivedAt,
    String path,
    String remoteAddress,
    Optional<X509Certificate> peerCertificate,
    byte[] body) {

  /** Validates (the body is not copied: the server hands over its only copy). */
  public IncomingRequest {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(peerCertificate, "peerCertificate");
    Objects.requireNonNull(body, "body");
  }
}
