package io.dccsim.sim.delivery;

/**
 * Where the simulated DCC puts what it sends a User later, outside the HTTP exchange of a request:
 * the signed asynchronous response to a device Service Request, and device and DCC alerts. An
 * implementation delivers each message to the User's registered receiving endpoint, in order per
 * User, retrying and dead-lettering as the DCC does.
 */
public interface Outbox {
  /**
   * Queues a message for delivery. Returns once the message is accepted (for a durable outbox:
   * stored), so nothing acknowledged to a User is lost.
   *
   * @return the message's sequence number, unique in this outbox
   * @throws OutboxFullException when the outbox holds as many messages as it is bounded to
   */
  long enqueue(OutboundMessage message);

  /**
   * Queues a message to go at {@code due} on the simulator's clock, or at once when that has
   * passed. This default hands it over at once; the simulator gives an outbox that does not keep
   * messages for later its own timer, so the message is handed over when it is due.
   *
   * @return the message's sequence number, unique in this outbox
   * @throws OutboxFullException when the outbox holds as many messages as it is bounded to
   */
  default long enqueue(OutboundMessage message, java.time.Instant due) {
    return enqueue(message);
  }

  /**
   * Queues a message as {@link #enqueue(OutboundMessage, java.time.Instant)} does, returning once
   * it is accepted but maybe before it is kept durably: the future completes with its sequence
   * number once it is, so that a caller can wait for that without holding a thread.
   *
   * @throws OutboxFullException when the outbox holds as many messages as it is bounded to
   */
  default java.util.concurrent.CompletableFuture<Long> enqueueKept(
      OutboundMessage message, java.time.Instant due) {
    return java.util.concurrent.CompletableFuture.completedFuture(enqueue(message, due));
  }

  /** An outbox that drops everything, for simulators that deliver nothing. */
  Outbox NONE = message -> 0L;
}
