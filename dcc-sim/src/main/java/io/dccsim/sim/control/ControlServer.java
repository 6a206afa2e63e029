package io.dccsim.sim.control;

import io.dccsim.sim.console.Console;
import io.dccsim.sim.console.internal.SecurityHeaders;
import io.dccsim.sim.control.internal.ControlHttpHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The control API on its own port: one small Netty server, loopback by default.
 *
 * <pre>{@code
 * try (ControlServer control = ControlServer.start(harnessState, BearerToken.random())) {
 *   URI base = control.baseUri(); // http://127.0.0.1:<port>/control/
 * }
 * }</pre>
 */
public final class ControlServer implements AutoCloseable {
  /** Seconds a connection may sit idle mid-request before it is closed. */
  private static final int READ_TIMEOUT_SECONDS = 30;

  private final EventLoopGroup group;
  private final Channel channel;
  private final BearerToken token;
  private final ControlApi api;

  private ControlServer(EventLoopGroup group, Channel channel, BearerToken token, ControlApi api) {
    this.group = group;
    this.channel = channel;
    this.token = token;
    this.api = api;
  }

  /** Starts on 127.0.0.1, on a free port. */
  public static ControlServer start(ControlledSimulator target, BearerToken token) {
    return start(target, token, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
  }

  /**
   * Starts on {@code address} (port 0 for a free one). Prefer loopback: the token is the only
   * protection and the API is plain HTTP.
   */
  public static ControlServer start(
      ControlledSimulator target, BearerToken token, InetSocketAddress address) {
    return start(target, token, address, List.of());
  }

  /**
   * Starts on {@code address} with {@code extraRoutes} added to the API's own (see {@link
   * ControlRoute}).
   */
  public static ControlServer start(
      ControlledSimulator target,
      BearerToken token,
      InetSocketAddress address,
      List<ControlRoute> extraRoutes) {
    return start(target, token, address, extraRoutes, Optional.empty());
  }

  /**
   * Starts on {@code address} with {@code extraRoutes} added to the API's own, and the web {@code
   * console} (its pages under {@value io.dccsim.sim.console.Console#PATH}, its routes added too)
   * when given.
   */
  public static ControlServer start(
      ControlledSimulator target,
      BearerToken token,
      InetSocketAddress address,
      List<ControlRoute> extraRoutes,
      Optional<Console> console) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(console, "console");
    List<ControlRoute> routes = new ArrayList<>(extraRoutes);
    console.ifPresent(c -> routes.addAll(c.routes()));
    ControlApi api = new ControlApi(target, token, routes);
    ControlHttpHandler handler = new ControlHttpHandler(api);
    Optional<ChannelHandler> pages = console.map(c -> c.handler(token));
    SecurityHeaders headers = new SecurityHeaders();
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel ch =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .option(ChannelOption.SO_BACKLOG, 64)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                      c.pipeline()
                          .addLast("read-timeout", new ReadTimeoutHandler(READ_TIMEOUT_SECONDS))
                          .addLast("http", new HttpServerCodec())
                          .addLast("security-headers", headers)
                          .addLast(
                              "aggregate", new HttpObjectAggregator(ControlApi.MAX_BODY_BYTES));
                      pages.ifPresent(p -> c.pipeline().addLast("console", p));
                      c.pipeline().addLast("control", handler);
                    }
                  })
              .bind(address)
              .syncUninterruptibly()
              .channel();
      return new ControlServer(group, ch, token, api);
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
      throw e;
    }
  }

  /** The address it listens on. */
  public InetSocketAddress address() {
    return (InetSocketAddress) channel.localAddress();
  }

  /** The port it listens on. */
  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  /** E.g. {@code http://127.0.0.1:40123/control/}. */
  public URI baseUri() {
    InetSocketAddress a = (InetSocketAddress) channel.localAddress();
    String host = a.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + a.getPort() + "/control/");
  }

  /** The route table it answers. */
  public List<ControlRoute> routes() {
    return api.routes();
  }

  /**
   * E.g. {@code http://127.0.0.1:40123/openapi.json}: the API's description, served without the
   * token.
   */
  public URI openApiUri() {
    return baseUri().resolve(ControlApi.OPENAPI_PATH);
  }

  /** The token clients must send. */
  public BearerToken token() {
    return token;
  }

  /** Stops listening and releases the thread. */
  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
