package io.dccsim.benchmarks.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A Netty HTTP/1.1 load generator over keep-alive connections, with pre-built request bodies.
 *
 * <p>Closed loop: each connection sends its next request as soon as the previous answer arrives;
 * this finds saturation. Open loop: requests are due at a fixed rate whatever the server does, and
 * latency is measured from when each request was due, so a stalled server shows up in the
 * percentiles instead of being hidden (no coordinated omission).
 */
public final class LoadGenerator implements AutoCloseable {
  /** The prefix of the generator's thread names (profiles count its samples apart). */
  public static final String THREAD_NAME = "loadgen";

  private static final long MAX_LATENCY_MICROS = TimeUnit.SECONDS.toMicros(60);

  private final EventLoopGroup group;

  /** A generator with {@code threads} event-loop threads. */
  public LoadGenerator(int threads) {
    this.group =
        new MultiThreadIoEventLoopGroup(
            threads, new DefaultThreadFactory(THREAD_NAME, true), NioIoHandler.newFactory());
  }

  /** Saturates the target with {@code connections} connections for {@code warmup + duration}. */
  public LoadResult closedLoop(
      LoadTarget target, int connections, Duration warmup, Duration duration)
      throws InterruptedException {
    Run run = new Run(target, null);
    List<Channel> channels = run.connect(connections);
    for (Channel ch : channels) {
      run.sendNext(ch, System.nanoTime());
    }
    return run.measure("closed loop, " + connections + " connections", warmup, duration, channels);
  }

