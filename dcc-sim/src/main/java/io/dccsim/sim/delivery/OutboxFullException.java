package io.dccsim.sim.delivery;

/** The outbox holds as many messages as it may; the message was not accepted. */
public final class OutboxFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the bound. */
  public OutboxFullException(String message) {
    super(message);
  }
}
