package io.dccsim.core.message;

import io.dccsim.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A private, detached copy of one XML element, so a body this library does not model can pass
 * through unchanged. The copy is never handed out: callers get fresh copies, so the value stays
 * immutable and safe to share between threads.
 */
final class RawXml {
  private final Element element;

  private RawXml(Element element) {
    this.element = element;
  }

  static RawXml copyOf(Element source) {
    Objects.requireNonNull(source, "element");
    Document owner = SecureXml.newDocument();
    Element copy = (Element) owner.importNode(source, true);
    owner.appendChild(copy);
    NamespaceFixup.declareInScope(source, copy);
    NamespaceFixup.declareUsed(copy);
    return new RawXml(copy);
  }

  synchronized Element copyInto(Document target) {
    return (Element) target.importNode(element, true);
  }

  synchronized Element copy() {
    return (Element) element.cloneNode(true);
  }

  String namespaceUri() {
    return element.getNamespaceURI();
  }

  String localName() {
    return element.getLocalName();
  }

  /**
   * Whether the two hold the same element: same names, attributes and character content, ignoring
   * namespace declarations (which only say how names are written), comments and processing
   * instructions.
   */
  boolean sameAs(RawXml other) {
    Element theirs = other.copy();
    synchronized (this) {
      return sameElement(element, theirs);
    }
  }

  private static boolean sameElement(Element a, Element b) {
    if (!Objects.equals(a.getNamespaceURI(), b.getNamespaceURI())
        || !Objects.equals(a.getLocalName(), b.getLocalName())
        || !attributes(a).equals(attributes(b))) {
      return false;
    }
    List<Object> ca = content(a);
    List<Object> cb = content(b);
    if (ca.size() != cb.size()) {
      return false;
    }
    for (int i = 0; i < ca.size(); i++) {
      Object x = ca.get(i);
      Object y = cb.get(i);
      if (x instanceof Element ex && y instanceof Element ey) {
        if (!sameElement(ex, ey)) {
          return false;
        }
      } else if (!x.equals(y)) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, String> attributes(Element e) {
    Map<String, String> out = new HashMap<>();
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
        out.put("{" + a.getNamespaceURI() + "}" + a.getLocalName(), a.getValue());
      }
    }
    return out;
  }

  /** Child elements and merged runs of text, in order. */
  private static List<Object> content(Element e) {
    List<Object> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      short t = c.getNodeType();
      if (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      } else if (t == Node.ELEMENT_NODE) {
        if (text.length() > 0) {
          out.add(text.toString());
          text.setLength(0);
        }
        out.add(c);
      }
    }
    if (text.length() > 0) {
      out.add(text.toString());
    }
    return out;
  }

  int contentHash() {
    String ns = element.getNamespaceURI();
    return Objects.hash(ns, element.getLocalName());
  }
}
