package io.dccsim.sim.console.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The console's login sessions: a random identifier handed to the browser in an HttpOnly cookie
 * once it has shown the control token, so that the token itself never stays in the page. Bounded
 * (the oldest goes first) and expiring on the real clock.
 */
final class ConsoleSessions {
  static final int MAX_SESSIONS = 32;
  static final Duration LIFETIME = Duration.ofHours(12);

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Map<String, Instant> sessions = new LinkedHashMap<>();

  ConsoleSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session. */
  synchronized String open() {
    expire();
    while (sessions.size() >= MAX_SESSIONS) {
      Iterator<String> oldest = sessions.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, clock.instant().plus(LIFETIME));
    return id;
  }

  /** Whether {@code id} is a live session. */
  synchronized boolean isOpen(String id) {
    if (id == null) {
      return false;
    }
    expire();
    // Compared in constant time with each, not looked up by hash.
    for (String s : sessions.keySet()) {
      if (java.security.MessageDigest.isEqual(
          s.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
          id.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  /** Ends {@code id}. */
  synchronized void close(String id) {
    if (id != null) {
      sessions.remove(id);
    }
  }

  private void expire() {
    Instant now = clock.instant();
    sessions.values().removeIf(until -> !until.isAfter(now));
  }
}
