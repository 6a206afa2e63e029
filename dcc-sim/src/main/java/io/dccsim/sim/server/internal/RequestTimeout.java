package io.dccsim.sim.server.internal;

import io.dccsim.sim.server.Outcome;
import io.dccsim.sim.spi.Verdict;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request must arrive whole within the request timeout from its first line, however slowly its
 * bytes trickle in: otherwise the server answers 408 and closes the connection. The timeout is an
 * exchange like any refusal: listeners, metrics and the log hear of it.
 */
public final class RequestTimeout extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestTimeout.class);

  private final Duration timeout;
  private final ExchangeReporter reporter;
  private ScheduledFuture<?> pending;
  private String uri = "-";
  private long startNanos;

  /** Requests must arrive within {@code timeout}; timeouts are reported to {@code reporter}. */
  public RequestTimeout(Duration timeout, ExchangeReporter reporter) {
    this.timeout = timeout;
    this.reporter = reporter;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest request && pending == null) {
      uri = request.uri(); // only read if the request times out
      startNanos = System.nanoTime();
      pending = ctx.executor().schedule(() -> expire(ctx), timeout.toNanos(), TimeUnit.NANOSECONDS);
    }
    if (msg instanceof LastHttpContent && pending != null) {
      pending.cancel(false);
      pending = null;
    }
    ctx.fireChannelRead(msg);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    super.channelInactive(ctx);
  }

  private void expire(ChannelHandlerContext ctx) {
    pending = null;
    String reason = "request-timeout: not whole within " + timeout;
    boolean answerDue = ConnectionState.of(ctx.channel()).busy;
    // With an earlier answer still due, the connection is closed without a 408 (status 0).
    Outcome outcome =
        answerDue
            ? new Outcome(
                Duration.ZERO,
                new Outcome.Action.Reset(),
                Verdict.REFUSED_TRANSPORT,
                reason,
                Optional.empty(),
                Optional.empty())
            : Outcome.plain(
                HttpResponseStatus.REQUEST_TIMEOUT.code(),
                Verdict.REFUSED_TRANSPORT,
                "Request timed out",
                reason);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    try {
      reporter.report(
          reporter.nextSequence(),
          reporter.clock().instant().minus(elapsed),
          UriPath.of(uri),
          RequestDispatch.address(ctx.channel().remoteAddress()),
          RequestDispatch.peerCertificate(ctx),
          outcome,
          answerDue ? 0 : HttpResponseStatus.REQUEST_TIMEOUT.code(),
          new byte[0],
          new byte[0],
          elapsed);
    } catch (RuntimeException e) {
      LOG.warn("Reporting a request timeout failed: {}", e.toString());
    }
    if (answerDue) {
      ctx.close(); // an earlier answer is still due: do not write out of order
      return;
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.REQUEST_TIMEOUT,
            Unpooled.copiedBuffer("Request timed out\n", StandardCharsets.UTF_8));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }
}
