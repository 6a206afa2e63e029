package io.dccsim.core.client;

/**
 * The answer is not a document the client can trust: refused by the hardened parser (DOCTYPE, too
 * large, malformed, ...) or its signature is missing, broken, or not the DCC's. The cause is the
 * {@link io.dccsim.core.xml.XmlRejectedException} or {@link
 * io.dccsim.core.signature.SignatureRejectedException} with its reason.
 */
public final class ResponseVerificationException extends DuisClientException {
  private static final long serialVersionUID = 1L;

  /** A verification failure. */
  public ResponseVerificationException(String message, Throwable cause) {
    super(message, cause);
  }
}
