package io.dccsim.sim.console.internal;

import io.dccsim.sim.console.Console;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.journal.RequestJournal;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * In front of the control API on its port: serves the console's pages, trades the token for a
 * session cookie at login, lets a request carrying that cookie through to the API as if it carried
 * the token, and opens the journal stream. Everything else goes on to the control API untouched.
 */
public final class ConsoleHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
  /** The session cookie's name. */
  public static final String COOKIE = "dccsim-console";

  /**
   * The header a page sends with every request that changes something: a cross-site form cannot
   * send it, so a session cookie alone never changes anything.
   */
  public static final String CSRF_HEADER = "X-Dccsim-Console";

  private static final String ASSETS = "/io/dccsim/sim/console/assets/";
  private static final Pattern ASSET_NAME =
      Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|css|js|png|svg|json)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "png", "image/png",
          "svg", "image/svg+xml",
          "json", "application/json");

  private final BearerToken token;
  private final RequestJournal journal;
  private final ConsoleSessions sessions;
  private final JournalStream streams;
  private final Map<String, byte[]> assets = new ConcurrentHashMap<>();

  /** A handler admitting {@code token}, streaming {@code journal}. */
  public ConsoleHttpHandler(BearerToken token, RequestJournal journal, Clock realClock) {
    super(false);
    this.token = token;
    this.journal = journal;
    this.sessions = new ConsoleSessions(realClock);
    this.streams = new JournalStream();
  }

  @Override
  public boolean isSharable() {
    return true;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
    boolean passOn = true;
    try {
      if (!msg.decoderResult().isSuccess()) {
        return;
      }
      String path;
      QueryStringDecoder uri;
      try {
        uri = new QueryStringDecoder(msg.uri(), StandardCharsets.UTF_8);
        path = uri.path();
      } catch (IllegalArgumentException e) {
        return; // the control API answers 400
      }
      if (path.equals("/console") || path.startsWith(Console.PATH)) {
        passOn = false;
        console(ctx, msg, path, uri);
        return;
      }
      if (!msg.headers().contains(HttpHeaderNames.AUTHORIZATION)) {
        String session = session(msg);
        boolean safe = msg.method() == HttpMethod.GET || msg.method() == HttpMethod.HEAD;
        if (sessions.isOpen(session) && (safe || msg.headers().contains(CSRF_HEADER))) {
          msg.headers().set(HttpHeaderNames.AUTHORIZATION, token.authorizationHeader());
        }
      }
      if (path.equals(Console.STREAM_PATH)
          && msg.method() == HttpMethod.GET
          && token.accepts(msg.headers().get(HttpHeaderNames.AUTHORIZATION))) {
        Map<String, String> query;
        int backlog;
        try {
          query = single(uri.parameters());
          backlog = Console.backlog(query);
        } catch (IllegalArgumentException e) {
          return; // the control API answers the same 400
        }
        passOn = false;
        streams.open(ctx, msg, journal, backlog, msg.headers().get("Last-Event-ID"));
      }
    } finally {
      if (passOn) {
        ctx.fireChannelRead(msg);
      } else {
        msg.release();
      }
    }
  }

  private void console(
      ChannelHandlerContext ctx, FullHttpRequest msg, String path, QueryStringDecoder uri) {
    boolean get = msg.method() == HttpMethod.GET || msg.method() == HttpMethod.HEAD;
    if (path.equals("/console")) {
      redirect(ctx, msg, Console.PATH, null);
    } else if (path.equals(Console.PATH) && get) {
      asset(ctx, msg, "index.html");
    } else if (path.equals(Console.PATH + "login") && get) {
      asset(ctx, msg, "login.html");
    } else if (path.equals(Console.PATH + "login") && msg.method() == HttpMethod.POST) {
      login(ctx, msg);
    } else if (path.equals(Console.PATH + "logout") && msg.method() == HttpMethod.POST) {
      sessions.close(session(msg));
      redirect(
          ctx,
          msg,
          Console.PATH + "login",
          COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    } else if (path.startsWith(Console.PATH + "assets/") && get) {
      asset(ctx, msg, path.substring((Console.PATH + "assets/").length()));
    } else {
      plain(ctx, msg, HttpResponseStatus.NOT_FOUND, "no console page at " + path + "\n");
    }
  }

  /** {@code token=...} from the login form: a session cookie and the console, or back to login. */
  private void login(ChannelHandlerContext ctx, FullHttpRequest msg) {
    String origin = msg.headers().get(HttpHeaderNames.ORIGIN);
    String host = msg.headers().get(HttpHeaderNames.HOST);
    if (origin != null
        && host != null
        && !origin.equals("http://" + host)
        && !origin.equals("https://" + host)) {
      plain(ctx, msg, HttpResponseStatus.FORBIDDEN, "a login from another site is refused\n");
      return;
    }
    String form = msg.content().toString(StandardCharsets.UTF_8);
    String given = null;
    try {
      List<String> values =
          new QueryStringDecoder("?" + form, StandardCharsets.UTF_8, true)
              .parameters()
              .get("token");
      if (values != null && values.size() == 1) {
        given = values.get(0).strip();
      }
    } catch (IllegalArgumentException e) {
      given = null;
    }
    if (given == null || given.isEmpty() || !token.accepts("Bearer " + given)) {
      redirect(ctx, msg, Console.PATH + "login?failed", null);
      return;
    }
    String id = sessions.open();
    redirect(ctx, msg, Console.PATH, COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict");
  }

  private static String session(FullHttpRequest msg) {
    String header = msg.headers().get(HttpHeaderNames.COOKIE);
    if (header == null) {
      return null;
    }
    try {
      for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
        if (c.name().equals(COOKIE)) {
          return c.value();
        }
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  private void asset(ChannelHandlerContext ctx, FullHttpRequest msg, String name) {
    if (!ASSET_NAME.matcher(name).matches()) {
      plain(ctx, msg, HttpResponseStatus.NOT_FOUND, "no such console file\n");
      return;
    }
    byte[] body = assets.computeIfAbsent(name, ConsoleHttpHandler::load);
    if (body.length == 0) {
      plain(ctx, msg, HttpResponseStatus.NOT_FOUND, "no such console file\n");
      return;
    }
    String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
    FullHttpResponse r =
        new DefaultFullHttpResponse(
            msg.protocolVersion(),
            HttpResponseStatus.OK,
            msg.method() == HttpMethod.HEAD ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
    r.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    HttpUtil.setContentLength(r, body.length);
    write(ctx, msg, r);
  }

  private static byte[] load(String name) {
    try (InputStream in = ConsoleHttpHandler.class.getResourceAsStream(ASSETS + name)) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void redirect(
      ChannelHandlerContext ctx, FullHttpRequest msg, String location, String cookie) {
    FullHttpResponse r =
        new DefaultFullHttpResponse(msg.protocolVersion(), HttpResponseStatus.SEE_OTHER);
    r.headers().set(HttpHeaderNames.LOCATION, location);
    if (cookie != null) {
      r.headers().set(HttpHeaderNames.SET_COOKIE, cookie);
    }
    HttpUtil.setContentLength(r, 0);
    write(ctx, msg, r);
  }

  private static void plain(
      ChannelHandlerContext ctx, FullHttpRequest msg, HttpResponseStatus status, String text) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r =
        new DefaultFullHttpResponse(msg.protocolVersion(), status, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    HttpUtil.setContentLength(r, body.length);
    write(ctx, msg, r);
  }

  private static void write(ChannelHandlerContext ctx, FullHttpRequest msg, FullHttpResponse r) {
    boolean keepAlive = HttpUtil.isKeepAlive(msg);
    HttpUtil.setKeepAlive(r, keepAlive);
    var f = ctx.writeAndFlush(r);
    if (!keepAlive) {
      f.addListener(ChannelFutureListener.CLOSE);
    }
  }

  private static Map<String, String> single(Map<String, List<String>> params) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      if (p.getValue().size() != 1) {
        throw new IllegalArgumentException("'" + p.getKey() + "' may be given only once");
      }
      out.put(p.getKey(), p.getValue().get(0));
    }
    return out;
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.fireExceptionCaught(cause);
  }
}
