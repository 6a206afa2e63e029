package io.dccsim.benchmarks.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The transport limit: a Netty HTTP/1.1 server that answers every POST with the same bytes, doing
 * nothing else. What the simulator does per request is measured against this.
 */
public final class BareNettyServer implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;

  private BareNettyServer(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /** Starts on 127.0.0.1, an ephemeral port, answering with {@code body}. */
  public static BareNettyServer start(byte[] body, String contentType) throws InterruptedException {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
    ByteBuf shared = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body));
    Channel ch =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel c) {
                    c.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(1024 * 1024))
                        .addLast(new FixedAnswer(shared, contentType));
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
    return new BareNettyServer(group, ch);
  }

  /** The base URI, e.g. {@code http://127.0.0.1:40123}. */
  public URI baseUri() {
    InetSocketAddress a = (InetSocketAddress) channel.localAddress();
    return URI.create("http://127.0.0.1:" + a.getPort());
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  @ChannelHandler.Sharable
  private static final class FixedAnswer extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ByteBuf body;
    private final String contentType;

    FixedAnswer(ByteBuf body, String contentType) {
      this.body = body;
      this.contentType = contentType;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      FullHttpResponse res =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body.duplicate());
      res.headers()
          .set(HttpHeaderNames.CONTENT_TYPE, contentType)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      ctx.writeAndFlush(res);
    }
  }
}
