package io.dccsim.sim.server.internal;

import io.dccsim.sim.metrics.SimulatorMetrics;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closes a new connection at once when the server already holds its maximum. */
@ChannelHandler.Sharable
public final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimit.class);

  private final int max;
  private final SimulatorMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();

  /** At most {@code max} open connections. */
  public ConnectionLimit(int max, SimulatorMetrics metrics) {
    this.max = max;
    this.metrics = metrics;
  }

  /** How many connections are open now. */
  public int open() {
    return open.get();
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      metrics.connectionRefused();
      LOG.info(
          "connection refused remote={} reason=\"connection-limit: {} open\"",
          ctx.channel().remoteAddress(),
          max);
      ctx.close();
      return;
    }
    metrics.connectionOpened();
    ctx.channel()
        .closeFuture()
        .addListener(
            f -> {
              open.decrementAndGet();
              metrics.connectionClosed();
            });
    super.channelActive(ctx);
  }
}
