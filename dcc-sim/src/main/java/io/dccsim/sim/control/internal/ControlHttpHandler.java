package io.dccsim.sim.control.internal;

import io.dccsim.sim.control.ControlApi;
import io.dccsim.sim.control.ControlRequest;
import io.dccsim.sim.control.ControlResponse;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries one aggregated HTTP request to the {@link ControlApi} and writes its answer. */
public final class ControlHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(ControlHttpHandler.class);

  private final ControlApi api;

  /** A handler answering from {@code api}; stateless, so one instance may serve all channels. */
  public ControlHttpHandler(ControlApi api) {
    this.api = api;
  }

  @Override
  public boolean isSharable() {
    return true;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    ControlResponse answer;
    if (!msg.decoderResult().isSuccess()) {
      answer =
          new ControlResponse(
              400,
              "application/json",
              Map.of(),
              "{\"error\":\"bad request\",\"detail\":\"the HTTP request could not be decoded\"}"
                  .getBytes(StandardCharsets.UTF_8));
    } else {
      answer =
          api.handle(
              new ControlRequest(
                  msg.method().name(),
                  msg.uri(),
                  Optional.ofNullable(msg.headers().get(HttpHeaderNames.AUTHORIZATION)),
                  ByteBufUtil.getBytes(msg.content())));
    }
    FullHttpResponse response =
        new DefaultFullHttpResponse(
            msg.protocolVersion(),
            HttpResponseStatus.valueOf(answer.status()),
            Unpooled.wrappedBuffer(answer.body()));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
    answer.headers().forEach((k, v) -> response.headers().set(k, v));
    HttpUtil.setContentLength(response, answer.body().length);
    boolean keepAlive = HttpUtil.isKeepAlive(msg) && msg.decoderResult().isSuccess();
    HttpUtil.setKeepAlive(response, keepAlive);
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A peer going away is its business; no stack trace, no ERROR.
    LOG.debug("Control connection closed after an error: {}", cause.toString());
    ctx.close();
  }
}
