package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One access-response-specification of an Access-Response: the outcome of one get, set or action
 * ({@code 00} success).
 *
 * @param kind which request it answers
 * @param result the data-access-result or action-result byte
 */
public record AccessResult(Kind kind, int result) {
  /** The kinds, by their CHOICE tag. */
  public enum Kind {
    /** A get ({@code 01}). */
    GET(0x01),
    /** A set ({@code 02}). */
    SET(0x02),
    /** An action ({@code 03}). */
    ACTION(0x03);

    private final int tag;

    Kind(int tag) {
      this.tag = tag;
    }

    /** The CHOICE tag. */
    public int tag() {
      return tag;
    }
  }

  /** The result byte of success. */
  public static final int SUCCESS = 0x00;

  /** A result. */
  public AccessResult {
    Objects.requireNonNull(kind, "kind");
    if (result < 0 || result > 0xFF) {
      throw new IllegalArgumentException("a result is one byte: " + result);
    }
  }

  /** A successful get. */
  public static AccessResult getSuccess() {
    return new AccessResult(Kind.GET, SUCCESS);
  }

  static void writeAll(GbcsWriter out, List<AccessResult> results) {
    out.berLength(results.size());
    for (AccessResult r : results) {
      out.u8(r.kind.tag()).u8(r.result);
    }
  }

  static List<AccessResult> readAll(GbcsReader in) {
    int count = in.berLength("access-response-specification count");
    List<AccessResult> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = in.offset();
      int tag = in.u8("access-response-specification");
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (k.tag == tag) {
          kind = k;
        }
      }
      if (kind == null) {
        throw new GbcsFormatException(
            String.format("access-response-specification %02X (01 to 03 expected)", tag), at);
      }
      out.add(new AccessResult(kind, in.u8("access result")));
    }
    return out;
  }
}