  /**
   * Sends at {@code ratePerSecond} over up to {@code connections} connections for {@code warmup +
   * duration}. Requests that find no free connection wait in a bounded queue; beyond it they count
   * as errors.
   */
  public LoadResult openLoop(
      LoadTarget target, int ratePerSecond, int connections, Duration warmup, Duration duration)
      throws InterruptedException {
    BlockingQueue<Long> due = new ArrayBlockingQueue<>(Math.max(1024, ratePerSecond));
    Run run = new Run(target, due);
    List<Channel> channels = run.connect(connections);
    for (Channel ch : channels) {
      run.idle.add(ch);
    }
    Thread pacer =
        new Thread(
            () -> {
              long interval = 1_000_000_000L / ratePerSecond;
              long next = System.nanoTime();
              while (!run.stopped.get()) {
                long now = System.nanoTime();
                if (now < next) {
                  LockSupport.parkNanos(Math.min(next - now, 1_000_000));
                  continue;
                }
                if (!due.offer(next)) {
                  run.errors.incrementAndGet();
                }
                next += interval;
                run.dispatch();
              }
            },
            THREAD_NAME + "-pacer");
    pacer.setDaemon(true);
    pacer.start();
    try {
      return run.measure("open loop, " + ratePerSecond + "/s", warmup, duration, channels);
    } finally {
      pacer.join(1000);
    }
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** One run's state: connections, counters and the latency recorder. */
  private final class Run {
    private final LoadTarget target;
    private final BlockingQueue<Long> due;
    private final BlockingQueue<Channel> idle = new ArrayBlockingQueue<>(100_000);
    private final Recorder recorder = new Recorder(MAX_LATENCY_MICROS, 3);
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger nextStream = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    Run(LoadTarget target, BlockingQueue<Long> due) {
      this.target = target;
      this.due = due;
    }

    List<Channel> connect(int connections) throws InterruptedException {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                      ch.pipeline()
                          .addLast(new HttpClientCodec())
                          .addLast(new HttpObjectAggregator(16 * 1024 * 1024))
                          .addLast(new ResponseHandler(Run.this));
                    }
                  });
      List<Channel> out = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        Channel ch = b.connect(target.uri().getHost(), target.port()).sync().channel();
        List<byte[]> stream =
            target
                .streams()
                .get(Math.floorMod(nextStream.getAndIncrement(), target.streams().size()));
        ch.attr(CURSOR).set(new Cursor(stream, target.startingOver()));
        out.add(ch);
      }
      return out;
    }

    void sendNext(Channel ch, long intendedNanos) {
      if (stopped.get() || !ch.isActive()) {
        return;
      }
      byte[] body = ch.attr(CURSOR).get().next();
      FullHttpRequest req =
          new DefaultFullHttpRequest(
              HttpVersion.HTTP_1_1,
              HttpMethod.POST,
              target.uri().getRawPath(),
              Unpooled.wrappedBuffer(body));
      req.headers()
          .set(HttpHeaderNames.HOST, target.uri().getHost() + ":" + target.port())
          .set(HttpHeaderNames.CONTENT_TYPE, target.contentType())
          .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ch.attr(ResponseHandler.SENT_AT).set(intendedNanos);
      ch.writeAndFlush(req)
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  errors.incrementAndGet();
                }
              });
    }

    /** Open loop: pairs due requests with idle connections. */
    void dispatch() {
      while (!due.isEmpty()) {
        Channel ch = idle.poll();
        if (ch == null) {
          return;
        }
        Long intended = due.poll();
        if (intended == null) {
          idle.offer(ch);
          return;
        }
        sendNext(ch, intended);
      }
    }

    void onResponse(Channel ch, int status, io.netty.buffer.ByteBuf content) {
      long sentAt = ch.attr(ResponseHandler.SENT_AT).get();
      long micros = Math.min((System.nanoTime() - sentAt) / 1000, MAX_LATENCY_MICROS);
      boolean ok =
          status >= 200
              && status < 300
              && target.successMarker().map(m -> contains(content, m)).orElse(true);
      if (ok) {

        recorder.recordValue(Math.max(micros, 1));
      } else {
        errors.incrementAndGet();
      }
      if (due == null) {
        sendNext(ch, System.nanoTime());
      } else {
        idle.offer(ch);
        dispatch();
      }
    }

    LoadResult measure(String mode, Duration warmup, Duration duration, List<Channel> channels)
        throws InterruptedException {
      Thread.sleep(warmup.toMillis());
      recorder.getIntervalHistogram(); // discard warm-up latencies
      long err0 = errors.get();
      long t0 = System.nanoTime();
      Thread.sleep(duration.toMillis());
      Histogram h = recorder.getIntervalHistogram();
      long t1 = System.nanoTime();
      // the window's successes are the latencies it recorded: counting them apart from the
      // histogram would let a response that lands between the two reads be in one and not the other
      long ok = h.getTotalCount();
      long err = errors.get() - err0;
      stopped.set(true);
      for (Channel ch : channels) {
        ch.close().await(1, TimeUnit.SECONDS);
      }
      return new LoadResult(target.name(), mode, ok, err, Duration.ofNanos(t1 - t0), h);
    }
  }

  private static final io.netty.util.AttributeKey<Cursor> CURSOR =
      io.netty.util.AttributeKey.valueOf("dccsim.load.cursor");

  /** A connection's place in its stream of bodies; used by one connection at a time. */
  private static final class Cursor {
    private final List<byte[]> bodies;
    private final Runnable startingOver;
    private int next;
    private boolean started;

    Cursor(List<byte[]> bodies, Runnable startingOver) {
      this.bodies = bodies;
      this.startingOver = startingOver;
    }

    byte[] next() {
      if (next == 0 && started) {
        startingOver.run();
      }
      started = true;
      byte[] b = bodies.get(next);
      next = (next + 1) % bodies.size();
      return b;
    }
  }

  private static boolean contains(io.netty.buffer.ByteBuf haystack, byte[] needle) {
    int end = haystack.writerIndex() - needle.length;
    outer:
    for (int i = haystack.readerIndex(); i <= end; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack.getByte(i + j) != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Hands each complete response to the run. */
  private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    static final io.netty.util.AttributeKey<Long> SENT_AT =
        io.netty.util.AttributeKey.valueOf("dccsim.load.sentAt");
    private final Run run;

    ResponseHandler(Run run) {
      this.run = run;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse msg) {
      run.onResponse(ctx.channel(), msg.status().code(), msg.content());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      run.errors.incrementAndGet();
      ctx.close();
    }
  }
}
