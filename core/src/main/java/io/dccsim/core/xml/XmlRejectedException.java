package io.dccsim.core.xml;

import java.util.Objects;

/** A document that {@link SecureXml} refused, with the {@link Reason} and a short message. */
public final class XmlRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a document was refused. */
  public enum Reason {
    /** The document has a document type declaration (refused: it is how XXE and bombs start). */
    DOCTYPE,
    /** The document is larger than {@link XmlLimits#maxBytes()}. */
    TOO_LARGE,
    /** Elements nest deeper than {@link XmlLimits#maxDepth()}. */
    TOO_DEEP,
    /** The document has more elements than {@link XmlLimits#maxElements()}. */
    TOO_MANY_ELEMENTS,
    /** An element has more attributes than {@link XmlLimits#maxAttributesPerElement()}. */
    TOO_MANY_ATTRIBUTES,
    /** A run of character data is longer than {@link XmlLimits#maxTextLength()}. */
    TEXT_TOO_LONG,
    /** The bytes are not well-formed, namespace-correct XML (or are empty). */
    MALFORMED
  }

  private final Reason reason;

  /** A rejection for {@code reason}, described by {@code message}. */
  public XmlRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the document was refused. */
  public Reason reason() {
    return reason;
  }
}
