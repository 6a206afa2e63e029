package io.dccsim.sim.spi;

/**
 * Told of every exchange once its response has been written (or the connection reset). Called on a
 * worker thread; must be fast, must not block, and must not throw (a throwing listener is logged
 * and ignored).
 */
@FunctionalInterface
public interface ExchangeListener {
  /** Records or reacts to one exchange. */
  void onExchange(Exchange exchange);
}
