package io.dccsim.sim.pipeline;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.codec.DuisFormatException;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.schema.SchemaViolationException;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Stage 1: bytes to a hardened DOM (no DOCTYPE, no entities, bounded depth and size), validated by
 * core's {@link DuisSchema} in the same pass, then the shape of a DUIS request is checked (for an
 * invalid request before the schema's complaint, so the answer names the simpler fault), then
 * core's codec reads it into a typed {@link ServiceRequest}. The shape: root {@code sr:Request}
 * with a published {@code schemaVersion}, a {@code Header} with RequestID, CommandVariant,
 * ServiceReference and ServiceReferenceVariant, and a {@code Body} holding exactly one element.
 * Anything else is {@link MalformedRequestException}.
 */
public final class RequestReader {
  private final SecureXml xml;
  private final DuisCodec codec = new DuisCodec();
  private final DuisSchema schema;

  /** Reads with this parser, validating against this schema. */
  public RequestReader(SecureXml xml, DuisSchema schema) {
    this.xml = xml;
    this.schema = schema;
  }

  private Document parsePlain(byte[] body) {
    try {
      return xml.parse(body);
    } catch (XmlRejectedException e) {
      throw new MalformedRequestException("not acceptable XML: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new MalformedRequestException("not well-formed XML");
    }
  }

  /** Parses and checks the shape. */
  public ParsedRequest read(byte[] body) {
    Document document;
    SchemaViolationException violation = null;
    try {
      // one pass parses and validates; an invalid request is read again below so that the
      // shape checks name what is wrong before the schema does
      document = schema.parseValidated(xml, body);
    } catch (SchemaViolationException e) {
      violation = e;
      document = parsePlain(body);
    } catch (XmlRejectedException e) {
      throw new MalformedRequestException("not acceptable XML: " + e.getMessage());
    } catch (RuntimeException e) {
      throw new MalformedRequestException("not well-formed XML");
    }
    Element root = document.getDocumentElement();
    if (root == null
        || !Duis.NS.equals(root.getNamespaceURI())
        || !"Request".equals(root.getLocalName())) {
      throw new MalformedRequestException("not a DUIS request: the root must be sr:Request");
    }
    SchemaVersion version;
    try {
      version = SchemaVersion.parse(root.getAttribute("schemaVersion"));
    } catch (RuntimeException e) {
      throw new MalformedRequestException("schemaVersion missing or not a version");
    }
    if (!version.isPublished()) {
      throw new MalformedRequestException("schemaVersion " + version + " is not a published one");
    }
    List<Element> parts = Duis.children(root);
    if (parts.size() != 2
        || !"Header".equals(parts.get(0).getLocalName())
        || !"Body".equals(parts.get(1).getLocalName())) {
      throw new MalformedRequestException("sr:Request holds Header then Body");
    }
    Element header = parts.get(0);
    RequestId requestId =
        field(header, "RequestID", RequestId::parse, "RequestID is originator:target:counter");
    CommandVariant cv =
        field(header, "CommandVariant", CommandVariant::parse, "CommandVariant is 1 to 8");
    ServiceReference sr =
        field(header, "ServiceReference", ServiceReference::parse, "ServiceReference is n.n");
    ServiceReferenceVariant srv =
        field(
            header,
            "ServiceReferenceVariant",
            ServiceReferenceVariant::parse,
            "ServiceReferenceVariant is n.n or n.n.n");
    List<Element> bodyElements = Duis.children(parts.get(1));
    if (bodyElements.size() != 1) {
      throw new MalformedRequestException("Body holds exactly one request element");
    }
    if (violation != null) {
      throw new MalformedRequestException(
          "not a valid DUIS request at " + violation.location() + ": " + violation.reason());
    }
    ServiceRequest message;
    try {
      message = codec.readRequest(document);
    } catch (DuisFormatException e) {
      throw new MalformedRequestException("not a DUIS request: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("not a valid DUIS request: " + e.getMessage());
    }
    return new ParsedRequest(
        document, version, requestId, cv, sr, srv, bodyElements.get(0), message);
  }

  private static <T> T field(
      Element header, String name, java.util.function.Function<String, T> parse, String problem) {
    String text =
        Duis.text(header, name)
            .orElseThrow(() -> new MalformedRequestException("Header lacks " + name));
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      throw new MalformedRequestException(problem);
    }
  }
}
