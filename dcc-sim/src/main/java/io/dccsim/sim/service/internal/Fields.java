package io.dccsim.sim.service.internal;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.sim.pipeline.MalformedRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Reads the fields of a request body the schema has already checked. A field that is missing or
 * unreadable here means the body did not come through the schema (a custom schema, or a handler
 * called directly), so it is refused as malformed rather than trusted.
 */
public final class Fields {
  private final Element body;

  private Fields(Element body) {
    this.body = body;
  }

  /**
   * The body of {@code request}, which must be the element {@code localName}.
   *
   * @throws MalformedRequestException naming the element expected
   */
  public static Fields of(Element element, String srv, String localName) {
    if (!Duis.NS.equals(element.getNamespaceURI()) || !localName.equals(element.getLocalName())) {
      throw new MalformedRequestException("SR " + srv + " takes a " + localName + " body");
    }
    return new Fields(element);
  }

  /** Fields of a child element. */
  public Optional<Fields> child(String localName) {
    return Duis.child(body, localName).map(Fields::new);
  }

  /** Whether a child element of this name is present. */
  public boolean has(String localName) {
    return Duis.child(body, localName).isPresent();
  }

  /** A child's trimmed text, if present. */
  public Optional<String> text(String localName) {
    return Duis.text(body, localName);
  }

  /** A required child's trimmed text. */
  public String required(String localName) {
    return text(localName)
        .orElseThrow(() -> new MalformedRequestException(localName + " is required"));
  }

  /** A child holding an EUI-64, if present. */
  public Optional<Eui64> eui(String localName) {
    return text(localName).map(t -> parseEui(localName, t));
  }

  /** A required child holding an EUI-64. */
  public Eui64 requiredEui(String localName) {
    return parseEui(localName, required(localName));
  }

  /** A required child holding a space-separated list of EUI-64s, in order, repeats kept. */
  public List<Eui64> euiList(String localName) {
    List<Eui64> out = new ArrayList<>();
    for (String item : required(localName).split("\\s+")) {
      if (!item.isEmpty()) {
        out.add(parseEui(localName, item));
      }
    }
    if (out.isEmpty()) {
      throw new MalformedRequestException(localName + " lists no device");
    }
    return out;
  }

  /** The element's children in the DUIS namespace. */
  public List<Element> elements() {
    return Duis.children(body);
  }

  private static Eui64 parseEui(String name, String text) {
    try {
      return Eui64.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException(name + " is not an EUI-64");
    }
  }
}
