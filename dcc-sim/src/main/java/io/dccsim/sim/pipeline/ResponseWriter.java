package io.dccsim.sim.pipeline;

import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stage 6: every DUIS answer is an {@code sr:Response} (Header with RequestID, ResponseCode and
 * ResponseDateTime; Body with ResponseMessage holding ServiceReference, ServiceReferenceVariant and
 * the SR-specific element), signed with the DCC's {@code dspXmlSign} credential. Non-device
 * responses carry no ResponseID.
 */
public final class ResponseWriter {
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_INSTANT;

  private final DuisSigner signer;

  /** Signs with this signer. */
  public ResponseWriter(DuisSigner signer) {
    this.signer = signer;
  }

  /**
   * The signed response bytes.
   *
   * @param breakSignature spoil the signature after signing (an intervention for testing clients)
   */
  public byte[] write(
      SchemaVersion version,
      Optional<String> requestId,
      String responseCode,
      Instant at,
      String serviceReference,
      String serviceReferenceVariant,
      ResponseBody body,
      boolean breakSignature) {
    Document doc = SecureXml.newDocument();
    Element root = doc.createElementNS(Duis.NS, "sr:Response");
    root.setAttribute("schemaVersion", version.toString());
    doc.appendChild(root);
    Element header = add(root, "Header");
    requestId.ifPresent(id -> add(header, "RequestID").setTextContent(id));
    add(header, "ResponseCode").setTextContent(responseCode);
    add(header, "ResponseDateTime")
        .setTextContent(DATE_TIME.format(at.truncatedTo(ChronoUnit.MILLIS)));
    Element message = add(add(root, "Body"), "ResponseMessage");
    add(message, "ServiceReference").setTextContent(serviceReference);
    add(message, "ServiceReferenceVariant").setTextContent(serviceReferenceVariant);
    body.writeInto(message);
    Element signature = signer.sign(doc);
    if (breakSignature) {
      spoil(signature);
    }
    return XmlWriter.toBytes(doc);
  }

  /** Adds a DUIS child element. */
  public static Element add(Element parent, String localName) {
    Element e = parent.getOwnerDocument().createElementNS(Duis.NS, "sr:" + localName);
    parent.appendChild(e);
    return e;
  }

  private static void spoil(Element signature) {
    Node value =
        signature
            .getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "DigestValue")
            .item(0);
    String digest = value.getTextContent();
    value.setTextContent((digest.charAt(0) == 'A' ? "B" : "A") + digest.substring(1));
  }
}
