package io.dccsim.core.signature;

import static io.dccsim.core.signature.ExclusiveCanonicalizer.contentAndEndTag;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.isNamespaceDeclaration;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.nonNull;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.prefixOf;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.renderAttributes;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.renderNamespaces;
import static io.dccsim.core.signature.ExclusiveCanonicalizer.use;

import io.dccsim.core.signature.ExclusiveCanonicalizer.Scope;
import io.dccsim.core.xml.internal.Utf8Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Canonical XML 1.0 without comments (inclusive canonicalisation, {@code
 * http://www.w3.org/TR/2001/REC-xml-c14n-20010315}), for the node-set a {@code Reference URI=""}
 * with the enveloped-signature transform alone selects: a whole document minus its signature
 * element. XML Signature digests such a node-set after this canonicalisation, and that is the form
 * the DCC's reference test data and the standard Java API write. {@link #subtree} canonicalises a
 * document subset rooted at an element, for tests and tools.
 *
 * <p>Shares {@link ExclusiveCanonicalizer}'s structure (one pass over the DOM, a stack of rendered
 * namespaces, the same sorting and escaping). The difference: an element renders every namespace in
 * scope on it that its nearest rendered ancestor did not already render with the same value, not
 * only the ones it visibly uses. The in-scope namespaces are the DOM's {@code xmlns} attributes
 * plus the prefixes elements and attributes are actually bound to, so that programmatically built
 * documents without declarations canonicalise like parsed ones. The apex of a subtree also renders
 * the namespaces its ancestors put in scope and inherits their {@code xml:*} attributes, as C14N
 * 1.0 prescribes for a document subset whose apex's parent is not in the set. The {@code xml}
 * prefix is never declared. The methods are static and keep their state on the stack.
 */
final class InclusiveCanonicalizer {
  private static final String XML_NS = XMLConstants.XML_NS_URI;
  private static final Attr[] NO_ATTRIBUTES = new Attr[0];

  private InclusiveCanonicalizer() {}

  /** Canonicalises {@code document} leaving out {@code excluded} (may be null) and its subtree. */
  static void document(Document document, Element excluded, Utf8Output out) {
    ExclusiveCanonicalizer.document(document, excluded, out, InclusiveCanonicalizer::child);
  }

  /**
   * Canonicalises the subtree rooted at {@code apex} as a document subset: the apex renders the
   * namespaces in scope from its ancestors and inherits their {@code xml:*} attributes.
   */
  static void subtree(Element apex, Utf8Output out) {
    Inherited inherited = inheritedBy(apex);
    element(apex, null, new Scope(), inherited, out);
  }

  /** What an apex takes from ancestors outside the node-set. */
  private record Inherited(String[] prefixes, String[] uris, int count, Attr[] xmlAttributes) {}

  private static Inherited inheritedBy(Element apex) {
    String[] prefixes = new String[8];
    String[] uris = new String[8];
    int count = 0;
    List<Attr> xml = new ArrayList<>(2);
    for (Node n = apex.getParentNode(); n != null; n = n.getParentNode()) {
      if (n.getNodeType() != Node.ELEMENT_NODE) {
        continue;
      }
      Element ancestor = (Element) n;
      NamedNodeMap attributes = ancestor.getAttributes();
      int needed = count + attributes.getLength() + 1;
      if (needed > prefixes.length) {
        prefixes = Arrays.copyOf(prefixes, needed * 2);
        uris = Arrays.copyOf(uris, needed * 2);
      }
      // Nearest ancestor first, so its bindings win; within one element, as in element().
      count = inScopeOn(ancestor, attributes, prefixes, uris, count);
      for (int i = 0; i < attributes.getLength(); i++) {
        Attr a = (Attr) attributes.item(i);
        if (XML_NS.equals(a.getNamespaceURI())
            && !apex.hasAttributeNS(XML_NS, a.getLocalName())
            && !hasLocalName(xml, a.getLocalName())) {
          xml.add(a);
        }
      }
    }
    return new Inherited(prefixes, uris, count, xml.toArray(NO_ATTRIBUTES));
  }

  private static boolean hasLocalName(List<Attr> attrs, String localName) {
    for (Attr a : attrs) {
      if (a.getLocalName().equals(localName)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds the namespaces in scope on {@code e} by its own doing: the prefix it and its attributes
   * are bound to, then its declarations. First one for a prefix wins.
   */
  private static int inScopeOn(
      Element e, NamedNodeMap attributes, String[] prefixes, String[] uris, int used) {
    used = use(prefixOf(e.getPrefix()), nonNull(e.getNamespaceURI()), prefixes, uris, used);
    int count = attributes.getLength();
    for (int i = 0; i < count; i++) {
      Attr a = (Attr) attributes.item(i);
      if (!isNamespaceDeclaration(a)) {
        String p = a.getPrefix();
        if (p != null && !p.isEmpty() && !p.equals("xml")) {
          used = use(p, nonNull(a.getNamespaceURI()), prefixes, uris, used);
        }
      }
    }
    for (int i = 0; i < count; i++) {
      Attr a = (Attr) attributes.item(i);
      if (isNamespaceDeclaration(a)) {
        String name = a.getNodeName();
        String p = name.length() == 5 ? "" : name.substring(6);
        if (!p.equals("xml")) {
          used = use(p, a.getValue(), prefixes, uris, used);
        }
      }
    }
    return used;
  }

  private static void element(
      Element e, Element excluded, Scope scope, Inherited inherited, Utf8Output out) {
    int mark = scope.mark();
    out.ascii('<');
    out.raw(e.getNodeName());

    NamedNodeMap attributes = e.getAttributes();
    int count = attributes.getLength();
    int extraNamespaces = inherited == null ? 0 : inherited.count;
    int extraAttributes = inherited == null ? 0 : inherited.xmlAttributes.length;

    String[] prefixes = new String[count + 1 + extraNamespaces];
    String[] uris = new String[count + 1 + extraNamespaces];
    int used = inScopeOn(e, attributes, prefixes, uris, 0);
    for (int i = 0; i < extraNamespaces; i++) {
      used = use(inherited.prefixes[i], inherited.uris[i], prefixes, uris, used);
    }
    renderNamespaces(prefixes, uris, used, scope, out);

    Attr[] sorted = new Attr[count + extraAttributes];
    int kept = 0;
    for (int i = 0; i < count; i++) {
      Attr a = (Attr) attributes.item(i);
      if (!isNamespaceDeclaration(a)) {
        sorted[kept++] = a;
      }
    }
    for (int i = 0; i < extraAttributes; i++) {
      sorted[kept++] = inherited.xmlAttributes[i];
    }
    renderAttributes(sorted, kept, out);
    out.ascii('>');

    contentAndEndTag(e, excluded, scope, out, InclusiveCanonicalizer::child);
    scope.reset(mark);
  }

  /** An element below the apex: it inherits nothing beyond the scope. */
  private static void child(Element e, Element excluded, Scope scope, Utf8Output out) {
    element(e, excluded, scope, null, out);
  }
}
