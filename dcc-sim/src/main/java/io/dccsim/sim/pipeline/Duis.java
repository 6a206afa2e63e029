package io.dccsim.sim.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The DUIS namespace and DOM navigation over it. */
public final class Duis {
  /** The DUIS namespace. */
  public static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";

  private Duis() {}

  /** The element children of {@code parent} in the DUIS namespace. */
  public static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && NS.equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The first DUIS child with this local name. */
  public static Optional<Element> child(Element parent, String localName) {
    for (Element e : children(parent)) {
      if (localName.equals(e.getLocalName())) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The trimmed text of the first DUIS child with this local name. */
  public static Optional<String> text(Element parent, String localName) {
    return child(parent, localName).map(e -> e.getTextContent().strip());
  }
}
