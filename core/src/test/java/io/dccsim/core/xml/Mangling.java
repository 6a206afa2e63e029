package io.dccsim.core.xml;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One way of damaging a good message, for property tests of what a server or client does with input
 * that is almost right: a byte changed, the message cut short, a stretch deleted or repeated, or a
 * fragment inserted, at a position relative to the message's length.
 *
 * @param kind what is done
 * @param at where, from 0 (inclusive) to 1 (exclusive) of the message's length
 * @param length how many bytes a deletion or repetition covers (at most to the end)
 * @param xor what a changed byte is XORed with (1..255)
 * @param fragment what an insertion inserts (UTF-8)
 */
public record Mangling(Kind kind, double at, int length, int xor, String fragment) {

  /**
   * Fragments that XML handling must survive when inserted anywhere: a DOCTYPE with an external
   * entity, markup cut in half, comments, processing instructions, CDATA, characters XML forbids,
   * an element no schema allows, and a namespace declaration nothing uses.
   */
  public static final List<String> XML_FRAGMENTS =
      List.of(
          "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>",
          "&x;",
          "<",
          ">",
          "]]>",
          "<![CDATA[x]]>",
          "<?pi x?>",
          "<!-- c -->",
          "\u0000",
          "\uFFFE",
          "<sr:Extra/>",
          "<Extra xmlns=\"urn:x\"/>",
          " xmlns:sr=\"urn:other\"",
          "\"",
          "é");

  /** The ways of damaging a message. */
  public enum Kind {
    CHANGE_BYTE,
    CUT_SHORT,
    DELETE,
    REPEAT,
    INSERT
  }

  /** Manglings covering stretches of up to {@code maxLength} bytes, inserting {@code fragments}. */
  public static Arbitrary<Mangling> arbitrary(List<String> fragments, int maxLength) {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.doubles().between(0, 1).filter(d -> d < 1),
            Arbitraries.integers().between(1, maxLength),
            Arbitraries.integers().between(1, 255),
            Arbitraries.of(fragments))
        .as(Mangling::new);
  }

  /** The damaged copy of {@code message} (which is left as it was). */
  public byte[] apply(byte[] message) {
    if (message.length == 0) {
      return kind == Kind.INSERT ? fragment.getBytes(StandardCharsets.UTF_8) : new byte[0];
    }
    int p = (int) (at * message.length);
    int end = Math.min(message.length, p + length);
    ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + fragment.length() * 4);
    switch (kind) {
      case CHANGE_BYTE -> {
        byte[] copy = message.clone();
        copy[p] = (byte) (copy[p] ^ xor);
        return copy;
      }
      case CUT_SHORT -> out.write(message, 0, p);
      case DELETE -> {
        out.write(message, 0, p);
        out.write(message, end, message.length - end);
      }
      case REPEAT -> {
        out.write(message, 0, end);
        out.write(message, p, message.length - p);
      }
      case INSERT -> {
        out.write(message, 0, p);
        out.writeBytes(fragment.getBytes(StandardCharsets.UTF_8));
        out.write(message, p, message.length - p);
      }
    }
    return out.toByteArray();
  }

  /** The damaged copy of {@code message}, as UTF-8 (a broken sequence reads as U+FFFD). */
  public String apply(String message) {
    return new String(apply(message.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }
}
