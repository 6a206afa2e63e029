package io.dccsim.sim.spi;

/**
 * Told of every exchange once its answer is decided, just before the answer is written (or the
 * connection reset), so a client that holds its answer always finds the exchange already reported.
 * Called on a server thread (a worker or the connection's event loop); must be fast, must not
 * block, and must not throw (a throwing listener is logged and ignored).
 */
@FunctionalInterface
public interface ExchangeListener {
  /** Records or reacts to one exchange. */
  void onExchange(Exchange exchange);
}
