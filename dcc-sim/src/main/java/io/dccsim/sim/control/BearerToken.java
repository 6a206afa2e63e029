package io.dccsim.sim.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * The secret that protects the control API. Compared in constant time (over SHA-256 digests, so not
 * even the length leaks); never printed by {@link #toString()}.
 */
public final class BearerToken {
  private static final int MIN_LENGTH = 16;

  private final String value;
  private final byte[] digest;

  private BearerToken(String value) {
    this.value = value;
    this.digest = sha256(value);
  }

  /**
   * A token with this text (at least 16 characters, printable ASCII).
   *
   * @throws IllegalArgumentException when too short or not printable ASCII
   */
  public static BearerToken of(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() < MIN_LENGTH) {
      throw new IllegalArgumentException(
          "A control token has at least " + MIN_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= 0x20 || c >= 0x7F) {
        throw new IllegalArgumentException("A control token is printable ASCII without spaces");
      }
    }
    return new BearerToken(value);
  }

  /** A fresh random token (256 bits, base64url). */
  public static BearerToken random() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** The token text, for handing to a client. Do not log it. */
  public String value() {
    return value;
  }

  /** The {@code Authorization} header value a client sends. */
  public String authorizationHeader() {
    return "Bearer " + value;
  }

  /** Whether an {@code Authorization} header value carries this token. */
  public boolean accepts(String authorizationHeader) {
    if (authorizationHeader == null) {
      return false;
    }
    String h = authorizationHeader.strip();
    if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest, sha256(h.substring(7).strip()));
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[redacted]";
  }
}
