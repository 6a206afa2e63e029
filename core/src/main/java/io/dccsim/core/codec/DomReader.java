package io.dccsim.core.codec;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Walks the element children of one DUIS element in order, skipping whitespace, comments and
 * processing instructions, and naming the element at fault when the shape is wrong.
 */
final class DomReader {
  private final String path;
  private Node next;

  DomReader(Element parent, String path) {
    this.path = path;
    this.next = parent.getFirstChild();
  }

  String path() {
    return path;
  }

  /** The next element child, or null; refuses non-blank text. */
  Element peek() {
    while (next != null) {
      switch (next.getNodeType()) {
        case Node.ELEMENT_NODE:
          return (Element) next;
        case Node.TEXT_NODE:
        case Node.CDATA_SECTION_NODE:
          if (!isBlank(next.getNodeValue())) {
            throw new DuisFormatException(path, "unexpected text between elements");
          }
          break;
        case Node.COMMENT_NODE:
        case Node.PROCESSING_INSTRUCTION_NODE:
          break;
        default:
          throw new DuisFormatException(path, "unexpected node of type " + next.getNodeType());
      }
      next = next.getNextSibling();
    }
    return null;
  }

  /** Whether the next element is the DUIS element {@code name}. */
  boolean at(String name) {
    Element e = peek();
    return e != null && isDuis(e, name);
  }

  /** The next element, which must be the DUIS element {@code name}. */
  Element expect(String name) {
    Element e = peek();
    if (e == null) {
      throw new DuisFormatException(path + "/" + name, "missing");
    }
    if (!isDuis(e, name)) {
      throw new DuisFormatException(path + "/" + name, "expected here, but found " + describe(e));
    }
    next = e.getNextSibling();
    return e;
  }

  /** The next element if it is the DUIS element {@code name}, else null. */
  Element optional(String name) {
    return at(name) ? expect(name) : null;
  }

  /** The next element whatever it is (null at the end). */
  Element any() {
    Element e = peek();
    if (e != null) {
      next = e.getNextSibling();
    }
    return e;
  }

  /** Refuses any further element. */
  void end() {
    Element e = peek();
    if (e != null) {
      throw new DuisFormatException(path + "/" + nameOf(e), "unexpected " + describe(e));
    }
  }

  /** Refuses any further element other than enveloped signatures, which are skipped. */
  void endAllowingSignature() {
    for (Element e = peek(); e != null; e = peek()) {
      if (!isSignature(e)) {
        throw new DuisFormatException(path + "/" + nameOf(e), "unexpected " + describe(e));
      }
      next = e.getNextSibling();
    }
  }

  static boolean isSignature(Element e) {
    return "Signature".equals(e.getLocalName())
        && DuisXml.DSIG_NAMESPACE.equals(e.getNamespaceURI());
  }

  static boolean isDuis(Element e, String name) {
    return name.equals(e.getLocalName()) && DuisXml.NAMESPACE.equals(e.getNamespaceURI());
  }

  static String nameOf(Element e) {
    return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
  }

  static String describe(Element e) {
    String ns = e.getNamespaceURI();
    if (DuisXml.NAMESPACE.equals(ns)) {
      return "element " + e.getLocalName();
    }
    String local = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
    return "element " + local + (ns == null ? " in no namespace" : " in namespace " + ns);
  }

  /** The character content of a leaf element; child elements are refused. */
  static String text(Element e, String path) {
    Node first = e.getFirstChild();
    if (first != null && first.getNextSibling() == null && first.getNodeType() == Node.TEXT_NODE) {
      return first.getNodeValue();
    }
    StringBuilder b = new StringBuilder();
    for (Node c = first; c != null; c = c.getNextSibling()) {
      short t = c.getNodeType();
      if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
        b.append(c.getNodeValue());
      } else if (t == Node.ELEMENT_NODE) {
        throw new DuisFormatException(path, "holds an element where a value is expected");
      }
    }
    return b.toString();
  }

  static boolean isBlank(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
