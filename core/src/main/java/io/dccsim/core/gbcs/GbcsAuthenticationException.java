package io.dccsim.core.gbcs;

/** Ciphertext whose tag does not verify under the key given: the wrong key, or altered bytes. */
public final class GbcsAuthenticationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal saying what did not verify. */
  public GbcsAuthenticationException(String message) {
    super(message);
  }
}
