package io.dccsim.core.xml;

import io.dccsim.core.xml.internal.Utf8Output;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;

/**
 * Writes a DOM as UTF-8 XML, adding the namespace declarations a programmatically built document
 * lacks. What it writes parses back, with {@link SecureXml}, to a document with the same canonical
 * form, so a signature made on the DOM verifies on the bytes. No indentation is added: whitespace
 * is data in a signed document. Thread-safe.
 */
public final class XmlWriter {
  private static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
  private static final String XML_NS = XMLConstants.XML_NS_URI;
  private static final ThreadLocal<Utf8Output> BUFFERS =
      ThreadLocal.withInitial(() -> new Utf8Output(8 * 1024));

  private XmlWriter() {}

  /** The document as UTF-8 bytes, with an XML declaration. */
  public static byte[] toBytes(Document document) {
    Objects.requireNonNull(document, "document");
    Utf8Output out = BUFFERS.get();
    out.reset();
    out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    List<String[]> scope = new ArrayList<>();
    for (Node n = document.getFirstChild(); n != null; n = n.getNextSibling()) {
      write(n, scope, out);
    }
    byte[] bytes = out.toByteArray();
    out.reset();
    return bytes;
  }

  private static void write(Node n, List<String[]> scope, Utf8Output out) {
    switch (n.getNodeType()) {
      case Node.ELEMENT_NODE -> element((Element) n, scope, out);
      case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> out.text(n.getNodeValue());
      case Node.COMMENT_NODE -> {
        out.raw("<!--");
        out.raw(n.getNodeValue());
        out.raw("-->");
      }
      case Node.PROCESSING_INSTRUCTION_NODE -> {
        ProcessingInstruction pi = (ProcessingInstruction) n;
        out.raw("<?");
        out.raw(pi.getTarget());
        if (pi.getData() != null && !pi.getData().isEmpty()) {
          out.ascii(' ');
          out.raw(pi.getData());
        }
        out.raw("?>");
      }
      case Node.DOCUMENT_TYPE_NODE ->
          throw new IllegalArgumentException("document type declarations are not written");
      default -> throw new IllegalArgumentException("cannot write node type " + n.getNodeType());
    }
  }

  private static void element(Element e, List<String[]> scope, Utf8Output out) {
    int mark = scope.size();
    List<String[]> declared = new ArrayList<>(2);
    List<Attr> plain = new ArrayList<>(4);
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String name = a.getNodeName();
      if (XMLNS_NS.equals(a.getNamespaceURI())
          || name.equals("xmlns")
          || name.startsWith("xmlns:")) {
        String prefix = name.equals("xmlns") ? "" : name.substring(6);
        declare(declared, prefix, a.getValue());
      } else {
        plain.add(a);
      }
    }
    // Bindings the names need win over stale declarations copied into the DOM.
    bind(declared, scope, prefix(e.getPrefix()), nonNull(e.getNamespaceURI()));
    for (Attr a : plain) {
      String p = a.getPrefix();
      if (p != null && !p.isEmpty() && !p.equals("xml")) {
        bind(declared, scope, p, nonNull(a.getNamespaceURI()));
      }
    }

    String name = e.getNodeName();
    out.ascii('<');
    out.raw(name);
    for (String[] d : declared) {
      if (!d[1].equals(inScope(scope, d[0]))) {
        out.raw(d[0].isEmpty() ? " xmlns" : " xmlns:" + d[0]);
        out.raw("=\"");
        out.attribute(d[1]);
        out.ascii('"');
      }
    }
    scope.addAll(declared);
    for (Attr a : plain) {
      if (XML_NS.equals(a.getNamespaceURI()) && !a.getNodeName().startsWith("xml:")) {
        out.raw(" xml:" + a.getLocalName());
      } else {
        out.ascii(' ');
        out.raw(a.getNodeName());
      }
      out.raw("=\"");
      out.attribute(a.getValue());
      out.ascii('"');
    }
    if (e.getFirstChild() == null) {
      out.raw("/>");
    } else {
      out.ascii('>');
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        write(n, scope, out);
      }
      out.raw("</");
      out.raw(name);
      out.ascii('>');
    }
    while (scope.size() > mark) {
      scope.remove(scope.size() - 1);
    }
  }

  private static void bind(List<String[]> declared, List<String[]> scope, String p, String uri) {
    for (String[] d : declared) {
      if (d[0].equals(p)) {
        d[1] = uri;
        return;
      }
    }
    if (!uri.equals(inScope(scope, p))) {
      declared.add(new String[] {p, uri});
    }
  }

  private static void declare(List<String[]> declared, String prefix, String uri) {
    declared.add(new String[] {prefix, uri});
  }

  private static String inScope(List<String[]> scope, String prefix) {
    for (int i = scope.size() - 1; i >= 0; i--) {
      if (scope.get(i)[0].equals(prefix)) {
        return scope.get(i)[1];
      }
    }
    return prefix.isEmpty() ? "" : null;
  }

  private static String prefix(String p) {
    return p == null ? "" : p;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
