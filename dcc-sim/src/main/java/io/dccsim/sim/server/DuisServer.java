package io.dccsim.sim.server;

import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.server.internal.ConnectionLimit;
import io.dccsim.sim.server.internal.DuisChannelInitializer;
import io.dccsim.sim.server.internal.ExchangeReporter;
import io.dccsim.sim.spi.ExchangeListener;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The simulated DCC's HTTP(S) server: Netty, HTTP/1.1, keep-alive, pipelining-safe. It does the
 * transport part (limits, timeouts, connection count, TLS, back-pressure) and hands each request to
 * a {@link RequestProcessor} on a bounded worker pool. Start with {@link #start}; stop with {@link
 * #close()} (graceful).
 */
public final class DuisServer implements AutoCloseable {
  private final EventLoopGroup boss;
  private final EventLoopGroup loops;
  private final ThreadPoolExecutor workers;
  private final Channel channel;
  private final boolean tls;

  private DuisServer(
      EventLoopGroup boss,
      EventLoopGroup loops,
      ThreadPoolExecutor workers,
      Channel channel,
      boolean tls) {
    this.boss = boss;
    this.loops = loops;
    this.workers = workers;
    this.channel = channel;
    this.tls = tls;
  }

  /**
   * Binds and starts serving.
   *
   * @param settings where to listen and the bounds
   * @param processor turns requests into outcomes
   * @param listeners a live, thread-safe list of exchange listeners
   * @param metrics where to count
   * @param clock the simulator's clock (for arrival times)
   * @throws InterruptedException if interrupted while binding
   */
  public static DuisServer start(
      ServerSettings settings,
      RequestProcessor processor,
      List<ExchangeListener> listeners,
      SimulatorMetrics metrics,
      Clock clock)
      throws InterruptedException {
    SslContext ssl = settings.tls().map(TlsSettings::serverContext).orElse(null);
    ExchangeReporter reporter =
        new ExchangeReporter(listeners, metrics, clock, settings.journalBodyLimit());
    ConnectionLimit limit = new ConnectionLimit(settings.maxConnections(), metrics);
    ThreadPoolExecutor workers =
        new ThreadPoolExecutor(
            settings.workerThreads(),
            settings.workerThreads(),
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(settings.workQueueCapacity()),
            new DefaultThreadFactory("dccsim-worker", true));
    metrics.gauge(
        "dccsim.work.queued", "Requests waiting for a worker", () -> workers.getQueue().size());
    // Named threads, so thread dumps and profiles tell the server's from a client's in one JVM.
    EventLoopGroup boss =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("dccsim-accept"), NioIoHandler.newFactory());
    EventLoopGroup loops =
        new MultiThreadIoEventLoopGroup(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            new DefaultThreadFactory("dccsim-io"),
            NioIoHandler.newFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(boss, loops)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 1024)
              .childOption(ChannelOption.TCP_NODELAY, true)
              .childHandler(
                  new DuisChannelInitializer(
                      settings, ssl, limit, reporter, processor, workers, metrics::scrape))
              .bind(settings.host(), settings.port())
              .sync()
              .channel();
      return new DuisServer(boss, loops, workers, channel, ssl != null);
    } catch (InterruptedException | RuntimeException e) {
      boss.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      loops.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      workers.shutdownNow();
      throw e;
    }
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** E.g. {@code http://127.0.0.1:40123}. */
  public String baseUrl() {
    InetSocketAddress a = address();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (tls ? "https://" : "http://") + host + ":" + a.getPort();
  }

  /** Stops accepting, lets answers in progress finish briefly, then stops. */
  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    boss.shutdownGracefully(0, 1000, TimeUnit.MILLISECONDS);
    loops.shutdownGracefully(100, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly();
    boss.terminationFuture().awaitUninterruptibly();
    workers.shutdownNow();
  }
}
