package io.dccsim.sim.service.internal;

import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.Duis;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Builds one SR-specific answer element in the DUIS namespace, child by child, in schema order. Not
 * thread-safe: one per answer.
 */
public final class AnswerElement {
  private final Document document;
  private final Element element;

  private AnswerElement(Document document, Element element) {
    this.document = document;
    this.element = element;
  }

  /** A new element {@code localName} in a document of its own. */
  public static AnswerElement root(String localName) {
    Document d = SecureXml.newDocument();
    Element e = d.createElementNS(Duis.NS, "sr:" + localName);
    d.appendChild(e);
    return new AnswerElement(d, e);
  }

  /** Appends a child element and returns a builder for it. */
  public AnswerElement child(String localName) {
    Element e = document.createElementNS(Duis.NS, "sr:" + localName);
    element.appendChild(e);
    return new AnswerElement(document, e);
  }

  /** Appends a child element holding {@code text}. */
  public AnswerElement text(String localName, String text) {
    child(localName).element.setTextContent(text);
    return this;
  }

  /** Appends a child holding {@code text} when present. */
  public AnswerElement optional(String localName, Optional<String> text) {
    text.ifPresent(t -> text(localName, t));
    return this;
  }

  /** Appends a child holding the items separated by spaces, unless there are none. */
  public AnswerElement list(String localName, Collection<?> items) {
    if (!items.isEmpty()) {
      text(localName, items.stream().map(Object::toString).collect(Collectors.joining(" ")));
    }
    return this;
  }

  /** Appends a copy of {@code other} (owned by any document). */
  public AnswerElement append(Element other) {
    element.appendChild(document.importNode(other, true));
    return this;
  }

  /** The element built so far (owned by this builder's document). */
  public Element element() {
    return element;
  }
}
