package io.dccsim.sim.server.internal;

import io.dccsim.sim.server.Outcome;
import io.dccsim.sim.spi.Verdict;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses, before any body is buffered, what is not a DUIS request by its envelope: an unknown path
 * (404), a method other than POST (405), a content type other than XML (415), a body beyond the
 * limit by its declared length or as it streams in (413). Serves the metrics page on GET. A refused
 * request's remaining content is dropped and the connection closed after the answer.
 */
public final class TransportChecks extends ChannelInboundHandlerAdapter {
  /** The DUIS endpoints. */
  public static final Set<String> DUIS_PATHS =
      Set.of("/api/v1/serviceD", "/api/v1/serviceS", "/api/v1/serviceT");

  /** Where the Prometheus metrics are served (GET). */
  public static final String METRICS_PATH = "/metrics";

  private final ExchangeReporter reporter;
  private final int maxBodyBytes;
  private final Supplier<String> metricsPage;

  private long received;
  private HttpRequest current;
  private long currentStartNanos;
  private String remote = "-";

  /** Checks against these limits. */
  public TransportChecks(
      ExchangeReporter reporter, int maxBodyBytes, Supplier<String> metricsPage) {
    this.reporter = reporter;
    this.maxBodyBytes = maxBodyBytes;
    this.metricsPage = metricsPage;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    ConnectionState state = ConnectionState.of(ctx.channel());
    if (msg instanceof HttpRequest request) {
      state.discarding = false;
      current = request;
      currentStartNanos = System.nanoTime();
      received = 0;
      remote = RequestDispatch.address(ctx.channel().remoteAddress());
      Optional<DirectAnswer> refusal = check(request);
      if (refusal.isPresent()) {
        state.discarding = true;
        ReferenceCountUtil.release(msg);
        ctx.fireChannelRead(refusal.get());
        return;
      }
    }
    if (msg instanceof HttpContent content) {
      if (state.discarding) {
        ReferenceCountUtil.release(msg);
        return;
      }
      received += content.content().readableBytes();
      if (received > maxBodyBytes) {
        state.discarding = true;
        ReferenceCountUtil.release(msg);
        // End the aggregator's message (the dispatcher drops it), then refuse.
        state.abandonAggregate = true;
        ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT.retainedDuplicate());
        ctx.fireChannelRead(tooLarge(current));
        return;
      }
    }
    ctx.fireChannelRead(msg);
  }

  private Optional<DirectAnswer> check(HttpRequest request) {
    Optional<String> decoded = UriPath.decoded(request.uri());
    String path = decoded.orElseGet(() -> UriPath.raw(request.uri()));
    if (request.decoderResult().isFailure()) {
      return Optional.of(
          refuse(path, 400, "Bad request", "bad-http: " + request.decoderResult().cause()));
    }
    if (decoded.isEmpty()) {
      return Optional.of(
          refuse(path, 400, "Bad request", "bad-uri: the path's percent-escapes do not decode"));
    }
    if (path.equals(METRICS_PATH) && request.method().equals(HttpMethod.GET)) {
      return Optional.of(
          new DirectAnswer(
              0,
              reporter.clock().instant(),
              currentStartNanos,
              path,
              remote,
              new Outcome(
                  Duration.ZERO,
                  new Outcome.Action.Respond(
                      200,
                      "text/plain; version=0.0.4; charset=utf-8",
                      metricsPage.get().getBytes(StandardCharsets.UTF_8),
                      0),
                  Verdict.ANSWERED,
                  "metrics",
                  Optional.empty(),
                  Optional.empty()),
              !HttpUtil.isKeepAlive(request),
              false));
    }
    if (!DUIS_PATHS.contains(path)) {
      return Optional.of(refuse(path, 404, "Not found", "unknown-path: " + path));
    }
    if (!request.method().equals(HttpMethod.POST)) {
      return Optional.of(
          refuse(path, 405, "Only POST is accepted", "method-not-allowed: " + request.method()));
    }
    String contentType = request.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/xml") && !mediaType.equals("text/xml")) {
      return Optional.of(
          refuse(
              path,
              415,
              "Content-Type must be application/xml",
              "unsupported-media-type: '" + contentType + "'"));
    }
    long declared = HttpUtil.getContentLength(request, -1L);
    if (declared > maxBodyBytes) {
      return Optional.of(tooLarge(request));
    }
    return Optional.empty();
  }

  private DirectAnswer tooLarge(HttpRequest request) {
    String path = UriPath.of(request.uri());
    return refuse(
        path, 413, "Request body too large", "too-large: over " + maxBodyBytes + " bytes");
  }

  private DirectAnswer refuse(String path, int status, String message, String reason) {
    return new DirectAnswer(
        reporter.nextSequence(),
        reporter.clock().instant(),
        currentStartNanos,
        path,
        remote,
        Outcome.plain(status, Verdict.REFUSED_TRANSPORT, message, reason),
        true,
        true);
  }
}
