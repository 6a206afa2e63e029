package io.dccsim.smki.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractException;
import io.dccsim.smki.extract.ExtractFile;
import io.dccsim.smki.extract.ExtractFileName;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.http.RevocationListSource;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers one HTTP request of the repository interface. Runs off the event loop. */
public final class RepositoryRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  private static final Logger LOG = LoggerFactory.getLogger(RepositoryRequestHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The paths served. */
  public static final String SEARCH = "/services/certificatesearch";

  /** Certificate retrieval. */
  public static final String RETRIEVE = "/services/retrievecertificate";

  /** The Organisation CA's CRL. */
  public static final String CRL = "/services/crl";

  /** The Root's ARL. */
  public static final String ARL = "/services/arl";

  /** The extract listing; a file is {@code EXTRACTS + "/" + name}. */
  public static final String EXTRACTS = "/services/extracts";

  /** The test Users' organisation certificates and keys, where offered. */
  public static final String ORG_CRYPTO = "/assets/crypto/org-crypto.zip";

  /** The query parameter carrying the API key. */
  public static final String API_KEY_PARAMETER = "apikey";

  /**
   * What the handler serves.
   *
   * @param repository the certificates
   * @param revocationLists the CRL and ARL
   * @param extracts the published extracts, if any
   * @param executor where requests are handled (bounded)
   * @param apiKey the key every request must carry as {@code ?apikey=}; empty: any or none
   * @param orgCrypto the body of {@link #ORG_CRYPTO}, if offered
   */
  public record Config(
      CertificateRepository repository,
      RevocationListSource revocationLists,
      Optional<ExtractDirectory> extracts,
      Executor executor,
      Optional<String> apiKey,
      Optional<java.util.function.Supplier<byte[]>> orgCrypto) {}

  private final Config config;

  /** A handler (one per connection). */
  public RepositoryRequestHandler(Config config) {
    this.config = config;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    // One request at a time per connection, so answers keep the order of requests.
    ctx.channel().config().setAutoRead(false);
    req.retain();
    try {
      config
          .executor()
          .execute(
              () -> {
                try {
                  handle(ctx, req);
                } catch (RuntimeException e) {
                  exceptionCaught(ctx, e);
                } finally {
                  req.release();
                  ctx.channel().config().setAutoRead(true);
                }
              });
    } catch (RejectedExecutionException e) {
      LOG.info("Repository interface busy: answering 503 to {}", ctx.channel().remoteAddress());
      try {
        text(ctx, req, HttpResponseStatus.SERVICE_UNAVAILABLE, "busy, try again later", false);
      } finally {
        req.release();
      }
    }
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (!req.decoderResult().isSuccess()) {
      text(ctx, req, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", false);
      return;
    }
    String path;
    QueryStringDecoder uri;
    try {
      uri = new QueryStringDecoder(req.uri());
      path = uri.path();
    } catch (IllegalArgumentException e) {
      // a client's mistake, not the server's: answered, logged quietly
      LOG.debug("Undecodable URI from {}: {}", ctx.channel().remoteAddress(), e.getMessage());
      text(
          ctx,
          req,
          HttpResponseStatus.BAD_REQUEST,
          "the URI's percent-escapes do not decode",
          true);
      return;
    }
    if (config.apiKey().isPresent() && !apiKeyAccepted(ctx, req, uri)) {
      return;
    }
    HttpMethod m = req.method();
    boolean get = m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD);
    switch (path) {
      case SEARCH -> {
        if (requireMethod(ctx, req, m.equals(HttpMethod.POST), "POST")) {
          search(ctx, req);
        }
      }
      case RETRIEVE -> {
        if (requireMethod(ctx, req, m.equals(HttpMethod.POST), "POST")) {
          retrieve(ctx, req);
        }
      }
      case CRL, ARL -> {
        if (requireMethod(ctx, req, get, "GET, HEAD")) {
          Optional<byte[]> der =
              path.equals(CRL) ? config.revocationLists().crl() : config.revocationLists().arl();
          if (der.isEmpty()) {
            text(ctx, req, HttpResponseStatus.NOT_FOUND, "not issued yet", true);
          } else {
            bytes(ctx, req, HttpResponseStatus.OK, "application/pkix-crl", der.get());
          }
        }
      }
      case EXTRACTS -> {
        if (requireMethod(ctx, req, get, "GET, HEAD")) {
          listExtracts(ctx, req);
        }
      }
      case ORG_CRYPTO -> {
        if (config.orgCrypto().isEmpty()) {
          text(ctx, req, HttpResponseStatus.NOT_FOUND, "no such service", true);
        } else if (requireMethod(ctx, req, get, "GET, HEAD")) {
          bytes(ctx, req, HttpResponseStatus.OK, "application/zip", config.orgCrypto().get().get());
        }
      }
      default -> {
        if (path.startsWith(EXTRACTS + "/")) {
          if (requireMethod(ctx, req, get, "GET, HEAD")) {
            extractFile(ctx, req, path.substring(EXTRACTS.length() + 1));
          }
        } else {
          text(ctx, req, HttpResponseStatus.NOT_FOUND, "no such service", true);
        }
      }
    }
  }

  /**
   * Whether the request carries the configured API key; answers 401 (none) or 403 (another) when
   * not. The key is compared in constant time and never logged.
   */
  private boolean apiKeyAccepted(
      ChannelHandlerContext ctx, FullHttpRequest req, QueryStringDecoder uri) {
    List<String> given = uri.parameters().get(API_KEY_PARAMETER);
    if (given == null || given.isEmpty() || given.get(0).isEmpty()) {
      LOG.info("Repository request without an API key from {}", ctx.channel().remoteAddress());
      text(
          ctx,
          req,
          HttpResponseStatus.UNAUTHORIZED,
          "this repository needs ?" + API_KEY_PARAMETER + "=<key>",
          true);
      return false;
    }
    boolean same =
        given.size() == 1
            && java.security.MessageDigest.isEqual(
                given.get(0).getBytes(StandardCharsets.UTF_8),
                config.apiKey().get().getBytes(StandardCharsets.UTF_8));
    if (!same) {
      LOG.info("Repository request with a wrong API key from {}", ctx.channel().remoteAddress());
      text(ctx, req, HttpResponseStatus.FORBIDDEN, "wrong API key", true);
      return false;
    }
    return true;
  }

  private void search(ChannelHandlerContext ctx, FullHttpRequest req) {
    RepositoryXml.Search s;
    try {
      s = RepositoryXml.parseSearch(ByteBufUtil.getBytes(req.content()));
    } catch (RepositoryXml.InvalidRequest e) {
      invalid(ctx, req, e);
      return;
    }
    CertificateQuery q =
        s.subjectName().isPresent()
            ? CertificateQuery.bySubjectEui(s.subjectName().get())
            : CertificateQuery.bySubjectAltNameEui(s.subjectAltName().get());
    List<CertificateRecord> found = config.repository().search(q);
    if (found.isEmpty()) {
      text(ctx, req, HttpResponseStatus.PAYMENT_REQUIRED, "no certificate found", true);
    } else {
      bytes(
          ctx, req, HttpResponseStatus.OK, "application/xml", RepositoryXml.searchResponse(found));
    }
  }

  private void retrieve(ChannelHandlerContext ctx, FullHttpRequest req) {
    BigInteger serial;
    try {
      serial = RepositoryXml.parseRetrieve(ByteBufUtil.getBytes(req.content()));
    } catch (RepositoryXml.InvalidRequest e) {
      invalid(ctx, req, e);
      return;
    }
    Optional<CertificateRecord> r = config.repository().findBySerial(serial);
    if (r.isEmpty()) {
      text(ctx, req, HttpResponseStatus.PAYMENT_REQUIRED, "no certificate found", true);
    } else {
      bytes(
          ctx,
          req,
          HttpResponseStatus.OK,
          "application/xml",
          RepositoryXml.retrieveResponse(r.get()));
    }
  }

  private void invalid(ChannelHandlerContext ctx, FullHttpRequest req, Exception e) {
    String msg = e.getMessage();
    if (msg.length() > 200) {
      msg = msg.substring(0, 200);
    }
    LOG.debug("Invalid request to {} from {}: {}", req.uri(), ctx.channel().remoteAddress(), msg);
    text(ctx, req, HttpResponseStatus.UNAUTHORIZED, "invalid search parameters: " + msg, true);
  }

  private void listExtracts(ChannelHandlerContext ctx, FullHttpRequest req) {
    if (config.extracts().isEmpty()) {
      text(ctx, req, HttpResponseStatus.NOT_FOUND, "no extracts published here", true);
      return;
    }
    ExtractDirectory dir = config.extracts().get();
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("extracts");
    for (ExtractFileName n : dir.names()) {
      try {
        ExtractManifest m = ExtractFile.readManifest(dir.file(n));
        ObjectNode e = list.addObject();
        e.put("name", n.toString());
        e.put("kind", m.kind().name());
        e.put("number", m.number());
        m.basedOnFull().ifPresent(v -> e.put("basedOnFull", v));
        m.previous().ifPresent(v -> e.put("previous", v));
        e.put("fromSequence", m.fromSequence());
        e.put("toSequence", m.toSequence());
        e.put("cutOff", m.cutOff().toString());
        m.scheduledFor().ifPresent(v -> e.put("scheduledFor", v.toString()));
        e.put("entryCount", m.entryCount());
        e.put("size", Files.size(dir.file(n)));
        e.put(
            "sha256", Files.readString(dir.digestFile(n), StandardCharsets.US_ASCII).split(" ")[0]);
      } catch (ExtractException | IOException e) {
        // Deleted by retention while listing: leave it out.
        LOG.debug("Extract {} vanished while listing: {}", n, e.toString());
      }
    }
    byte[] body;
    try {
      body = JSON.writeValueAsBytes(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    bytes(ctx, req, HttpResponseStatus.OK, "application/json", body);
  }

  private void extractFile(ChannelHandlerContext ctx, FullHttpRequest req, String name) {
    boolean digest = name.endsWith(ExtractFileName.DIGEST_SUFFIX);
    String base =
        digest ? name.substring(0, name.length() - ExtractFileName.DIGEST_SUFFIX.length()) : name;
    Optional<ExtractFileName> parsed = ExtractFileName.parse(base);
    if (config.extracts().isEmpty() || parsed.isEmpty()) {
      text(ctx, req, HttpResponseStatus.NOT_FOUND, "no such extract", true);
      return;
    }
    ExtractDirectory dir = config.extracts().get();
    Path file = digest ? dir.digestFile(parsed.get()) : dir.file(parsed.get());
    RandomAccessFile raf;
    long length;
    try {
      // Opened before answering: retention may delete the name, never the open file.
      raf = new RandomAccessFile(file.toFile(), "r");
      length = raf.length();
    } catch (IOException e) {
      text(ctx, req, HttpResponseStatus.NOT_FOUND, "no such extract", true);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    HttpResponse res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    res.headers()
        .set(
            HttpHeaderNames.CONTENT_TYPE,
            digest ? "text/plain; charset=US-ASCII" : "application/octet-stream")
        .set(HttpHeaderNames.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"");
    HttpUtil.setContentLength(res, length);
    HttpUtil.setKeepAlive(res, keepAlive);
    ctx.write(res);
    if (req.method().equals(HttpMethod.HEAD)) {
      closeQuietly(raf);
    } else {
      ctx.write(new DefaultFileRegion(raf.getChannel(), 0, length));
    }
    ChannelFuture f = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static void closeQuietly(RandomAccessFile raf) {
    try {
      raf.close();
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
  }

  private boolean requireMethod(
      ChannelHandlerContext ctx, FullHttpRequest req, boolean ok, String allowed) {
    if (ok) {
      return true;
    }
    FullHttpResponse res =
        response(
            HttpResponseStatus.METHOD_NOT_ALLOWED,
            "text/plain; charset=UTF-8",
            ("use " + allowed + "\n").getBytes(StandardCharsets.UTF_8));
    res.headers().set(HttpHeaderNames.ALLOW, allowed);
    send(ctx, req, res, true);
    return false;
  }

  private static void text(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpResponseStatus status,
      String message,
      boolean keepAlive) {
    send(
        ctx,
        req,
        response(
            status, "text/plain; charset=UTF-8", (message + "\n").getBytes(StandardCharsets.UTF_8)),
        keepAlive);
  }

  private static void bytes(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpResponseStatus status,
      String type,
      byte[] body) {
    send(ctx, req, response(status, type, body), true);
  }

  private static FullHttpResponse response(HttpResponseStatus status, String type, byte[] body) {
    FullHttpResponse res =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    res.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    HttpUtil.setContentLength(res, body.length);
    return res;
  }

  private static void send(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      FullHttpResponse res,
      boolean allowKeepAlive) {
    boolean keepAlive = allowKeepAlive && HttpUtil.isKeepAlive(req);
    if (req.method().equals(HttpMethod.HEAD)) {
      res.content().clear();
    }
    HttpUtil.setKeepAlive(res, keepAlive);
    if (!keepAlive) {
      res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    ChannelFuture f = ctx.writeAndFlush(res);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A TLS handshake that fails, or plain HTTP on a TLS port, arrives as an SSLException (wrapped
    // by the decoder): the client's doing, like a reset.
    boolean tlsFailure =
        cause instanceof javax.net.ssl.SSLException
            || cause.getCause() instanceof javax.net.ssl.SSLException;
    if (cause instanceof ReadTimeoutException || cause instanceof IOException || tlsFailure) {
      LOG.debug("Connection {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      // Our fault, not the client's: logged with the cause, answered without it.
      LOG.warn("Repository interface failed on {}", ctx.channel().remoteAddress(), cause);
      if (ctx.channel().isActive()) {
        FullHttpResponse res =
            response(
                HttpResponseStatus.INTERNAL_SERVER_ERROR,
                "text/plain; charset=UTF-8",
                "internal error\n".getBytes(StandardCharsets.UTF_8));
        res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
        return;
      }
    }
    ctx.close();
  }
}
