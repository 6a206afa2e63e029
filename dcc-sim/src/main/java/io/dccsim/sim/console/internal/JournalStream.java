package io.dccsim.sim.console.internal;

import io.dccsim.sim.console.Console;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.spi.Exchange;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The journal as server-sent events: {@code event: exchange} with the exchange as JSON (no bodies)
 * for each one recorded, {@code event: gap} when some were skipped. Bounded: at most {@value
 * #MAX_STREAMS} streams at once (more are answered 503), at most {@value #MAX_PER_TICK} events per
 * quarter second (the rest counted in a gap), nothing written while the client is not reading, and
 * each stream ends after {@value #MAX_MINUTES} minutes (the browser reconnects by itself and sends
 * the last event's id).
 */
final class JournalStream {
  static final int MAX_STREAMS = 8;
  static final int MAX_PER_TICK = 200;
  static final int MAX_MINUTES = 30;
  private static final long TICK_MILLIS = 250;
  private static final long HEARTBEAT_TICKS = 60; // 15 s

  private final AtomicInteger open = new AtomicInteger();

  void open(
      ChannelHandlerContext ctx,
      FullHttpRequest msg,
      RequestJournal journal,
      int backlog,
      String lastEventId) {
    if (open.incrementAndGet() > MAX_STREAMS) {
      open.decrementAndGet();
      byte[] body =
          ("{\"error\":\"too many streams\",\"detail\":\"at most "
                  + MAX_STREAMS
                  + " journal streams at once\"}")
              .getBytes(StandardCharsets.UTF_8);
      FullHttpResponse r =
          new DefaultFullHttpResponse(
              msg.protocolVersion(),
              HttpResponseStatus.SERVICE_UNAVAILABLE,
              Unpooled.wrappedBuffer(body));
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
      r.headers().set(HttpHeaderNames.RETRY_AFTER, "5");
      HttpUtil.setContentLength(r, body.length);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (ctx.pipeline().get("read-timeout") != null) {
      ctx.pipeline().remove("read-timeout"); // a stream reads nothing for a long time
    }
    HttpResponse head = new DefaultHttpResponse(msg.protocolVersion(), HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    head.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    HttpUtil.setTransferEncodingChunked(head, true);
    ctx.write(head);

    long after = -1;
    if (lastEventId != null) {
      try {
        after = Long.parseLong(lastEventId.strip());
      } catch (NumberFormatException e) {
        after = -1;
      }
    }
    RequestJournal.Followed first = journal.follow(0, after >= 0 ? Console.MAX_BACKLOG : backlog);
    StringBuilder b = new StringBuilder("retry: 2000\n\n");
    for (Exchange e : first.exchanges()) {
      if (e.sequence() > after) {
        b.append(Console.event(e));
      }
    }
    send(ctx, b);

    long[] mark = {first.mark()};
    long[] ticks = {0};
    long lastTick = TimeUnit.MINUTES.toMillis(MAX_MINUTES) / TICK_MILLIS;
    ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
    task[0] =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> {
                  ticks[0]++;
                  if (!ctx.channel().isActive()) {
                    task[0].cancel(false);
                    return;
                  }
                  if (ticks[0] >= lastTick) {
                    task[0].cancel(false);
                    ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT)
                        .addListener(ChannelFutureListener.CLOSE);
                    return;
                  }
                  if (!ctx.channel().isWritable()) {
                    return; // the client is behind; what it misses is counted as a gap later
                  }
                  RequestJournal.Followed f = journal.follow(mark[0], MAX_PER_TICK);
                  mark[0] = f.mark();
                  StringBuilder out = new StringBuilder();
                  if (f.skipped() > 0) {
                    out.append("event: gap\ndata: {\"skipped\":")
                        .append(f.skipped())
                        .append("}\n\n");
                  }
                  for (Exchange e : f.exchanges()) {
                    out.append(Console.event(e));
                  }
                  if (out.length() == 0 && ticks[0] % HEARTBEAT_TICKS == 0) {
                    out.append(": still here\n\n");
                  }
                  if (out.length() > 0) {
                    send(ctx, out);
                  }
                },
                TICK_MILLIS,
                TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    ctx.channel()
        .closeFuture()
        .addListener(
            f -> {
              task[0].cancel(false);
              open.decrementAndGet();
            });
  }

  private static void send(ChannelHandlerContext ctx, CharSequence text) {
    ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
  }
}
