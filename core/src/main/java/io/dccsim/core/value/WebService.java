package io.dccsim.core.value;

import java.util.Optional;

/**
 * The DCC User Interface web services a Service Request is posted to, with the paths the public DCC
 * test environment uses.
 */
public enum WebService {
  /** Non-device services (command variant 8). */
  NON_DEVICE("/api/v1/serviceD"),
  /** Device service requests and signed pre-commands sent on to devices (variants 1-3, 5-7). */
  SEND_COMMAND("/api/v1/serviceS"),
  /** Transformation of a critical request into a pre-command for the User to sign (variant 4). */
  TRANSFORM("/api/v1/serviceT");

  private final String path;

  WebService(String path) {
    this.path = path;
  }

  /** The HTTP path, e.g. {@code /api/v1/serviceD}. */
  public String path() {
    return path;
  }

  /** The web service at {@code path}, compared exactly. */
  public static Optional<WebService> fromPath(String path) {
    for (WebService w : values()) {
      if (w.path.equals(path)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }
}
