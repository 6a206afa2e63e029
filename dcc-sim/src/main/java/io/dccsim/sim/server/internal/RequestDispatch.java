package io.dccsim.sim.server.internal;

import io.dccsim.sim.server.IncomingRequest;
import io.dccsim.sim.server.Outcome;
import io.dccsim.sim.server.RequestProcessor;
import io.dccsim.sim.spi.Verdict;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each whole request to the {@link RequestProcessor} on the bounded worker executor (503 with
 * Retry-After when its queue is full), carries out the outcome on the event loop (delays on the
 * loop's timer, never slept), and writes answers on a connection strictly in request order, one
 * request at a time (pipelining-safe).
 */
public final class RequestDispatch extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(RequestDispatch.class);

  private final RequestProcessor processor;
  private final Executor workers;
  private final ExchangeReporter reporter;
  private final int maxPipelined;
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();

  /** One per connection. */
  public RequestDispatch(
      RequestProcessor processor, Executor workers, ExchangeReporter reporter, int maxPipelined) {
    this.processor = processor;
    this.workers = workers;
    this.reporter = reporter;
    this.maxPipelined = maxPipelined;
  }

  /** A request (or decided answer) waiting its turn on the connection. */
  private record Pending(
      IncomingRequest request, DirectAnswer direct, boolean keepAlive, long startNanos) {}

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ConnectionState state = ConnectionState.of(ctx.channel());
    Pending pending;
    if (msg instanceof DirectAnswer direct) {
      pending = new Pending(null, direct, !direct.closeAfter(), direct.startNanos());
    } else if (msg instanceof FullHttpRequest request) {
      try {
        if (state.abandonAggregate) {
          state.abandonAggregate = false;
          return;
        }
        pending = accept(ctx, request);
      } finally {
        ReferenceCountUtil.release(request);
      }
    } else {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (state.busy) {
      if (queue.size() >= maxPipelined) {
        LOG.info(
            "connection closed remote={} reason=\"pipeline-limit: over {} queued\"",
            ctx.channel().remoteAddress(),
            maxPipelined);
        ctx.close();
        return;
      }
      queue.add(pending);
    } else {
      start(ctx, pending);
    }
  }

  private Pending accept(ChannelHandlerContext ctx, FullHttpRequest request) {
    long start = System.nanoTime();
    IncomingRequest incoming =
        new IncomingRequest(
            reporter.nextSequence(),
            reporter.clock().instant(),
            UriPath.of(request.uri()),
            address(ctx.channel().remoteAddress()),
            peerCertificate(ctx),
            ByteBufUtil.getBytes(request.content()));
    return new Pending(incoming, null, HttpUtil.isKeepAlive(request), start);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    queue.clear();
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // Resets and broken pipes are the client's business: note them quietly.
    LOG.debug("connection error remote={}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private void start(ChannelHandlerContext ctx, Pending pending) {
    ConnectionState.of(ctx.channel()).busy = true;
    if (pending.direct() != null) {
      finish(ctx, pending, pending.direct().outcome());
      return;
    }
    try {
      workers.execute(() -> process(ctx, pending));
    } catch (RejectedExecutionException e) {
      Outcome busy =
          new Outcome(
              Duration.ZERO,
              new Outcome.Action.Respond(
                  503, "text/plain; charset=utf-8", "Busy, retry later\n".getBytes(), 1),
              Verdict.REFUSED_TRANSPORT,
              "overloaded: the work queue is full",
              Optional.empty(),
              Optional.empty());
      finish(ctx, pending, busy);
    }
  }

  private void process(ChannelHandlerContext ctx, Pending pending) {
    Outcome outcome;
    try {
      outcome = processor.process(pending.request());
    } catch (RuntimeException | Error e) {
      LOG.error("request processing failed seq={}", pending.request().sequence(), e);
      outcome =
          Outcome.plain(
              500, Verdict.FAILED, "Internal error", "server-error: " + e.getClass().getName());
    }
    if (!outcome.kept().isDone()) {
      // waits for what the answer promises (a response stored durably) off this worker
      Outcome promised = outcome;
      outcome
          .kept()
          .whenComplete(
              (v, failure) -> {
                Outcome o = failure == null ? promised : notKept(promised, failure);
                act(ctx, pending, o);
              });
      return;
    }
    if (outcome.kept().isCompletedExceptionally()) {
      outcome = notKept(outcome, null);
    }
    act(ctx, pending, outcome);
  }

  /** What to answer when what an answer promised could not be kept: 503, nothing acknowledged. */
  private static Outcome notKept(Outcome promised, Throwable failure) {
    LOG.warn(
        "an answer's promise was not kept, answering 503 instead: {}",
        failure == null ? "failed" : failure.toString());
    return new Outcome(
        Duration.ZERO,
        new Outcome.Action.Respond(
            503, "text/plain; charset=utf-8", "Busy, retry later\n".getBytes(), 1),
        Verdict.REFUSED_TRANSPORT,
        "not kept: " + (failure == null ? "failed" : failure.getClass().getSimpleName()),
        promised.facts(),
        Optional.empty());
  }

  private void act(ChannelHandlerContext ctx, Pending pending, Outcome decided) {
    if (decided.delay().isZero()) {
      ctx.executor().execute(() -> finish(ctx, pending, decided));
    } else {
      ctx.executor()
          .schedule(
              () -> finish(ctx, pending, decided), decided.delay().toNanos(), TimeUnit.NANOSECONDS);
    }
  }

  private void finish(ChannelHandlerContext ctx, Pending pending, Outcome outcome) {
    if (outcome.action() instanceof Outcome.Action.Reset) {
      report(pending, outcome, 0, new byte[0]);
      if (ctx.channel().isActive()) {
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      }
      ctx.close();
      return;
    }
    Outcome.Action.Respond respond = (Outcome.Action.Respond) outcome.action();
    boolean close = !pending.keepAlive();
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            HttpVersion.HTTP_1_1,
            HttpResponseStatus.valueOf(respond.status()),
            Unpooled.wrappedBuffer(respond.body()));
    if (!respond.contentType().isEmpty() && respond.body().length > 0) {
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, respond.contentType());
    }
    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, respond.body().length);
    if (respond.retryAfterSeconds() > 0) {
      response.headers().setInt(HttpHeaderNames.RETRY_AFTER, respond.retryAfterSeconds());
    }
    if (close) {
      response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    // Reported before the write, so a client holding its answer always finds the exchange in the
    // journal (a verification right after a call must not race the report).
    report(pending, outcome, respond.status(), respond.body());
    ctx.writeAndFlush(response)
        .addListener(
            f -> {
              if (close || !f.isSuccess()) {
                ctx.close();
                return;
              }
              ConnectionState.of(ctx.channel()).busy = false;
              Pending next = queue.poll();
              if (next != null) {
                start(ctx, next);
              }
            });
  }

  private void report(Pending pending, Outcome outcome, int status, byte[] responseBody) {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - pending.startNanos());
    if (pending.direct() != null) {
      DirectAnswer d = pending.direct();
      if (d.report()) {
        reporter.report(
            d.sequence(),
            d.receivedAt(),
            d.path(),
            d.remoteAddress(),
            Optional.empty(),
            outcome,
            status,
            new byte[0],
            responseBody,
            elapsed);
      }
      return;
    }
    IncomingRequest r = pending.request();
    reporter.report(
        r.sequence(),
        r.receivedAt(),
        r.path(),
        r.remoteAddress(),
        r.peerCertificate(),
        outcome,
        status,
        r.body(),
        responseBody,
        elapsed);
  }

  static Optional<X509Certificate> peerCertificate(ChannelHandlerContext ctx) {
    SslHandler ssl = ctx.pipeline().get(SslHandler.class);
    if (ssl == null) {
      return Optional.empty();
    }
    try {
      Certificate[] chain = ssl.engine().getSession().getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x
          ? Optional.of(x)
          : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  static String address(SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return inet.getAddress().getHostAddress() + ":" + inet.getPort();
    }
    return String.valueOf(address);
  }
}
