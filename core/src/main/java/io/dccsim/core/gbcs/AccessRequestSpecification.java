package io.dccsim.core.gbcs;

import io.dccsim.core.gbcs.internal.GbcsReader;
import io.dccsim.core.gbcs.internal.GbcsWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request of an Access-Request: get, set or action on a COSEM object, a get or set with a
 * selective access (selector and parameters).
 *
 * @param kind what is asked
 * @param descriptor the attribute or method
 * @param selection the selective access, present exactly for the {@code WITH_SELECTION} kinds
 */
public record AccessRequestSpecification(
    Kind kind, CosemDescriptor descriptor, Optional<Selection> selection) {

  /** The kinds, by their CHOICE tag. */
  public enum Kind {
    /** Get an attribute ({@code 01}). */
    GET(0x01),
    /** Set an attribute ({@code 02}). */
    SET(0x02),
    /** Invoke a method ({@code 03}). */
    ACTION(0x03),
    /** Get an attribute with a selective access ({@code 04}). */
    GET_WITH_SELECTION(0x04),
    /** Set an attribute with a selective access ({@code 05}). */
    SET_WITH_SELECTION(0x05);

    private final int tag;

    Kind(int tag) {
      this.tag = tag;
    }

    /** The CHOICE tag. */
    public int tag() {
      return tag;
    }

    boolean withSelection() {
      return this == GET_WITH_SELECTION || this == SET_WITH_SELECTION;
    }
  }

  /**
   * A selective access: the access selector and its parameters.
   *
   * @param selector 0..255
   * @param parameters the parameters
   */
  public record Selection(int selector, DlmsData parameters) {
    /** A selection. */
    public Selection {
      Objects.requireNonNull(parameters, "parameters");
      if (selector < 0 || selector > 0xFF) {
        throw new IllegalArgumentException("a selector is one byte: " + selector);
      }
    }
  }

  /**
   * A specification.
   *
   * @throws IllegalArgumentException when the selection is present for a kind without one, or
   *     absent for one with
   */
  public AccessRequestSpecification {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(descriptor, "descriptor");
    Objects.requireNonNull(selection, "selection");
    if (kind.withSelection() != selection.isPresent()) {
      throw new IllegalArgumentException(
          kind + (kind.withSelection() ? " needs a selection" : " takes no selection"));
    }
  }

  /** A get, set or action without selective access. */
  public static AccessRequestSpecification of(Kind kind, CosemDescriptor descriptor) {
    return new AccessRequestSpecification(kind, descriptor, Optional.empty());
  }

  static void writeAll(GbcsWriter out, List<AccessRequestSpecification> specs) {
    out.berLength(specs.size());
    for (AccessRequestSpecification s : specs) {
      out.u8(s.kind.tag());
      s.descriptor.write(out);
      if (s.selection.isPresent()) {
        out.u8(s.selection.get().selector());
        DlmsCodec.write(out, s.selection.get().parameters());
      }
    }
  }

  static List<AccessRequestSpecification> readAll(GbcsReader in) {
    int count = in.berLength("access-request-specification count");
    List<AccessRequestSpecification> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int at = in.offset();
      int tag = in.u8("access-request-specification");
      Kind kind = null;
      for (Kind k : Kind.values()) {
        if (k.tag == tag) {
          kind = k;
        }
      }
      if (kind == null) {
        throw new GbcsFormatException(
            String.format("access-request-specification %02X (01 to 05 expected)", tag), at);
      }
      CosemDescriptor d = CosemDescriptor.read(in);
      Optional<Selection> selection = Optional.empty();
      if (kind.withSelection()) {
        selection = Optional.of(new Selection(in.u8("access selector"), DlmsCodec.read(in, 0)));
      }
      out.add(new AccessRequestSpecification(kind, d, selection));
    }
    return out;
  }
}
