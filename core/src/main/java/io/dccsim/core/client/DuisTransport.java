package io.dccsim.core.client;

/**
 * Carries a signed DUIS document to the DCC and brings back the answer. {@link HttpDuisTransport}
 * is the HTTP(S) implementation; tests and in-process harnesses can supply their own.
 */
@FunctionalInterface
public interface DuisTransport {

  /**
   * Posts {@code body} as {@code application/xml} to {@code path} (for example {@code
   * /api/v1/serviceD}) and returns the answer, whatever its status.
   *
   * @throws DuisTransportException when nothing was received
   */
  TransportResponse post(String path, byte[] body);
}
