package io.dccsim.sim.server.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection that has been idle (nothing read or written) for the idle timeout, unless a
 * request on it is still being processed or deliberately delayed.
 */
public final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      if (!ConnectionState.of(ctx.channel()).busy) {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }
}
