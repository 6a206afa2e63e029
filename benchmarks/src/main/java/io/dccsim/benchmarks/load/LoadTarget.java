package io.dccsim.benchmarks.load;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where a load run sends its requests and what it sends: a list of pre-built (for DUIS, pre-signed)
 * bodies, used in turn, so the load generator's own work per request is just writing bytes.
 *
 * @param name a short label for reports
 * @param uri the endpoint, {@code http://127.0.0.1:port/path}
 * @param contentType the request content type
 * @param bodies the request bodies, sent in order, wrapping around
 */
public record LoadTarget(String name, URI uri, String contentType, List<byte[]> bodies) {
  /** Validates. */
  public LoadTarget {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(contentType, "contentType");
    bodies = List.copyOf(bodies);
    if (bodies.isEmpty()) {
      throw new IllegalArgumentException("A load target needs at least one request body");
    }
    if (!"http".equals(uri.getScheme())) {
      throw new IllegalArgumentException("Only plain http targets are supported: " + uri);
    }
  }

  /** The port, defaulting to 80. */
  public int port() {
    return uri.getPort() < 0 ? 80 : uri.getPort();
  }
}
