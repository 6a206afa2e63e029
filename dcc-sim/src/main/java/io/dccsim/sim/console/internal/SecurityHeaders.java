package io.dccsim.sim.console.internal;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Puts the usual security headers on every answer of the control port: a strict Content Security
 * Policy (scripts, styles and connections from the same origin only, no inline script, no framing),
 * {@code X-Frame-Options: DENY}, {@code nosniff}, no referrer beyond the origin itself (a stricter
 * policy would make browsers send {@code Origin: null} with the login form), and no caching unless
 * the answer says otherwise.
 */
@ChannelHandler.Sharable
public final class SecurityHeaders extends ChannelDuplexHandler {
  /** The Content Security Policy of every answer. */
  public static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse r) {
      HttpHeaders h = r.headers();
      h.set("Content-Security-Policy", CSP);
      h.set("X-Frame-Options", "DENY");
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Referrer-Policy", "same-origin");
      h.set("Cross-Origin-Opener-Policy", "same-origin");
      h.set("Cross-Origin-Resource-Policy", "same-origin");
      h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
      if (!h.contains("Cache-Control")) {
        h.set("Cache-Control", "no-store");
      }
    }
    ctx.write(msg, promise);
  }
}
