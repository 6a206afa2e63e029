package io.dccsim.sim.server.internal;

import io.dccsim.sim.server.RequestProcessor;
import io.dccsim.sim.server.ServerSettings;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Builds each connection's pipeline; reads top to bottom as a request travels. */
public final class DuisChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final ServerSettings settings;
  private final SslContext ssl;
  private final ConnectionLimit connectionLimit;
  private final ExchangeReporter reporter;
  private final RequestProcessor processor;
  private final Executor workers;
  private final Supplier<String> metricsPage;

  /** {@code ssl} is null for plain HTTP. */
  public DuisChannelInitializer(
      ServerSettings settings,
      SslContext ssl,
      ConnectionLimit connectionLimit,
      ExchangeReporter reporter,
      RequestProcessor processor,
      Executor workers,
      Supplier<String> metricsPage) {
    this.settings = settings;
    this.ssl = ssl;
    this.connectionLimit = connectionLimit;
    this.reporter = reporter;
    this.processor = processor;
    this.workers = workers;
    this.metricsPage = metricsPage;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    ChannelPipeline p = ch.pipeline();
    p.addLast("connection-limit", connectionLimit);
    if (ssl != null) {
      p.addLast("tls", ssl.newHandler(ch.alloc()));
    }
    p.addLast(
        "idle",
        new IdleStateHandler(0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS));
    p.addLast("idle-close", new IdleConnectionCloser());
    p.addLast("http", new HttpServerCodec(4096, 8192, 16 * 1024));
    p.addLast("request-timeout", new RequestTimeout(settings.requestTimeout(), reporter));
    p.addLast(
        "transport-checks", new TransportChecks(reporter, settings.maxBodyBytes(), metricsPage));
    p.addLast("aggregate", new HttpObjectAggregator(settings.maxBodyBytes()));
    p.addLast(
        "dispatch", new RequestDispatch(processor, workers, reporter, settings.maxPipelined()));
  }
}
