package io.dccsim.benchmarks.load;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a load run sends its requests and what it sends: pre-built (for DUIS, pre-signed) request
 * bodies, so the load generator's own work per request is just writing bytes.
 *
 * <p>Bodies come in streams: connection {@code i} sends stream {@code i mod n} in order, one
 * request in flight at a time, wrapping around at its end. DUIS needs this: each stream belongs to
 * one User whose Request ID counters must arrive in increasing order.
 *
 * @param name a short label for reports
 * @param uri the endpoint, {@code http://127.0.0.1:port/path}
 * @param contentType the request content type
 * @param streams the request bodies, one list per stream
 * @param successMarker bytes a successful response body must contain (e.g. the I0 response code); a
 *     2xx answer without them counts as an error
 * @param startingOver run when a connection's stream starts over, before its first body is sent
 *     again (a long DUIS run uses it to let the server accept the repeated counters)
 */
public record LoadTarget(
    String name,
    URI uri,
    String contentType,
    List<List<byte[]>> streams,
    Optional<byte[]> successMarker,
    Runnable startingOver) {
  /** Validates. */
  public LoadTarget {
    Objects.requireNonNull(startingOver, "startingOver");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(contentType, "contentType");
    streams = streams.stream().map(List::copyOf).toList();
    if (streams.isEmpty() || streams.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("A load target needs request bodies in every stream");
    }
    Objects.requireNonNull(successMarker, "successMarker");
    if (!"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Only plain http targets are supported: " + uri);
    }
  }

  /** A target whose streams simply start over at their end. */
  public LoadTarget(
      String name,
      URI uri,
      String contentType,
      List<List<byte[]>> streams,
      Optional<byte[]> successMarker) {
    this(name, uri, contentType, streams, successMarker, () -> {});
  }

  /** One stream of bodies and no success marker: any 2xx counts. */
  public static LoadTarget of(String name, URI uri, String contentType, List<byte[]> bodies) {
    return new LoadTarget(name, uri, contentType, List.of(bodies), Optional.empty());
  }

  /** This target with a success marker. */
  public LoadTarget expecting(byte[] marker) {
    return new LoadTarget(
        name, uri, contentType, streams, Optional.of(marker.clone()), startingOver);
  }

  /** This target, running {@code hook} whenever a connection's stream starts over. */
  public LoadTarget startingOver(Runnable hook) {
    return new LoadTarget(name, uri, contentType, streams, successMarker, hook);
  }

  /** The port, defaulting to 80. */
  public int port() {
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }
}
