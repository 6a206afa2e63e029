package io.dccsim.smki.http.internal;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlLimits;
import io.dccsim.core.xml.XmlRejectedException;
import io.dccsim.smki.repository.CertificateRecord;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The XML bodies of the repository interface. Requests are matched by local name, so they may or
 * may not carry a namespace; responses carry none.
 */
public final class RepositoryXml {
  private static final SecureXml PARSER =
      SecureXml.withLimits(XmlLimits.DEFAULTS.withMaxDepth(8).withMaxElements(64));
  private static final Pattern SERIAL = Pattern.compile("[0-9A-Fa-f]{1,40}");

  private RepositoryXml() {}

  /** A request the interface cannot act on: answered 401 with this short message. */
  public static final class InvalidRequest extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidRequest(String message) {
      super(message, null, false, false);
    }
  }

  /** What a search asks for: exactly one of the two EUIs. */
  public record Search(Optional<Eui64> subjectName, Optional<Eui64> subjectAltName) {}

  /** Parses a {@code CertificateSearchRequest}. */
  public static Search parseSearch(byte[] body) throws InvalidRequest {
    Element root = root(body, "CertificateSearchRequest");
    Optional<String> name = childText(root, "CertificateSubjectName");
    Optional<String> alt = childText(root, "CertificateSubjectAltName");
    if (name.isPresent() == alt.isPresent()) {
      throw new InvalidRequest(
          "give exactly one of CertificateSubjectName and CertificateSubjectAltName");
    }
    return new Search(eui(name), eui(alt));
  }

  /** Parses a {@code CertificateDataRequest}: the serial asked for. */
  public static BigInteger parseRetrieve(byte[] body) throws InvalidRequest {
    Element root = root(body, "CertificateDataRequest");
    String serial =
        childText(root, "CertificateSerial")
            .orElseThrow(() -> new InvalidRequest("CertificateSerial missing"));
    if (!SERIAL.matcher(serial).matches()) {
      throw new InvalidRequest("CertificateSerial must be 1 to 40 hex digits");
    }
    BigInteger s = new BigInteger(serial, 16);
    if (s.signum() <= 0) {
      throw new InvalidRequest("CertificateSerial must be positive");
    }
    return s;
  }

  /** The search answer. */
  public static byte[] searchResponse(List<CertificateRecord> results) {
    StringBuilder x = new StringBuilder(128 + 200 * results.size());
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CertificateSearchResponse>");
    for (CertificateRecord r : results) {
      x.append("<Result>");
      element(x, "CertificateSerial", r.serialHex());
      element(x, "CertificateUsage", r.usage().name());
      element(x, "CertificateStatus", String.valueOf(r.status().code()));
      r.role().ifPresent(role -> element(x, "CertificateRole", String.valueOf(role.code())));
      x.append("</Result>");
    }
    x.append("</CertificateSearchResponse>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The retrieval answer. */
  public static byte[] retrieveResponse(CertificateRecord r) {
    StringBuilder x = new StringBuilder(256 + r.der().length * 2);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CertificateDataResponse>");
    x.append("<CertificateResponse>");
    element(x, "CertificateBody", Base64.getEncoder().encodeToString(r.der()));
    r.subjectEui().ifPresent(e -> element(x, "CertificateSubjectName", e.toString()));
    r.subjectAltNameEui().ifPresent(e -> element(x, "CertificateSubjectAltName", e.toString()));
    element(x, "CertificateSerial", r.serialHex());
    element(x, "CertificateStatus", String.valueOf(r.status().code()));
    r.role().map(RemotePartyRole::code).ifPresent(c -> element(x, "CertificateRole", "" + c));
    element(x, "CertificateUsage", r.usage().name());
    x.append("</CertificateResponse></CertificateDataResponse>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  // Every value written is hex, base64, an EUI or a code: nothing needs escaping.
  private static void element(StringBuilder x, String name, String value) {
    x.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
  }

  private static Element root(byte[] body, String expected) throws InvalidRequest {
    Document doc;
    try {
      doc = PARSER.parse(body);
    } catch (XmlRejectedException e) {
      throw new InvalidRequest("malformed XML: " + e.getMessage());
    }
    Element root = doc.getDocumentElement();
    if (!expected.equals(localName(root))) {
      throw new InvalidRequest("expected " + expected + ", got " + localName(root));
    }
    return root;
  }

  private static Optional<String> childText(Element parent, String name) throws InvalidRequest {
    Optional<String> found = Optional.empty();
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n instanceof Element e && name.equals(localName(e))) {
        if (found.isPresent()) {
          throw new InvalidRequest(name + " given twice");
        }
        found = Optional.of(e.getTextContent().strip());
      }
    }
    return found;
  }

  private static Optional<Eui64> eui(Optional<String> text) throws InvalidRequest {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Eui64.parse(text.get()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequest("not an EUI-64: " + e.getMessage());
    }
  }

  private static String localName(Node n) {
    return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
  }
}
