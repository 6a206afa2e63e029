package io.dccsim.core.message;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The body of a Service Request this library does not model, kept as XML so it can pass through
 * unchanged. Immutable: the element given is copied, and callers receive copies.
 */
public final class RawRequestBody implements RequestBody {
  private final RawXml xml;

  private RawRequestBody(RawXml xml) {
    this.xml = xml;
  }

  /** A body holding a copy of {@code element} (the single child of {@code Body}). */
  public static RawRequestBody of(Element element) {
    return new RawRequestBody(RawXml.copyOf(element));
  }

  /**
   * A body of one empty element in the DUIS namespace, e.g. {@code
   * <sr:ReadInstantaneousImportRegisters/>} for SR 4.1.1, whose request carries nothing more.
   */
  public static RawRequestBody emptyElement(String localName) {
    java.util.Objects.requireNonNull(localName, "localName");
    Document d = io.dccsim.core.xml.SecureXml.newDocument();
    return of(d.createElementNS(io.dccsim.core.codec.DuisXml.NAMESPACE, "sr:" + localName));
  }

  /** The element's namespace URI. */
  public String namespaceUri() {
    return xml.namespaceUri();
  }

  /** The element's local name, e.g. {@code ReadInstantaneousImportRegisters}. */
  public String localName() {
    return xml.localName();
  }

  /** A fresh copy of the element, owned by a private document. */
  public Element element() {
    return xml.copy();
  }

  /** A fresh copy of the element, owned by {@code document} but not yet attached. */
  public Element copyInto(Document document) {
    return xml.copyInto(document);
  }

  /** Equal when the two elements are equal nodes (same names, attributes and content). */
  @Override
  public boolean equals(Object o) {
    return o instanceof RawRequestBody other && xml.sameAs(other.xml);
  }

  @Override
  public int hashCode() {
    return xml.contentHash();
  }

  @Override
  public String toString() {
    return "RawRequestBody[" + localName() + "]";
  }
}
