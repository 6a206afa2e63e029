package io.dccsim.sim.server.internal;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** Per-connection state shared by the handlers (touched on the channel's event loop only). */
final class ConnectionState {
  private static final AttributeKey<ConnectionState> KEY =
      AttributeKey.valueOf(ConnectionState.class, "state");

  /** A request is being processed or answered. */
  boolean busy;

  /** Whether the request now arriving was already refused (its remaining content is dropped). */
  boolean discarding;

  /** The next aggregated request was cut short by a refusal: drop it. */
  boolean abandonAggregate;

  static ConnectionState of(Channel channel) {
    ConnectionState state = channel.attr(KEY).get();
    if (state == null) {
      state = new ConnectionState();
      channel.attr(KEY).set(state);
    }
    return state;
  }
}
