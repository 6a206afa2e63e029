package io.dccsim.sim.server;

/**
 * Turns a request that passed the transport checks into an {@link Outcome}. Called on a worker
 * thread of the server's bounded executor, never on the event loop; may be called concurrently.
 * Must not throw for anything a client can send (a thrown exception becomes HTTP 500).
 */
@FunctionalInterface
public interface RequestProcessor {
  /** Processes one request. */
  Outcome process(IncomingRequest request);
}
