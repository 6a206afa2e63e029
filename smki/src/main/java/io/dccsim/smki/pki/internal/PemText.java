package io.dccsim.smki.pki.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Writes PEM (RFC 7468): base64 in lines of 64 characters between BEGIN and END lines. */
public final class PemText {
  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private PemText() {}

  /** One PEM block with this label, ending in a newline. */
  public static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + LINES.encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
