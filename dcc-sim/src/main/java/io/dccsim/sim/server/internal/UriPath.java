package io.dccsim.sim.server.internal;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Optional;

/** The path of a request URI, percent-decoded, for a server that must answer every request. */
final class UriPath {
  private UriPath() {}

  /** The decoded path, or empty when the URI's percent-escapes do not decode. */
  static Optional<String> decoded(String uri) {
    try {
      return Optional.of(new QueryStringDecoder(uri).path());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * The decoded path, or the path as sent when it does not decode (for reporting: a request with
   * such a URI is refused before anything else looks at it).
   */
  static String of(String uri) {
    return decoded(uri).orElseGet(() -> raw(uri));
  }

  /** The path as sent: everything before the query or fragment. */
  static String raw(String uri) {
    int end = uri.length();
    for (char c : new char[] {'?', '#'}) {
      int i = uri.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return uri.substring(0, end);
  }
}
