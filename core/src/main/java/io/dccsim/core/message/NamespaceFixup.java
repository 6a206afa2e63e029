package io.dccsim.core.message;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Makes a detached element carry the namespace declarations it depends on as real {@code xmlns}
 * attributes, so that serialisers and canonicalisers see the same document.
 */
final class NamespaceFixup {
  private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

  private NamespaceFixup() {}

  /** Copies onto {@code copy} the declarations {@code source} inherited from its ancestors. */
  static void declareInScope(Element source, Element copy) {
    for (Node n = source.getParentNode(); n instanceof Element; n = n.getParentNode()) {
      NamedNodeMap attrs = n.getAttributes();
      for (int i = 0; i < attrs.getLength(); i++) {
        Attr a = (Attr) attrs.item(i);
        if (XMLNS.equals(a.getNamespaceURI()) && !copy.hasAttributeNS(XMLNS, a.getLocalName())) {
          copy.setAttributeNS(XMLNS, a.getName(), a.getValue());
        }
      }
    }
  }

  /** Declares, where they are first used, prefixes that the subtree uses without declaring. */
  static void declareUsed(Element root) {
    Deque<Map<String, String>> scopes = new ArrayDeque<>();
    scopes.push(new HashMap<>());
    walk(root, scopes);
  }

  private static void walk(Element e, Deque<Map<String, String>> scopes) {
    Map<String, String> scope = new HashMap<>(scopes.peek());
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      if (XMLNS.equals(a.getNamespaceURI())) {
        String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
        scope.put(prefix, a.getValue());
      }
    }
    bind(e, scope, prefixOf(e.getPrefix()), e.getNamespaceURI());
    for (int i = 0; i < attrs.getLength(); i++) {
      Attr a = (Attr) attrs.item(i);
      String ns = a.getNamespaceURI();
      if (ns != null && !XMLNS.equals(ns) && a.getPrefix() != null) {
        bind(e, scope, a.getPrefix(), ns);
      }
    }
    scopes.push(scope);
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        walk(child, scopes);
      }
    }
    scopes.pop();
  }

  private static String prefixOf(String prefix) {
    return prefix == null ? "" : prefix;
  }

  private static void bind(Element e, Map<String, String> scope, String prefix, String ns) {
    String uri = ns == null ? "" : ns;
    if (prefix.equals("xml")) {
      return;
    }
    String bound = scope.get(prefix);
    if (Objects.equals(bound, uri) || (bound == null && uri.isEmpty())) {
      return;
    }
    if (prefix.isEmpty()) {
      e.setAttributeNS(XMLNS, "xmlns", uri);
    } else {
      e.setAttributeNS(XMLNS, "xmlns:" + prefix, uri);
    }
    scope.put(prefix, uri);
  }
}
