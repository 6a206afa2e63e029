package io.dccsim.core.codec;

import static io.dccsim.core.codec.DuisXml.NAMESPACE;

import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads and writes DUIS Service Requests and Service Responses as DOM documents.
 *
 * <p>Reading walks the DOM once, in the element order DUIS defines, and fails with a {@link
 * DuisFormatException} naming the element at fault. The enveloped {@code ds:Signature} child of the
 * root is skipped: the codec reads documents whose signature has already been checked. A body for a
 * Service Request other than SR 12.1 is kept as raw XML.
 *
 * <p>Writing produces namespace-qualified elements with the {@code sr} prefix declared on the root,
 * ready to be signed; {@link #toBytes(Document)} serialises a document without changing it.
 *
 * <p>The SR 12.1 answer is read and written in the form the document's schema version uses: flat
 * for 5.0 and 5.1, per region from 5.3.
 *
 * <p>Instances hold no state: they are immutable, thread-safe and do no I/O.
 */
public final class DuisCodec {
  private static final String SR = DuisXml.PREFIX + ":";
  private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

  /** A codec. */
  public DuisCodec() {}

  // ---------------------------------------------------------------- reading

  /**
   * Reads a Service Request.
   *
   * @throws DuisFormatException naming the element at fault when the document is not one
   */
  public ServiceRequest readRequest(Document document) {
    Element root = root(document, DuisXml.REQUEST);
    String path = "/" + DuisXml.REQUEST;
    SchemaVersion version = schemaVersion(root, path);
    DomReader top = new DomReader(root, path);
    RequestHeader header = readRequestHeader(top.expect("Header"), path + "/Header");
    RequestBody body = readRequestBody(top.expect("Body"), path + "/Body");
    top.endAllowingSignature();
    return new ServiceRequest(version, header, body);
  }

  /**
   * Reads a Service Response.
   *
   * @throws DuisFormatException naming the element at fault when the document is not one
   */
  public ServiceResponse readResponse(Document document) {
    Element root = root(document, DuisXml.RESPONSE);
    String path = "/" + DuisXml.RESPONSE;
    SchemaVersion version = schemaVersion(root, path);
    DomReader top = new DomReader(root, path);
    ResponseHeader header = readResponseHeader(top.expect("Header"), path + "/Header");
    ResponseBody body = NoBody.INSTANCE;
    Element bodyElement = top.optional("Body");
    if (bodyElement != null) {
      body = readResponseBody(bodyElement, path + "/Body", version);
    }
    top.endAllowingSignature();
    return new ServiceResponse(version, header, body);
  }

  private static Element firstDuisChild(Element parent) {
    for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        return e;
      }
    }
    return null;
  }

  private static Element root(Document document, String name) {
    Objects.requireNonNull(document, "document");
    Element root = document.getDocumentElement();
    if (root == null) {
      throw new DuisFormatException("/", "the document has no root element");
    }
    if (!DomReader.isDuis(root, name)) {
      String local = root.getLocalName() == null ? root.getNodeName() : root.getLocalName();
      throw new DuisFormatException(
          "/" + local,
          "expected the root "
              + DuisXml.PREFIX
              + ":"
              + name
              + ", found "
              + DomReader.describe(root));
    }
    return root;
  }

  private static SchemaVersion schemaVersion(Element root, String path) {
    String at = path + "/@" + DuisXml.SCHEMA_VERSION;
    if (!root.hasAttributeNS(null, DuisXml.SCHEMA_VERSION)) {
      throw new DuisFormatException(at, "missing");
    }
    return value(at, root.getAttributeNS(null, DuisXml.SCHEMA_VERSION), SchemaVersion::parse);
  }

  private static RequestHeader readRequestHeader(Element header, String path) {
    DomReader r = new DomReader(header, path);
    RequestId requestId = leaf(r, "RequestID", RequestId::parse);
    Optional<Boolean> first = optionalLeaf(r, "FirstInSequence", DuisCodec::parseBoolean);
    Optional<RequestId> preceding = optionalLeaf(r, "PrecedingServiceRequestID", RequestId::parse);
    CommandVariant cv = leaf(r, "CommandVariant", CommandVariant::parse);
    ServiceReference reference = leaf(r, "ServiceReference", ServiceReference::parse);
    ServiceReferenceVariant variant =
        leaf(r, "ServiceReferenceVariant", ServiceReferenceVariant::parse);
    r.end();
    checkVariant(path, reference, variant);
    return new RequestHeader(requestId, first, preceding, cv, variant);
  }

  private static void checkVariant(
      String path, ServiceReference reference, ServiceReferenceVariant variant) {
    if (!variant.reference().equals(reference)) {
      throw new DuisFormatException(
          path + "/ServiceReferenceVariant",
          variant + " is not a variant of ServiceReference " + reference);
    }
  }

  private static RequestBody readRequestBody(Element body, String path) {
    DomReader r = new DomReader(body, path);
    Element content = r.any();
    if (content == null) {
      throw new DuisFormatException(path, "holds no request element");
    }
    r.end();
    if (DomReader.isDuis(content, "RequestWANMatrix")) {
      return readRequestWanMatrix(content, path + "/RequestWANMatrix");
    }
    return RawRequestBody.of(content);
  }

  private static RequestWanMatrix readRequestWanMatrix(Element e, String path) {
    DomReader r = new DomReader(e, path);
    RequestWanMatrix out;
    if (r.at("UPRN")) {
      out = RequestWanMatrix.byUprn(leaf(r, "UPRN", Uprn::parse));
    } else if (r.at("PartialAddress")) {
      String p = path + "/PartialAddress";
      DomReader a = new DomReader(r.expect("PartialAddress"), p);
      String postCode = rawLeaf(a, "PostCode", Function.identity());
      String identifier = rawLeaf(a, "AddressIdentifier", Function.identity());
      a.end();
      out =
          RequestWanMatrix.byAddress(value(p, null, x -> new PartialAddress(postCode, identifier)));
    } else {
      Element found = r.peek();
      throw new DuisFormatException(
          path,
          "expected UPRN or PartialAddress"
              + (found == null ? "" : ", found " + DomReader.describe(found)));
    }
    r.end();
    return out;
  }

  private static ResponseHeader readResponseHeader(Element header, String path) {
    DomReader r = new DomReader(header, path);
    Optional<RequestId> requestId = optionalLeaf(r, "RequestID", RequestId::parse);
    Optional<RequestId> responseId = optionalLeaf(r, "ResponseID", RequestId::parse);
    ResponseCode code = leaf(r, "ResponseCode", ResponseCode::parse);
    Instant when = leaf(r, "ResponseDateTime", DuisCodec::parseDateTime);
    r.end();
    return new ResponseHeader(requestId, responseId, code, when);
  }

  private static ResponseBody readResponseBody(Element body, String path, SchemaVersion version) {
    DomReader r = new DomReader(body, path);
    Element first = firstDuisChild(body);
    if (first != null && AlertBody.isAlert(first)) {
      r.expect(first.getLocalName());
      r.end();
      return AlertBody.of(first);
    }
    String mp = path + "/ResponseMessage";
    DomReader m = new DomReader(r.expect("ResponseMessage"), mp);
    r.end();
    ServiceReference reference = leaf(m, "ServiceReference", ServiceReference::parse);
    ServiceReferenceVariant variant =
        leaf(m, "ServiceReferenceVariant", ServiceReferenceVariant::parse);
    checkVariant(mp, reference, variant);
    Element payload = m.any();
    m.end();
    if (payload == null) {
      return RawResponseBody.empty(variant);
    }
    if (variant.equals(ServiceReferenceVariant.REQUEST_WAN_MATRIX)
        && DomReader.isDuis(payload, "DSPWANMatrix")) {
      return readWanMatrix(payload, mp + "/DSPWANMatrix", version);
    }
    return RawResponseBody.of(variant, payload);
  }

  private static WanMatrixResponse readWanMatrix(Element e, String path, SchemaVersion version) {
    DomReader r = new DomReader(e, path);
    RequestWanMatrix request = readRequestWanMatrix(r.expect("Request"), path + "/Request");
    List<RegionResult> results = new ArrayList<>();
    if (version.perRegionWanMatrix()) {
      if (!r.at("DSPWANMatrixResponse")) {
        throw new DuisFormatException(
            path + "/DSPWANMatrixResponse",
            "missing: schemaVersion " + version + " answers per region");
      }
      int i = 0;
      while (r.at("DSPWANMatrixResponse")) {
        i++;
        String p = path + "/DSPWANMatrixResponse[" + i + "]";
        DomReader d = new DomReader(r.expect("DSPWANMatrixResponse"), p);
        CspRegion region = leaf(d, "CSPRegion", text -> region(text, version));
        ResponseCode code = leaf(d, "CSPRegionResponseCode", ResponseCode::parse);
        Optional<WanCoverage> coverage =
            d.at("CoverageAvailability") ? Optional.of(readCoverage(d)) : Optional.empty();
        d.end();
        results.add(new RegionResult(region, Optional.of(code), coverage));
      }
    } else {
      if (r.at("DSPWANMatrixResponse")) {
        throw new DuisFormatException(
            path + "/DSPWANMatrixResponse",
            "the per-region form needs schemaVersion 5.3 or later, not " + version);
      }
      CspRegion region = leaf(r, "CSPRegion", text -> region(text, version));
      results.add(RegionResult.flat(region, readCoverage(r)));
    }
    r.end();
    return new WanMatrixResponse(request, results);
  }

  private static CspRegion region(String text, SchemaVersion version) {
    CspRegion region =
        CspRegion.fromXmlText(text)
            .orElseThrow(() -> new IllegalArgumentException("not a CSP region: '" + text + "'"));
    if (!region.existsIn(version)) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a CSP region of schemaVersion " + version);
    }
    return region;
  }

  private static WanCoverage readCoverage(DomReader r) {
    boolean available = leaf(r, "CoverageAvailability", DuisCodec::parseBoolean);
    Optional<LocalDate> date = optionalLeaf(r, "AnticipatedCoverageDate", DuisCodec::parseDate);
    // kept verbatim: MP106 gives a single space a meaning
    WanTechnology technology = rawLeaf(r, "WANTechnology", WanTechnology::of);
    ConnectivityLikelihood likelihood =
        leaf(
            r,
            "ConnectivityLikelihood",
            text ->
                ConnectivityLikelihood.fromXmlText(text)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "not High, Medium or Low: '" + text + "'")));
    Optional<String> auxiliary = optionalRawLeaf(r, "AuxiliaryEquipmentRequired");
    Optional<String> information = optionalRawLeaf(r, "AdditionalInformation");
    String p = r.path();
    return value(
        p,
        null,
        x -> new WanCoverage(available, date, technology, likelihood, auxiliary, information));
  }

  /** Reads the next leaf, whitespace-collapsed at its ends, and converts it. */
  private static <T> T leaf(DomReader r, String name, Function<String, T> parse) {
    Element e = r.expect(name);
    String p = r.path() + "/" + name;
    return value(p, DomReader.text(e, p).strip(), parse);
  }

  private static <T> Optional<T> optionalLeaf(DomReader r, String name, Function<String, T> parse) {
    return r.at(name) ? Optional.of(leaf(r, name, parse)) : Optional.empty();
  }

  /** Reads the next leaf verbatim and converts it. */
  private static <T> T rawLeaf(DomReader r, String name, Function<String, T> parse) {
    Element e = r.expect(name);
    String p = r.path() + "/" + name;
    return value(p, DomReader.text(e, p), parse);
  }

  private static Optional<String> optionalRawLeaf(DomReader r, String name) {
    return r.at(name) ? Optional.of(rawLeaf(r, name, Function.identity())) : Optional.empty();
  }

  private static <T> T value(String path, String text, Function<String, T> parse) {
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new DuisFormatException(path, e.getMessage(), e);
    }
  }

  private static boolean parseBoolean(String text) {
    switch (text) {
      case "true":
      case "1":
        return true;
      case "false":
      case "0":
        return false;
      default:
        throw new IllegalArgumentException("not a boolean: '" + shorten(text) + "'");
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date: '" + shorten(text) + "'", e);
    }
  }

  /** An xs:dateTime; one without a zone is taken as UTC, as DUIS times are. */
  private static Instant parseDateTime(String text) {
    try {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(
              text, OffsetDateTime::from, LocalDateTime::from);
      return t instanceof OffsetDateTime o
          ? o.toInstant()
          : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not a date and time: '" + shorten(text) + "'", e);
    }
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  // ---------------------------------------------------------------- writing

  /** Writes a Service Request as a new document, ready to be signed. */
  public Document writeRequest(ServiceRequest request) {
    Objects.requireNonNull(request, "request");
    Document doc = newDocument(DuisXml.REQUEST, request.schemaVersion());
    Element root = doc.getDocumentElement();
    RequestHeader h = request.header();
    Element header = child(root, "Header");
    leaf(header, "RequestID", h.requestId().toString());
    h.firstInSequence().ifPresent(f -> leaf(header, "FirstInSequence", f.toString()));
    h.precedingRequestId().ifPresent(p -> leaf(header, "PrecedingServiceRequestID", p.toString()));
    leaf(header, "CommandVariant", Integer.toString(h.commandVariant().code()));
    leaf(header, "ServiceReference", h.serviceReference().toString());
    leaf(header, "ServiceReferenceVariant", h.serviceReferenceVariant().toString());
    Element body = child(root, "Body");
    RequestBody b = request.body();
    if (b instanceof RequestWanMatrix w) {
      writeRequestWanMatrix(child(body, "RequestWANMatrix"), w);
    } else if (b instanceof RawRequestBody raw) {
      body.appendChild(raw.copyInto(doc));
    }
    return doc;
  }

  /**
   * Writes a Service Response as a new document, ready to be signed. An SR 12.1 answer is written
   * in the form of the response's schema version.
   *
   * @throws IllegalArgumentException when the answer does not fit that form
   */
  public Document writeResponse(ServiceResponse response) {
    Objects.requireNonNull(response, "response");
    SchemaVersion version = response.schemaVersion();
    Document doc = newDocument(DuisXml.RESPONSE, version);
    Element root = doc.getDocumentElement();
    ResponseHeader h = response.header();
    Element header = child(root, "Header");
    h.requestId().ifPresent(id -> leaf(header, "RequestID", id.toString()));
    h.responseId().ifPresent(id -> leaf(header, "ResponseID", id.toString()));
    leaf(header, "ResponseCode", h.responseCode().code());
    leaf(header, "ResponseDateTime", DateTimeFormatter.ISO_INSTANT.format(h.responseDateTime()));
    ResponseBody b = response.body();
    if (b instanceof NoBody) {
      return doc;
    }
    if (b instanceof AlertBody alert) {
      child(root, "Body").appendChild(alert.copyInto(doc));
      return doc;
    }
    Element message = child(child(root, "Body"), "ResponseMessage");
    ServiceReferenceVariant variant = b.serviceReferenceVariant().orElseThrow();
    leaf(message, "ServiceReference", variant.reference().toString());
    leaf(message, "ServiceReferenceVariant", variant.toString());
    if (b instanceof WanMatrixResponse w) {
      writeWanMatrix(child(message, "DSPWANMatrix"), w, version);
    } else if (b instanceof RawResponseBody raw) {
      raw.copyInto(doc).ifPresent(message::appendChild);
    }
    return doc;
  }

  private static void writeRequestWanMatrix(Element parent, RequestWanMatrix w) {
    if (w.uprn().isPresent()) {
      leaf(parent, "UPRN", w.uprn().get().toString());
    } else {
      PartialAddress a = w.partialAddress().orElseThrow();
      Element address = child(parent, "PartialAddress");
      leaf(address, "PostCode", a.postCode());
      leaf(address, "AddressIdentifier", a.addressIdentifier());
    }
  }

  private static void writeWanMatrix(Element parent, WanMatrixResponse w, SchemaVersion version) {
    writeRequestWanMatrix(child(parent, "Request"), w.request());
    if (version.perRegionWanMatrix()) {
      if (!w.fitsPerRegionForm()) {
        throw new IllegalArgumentException(
            "schemaVersion " + version + " needs a CSPRegionResponseCode for every region");
      }
      for (RegionResult r : w.results()) {
        Element each = child(parent, "DSPWANMatrixResponse");
        leaf(each, "CSPRegion", r.region().xmlText());
        leaf(each, "CSPRegionResponseCode", r.responseCode().orElseThrow().code());
        r.coverage().ifPresent(c -> writeCoverage(each, c));
      }
    } else {
      if (!w.fitsFlatForm()) {
        throw new IllegalArgumentException(
            "schemaVersion "
                + version
                + " answers with one result, without a region response code, with coverage"
                + " facts and no 4G region");
      }
      RegionResult r = w.results().get(0);
      leaf(parent, "CSPRegion", r.region().xmlText());
      writeCoverage(parent, r.coverage().orElseThrow());
    }
  }

  private static void writeCoverage(Element parent, WanCoverage c) {
    leaf(parent, "CoverageAvailability", Boolean.toString(c.coverageAvailable()));
    c.anticipatedCoverageDate()
        .ifPresent(d -> leaf(parent, "AnticipatedCoverageDate", d.toString()));
    leaf(parent, "WANTechnology", c.wanTechnology().text());
    leaf(parent, "ConnectivityLikelihood", c.connectivityLikelihood().xmlText());
    c.auxiliaryEquipmentRequired().ifPresent(t -> leaf(parent, "AuxiliaryEquipmentRequired", t));
    c.additionalInformation().ifPresent(t -> leaf(parent, "AdditionalInformation", t));
  }

  private static Document newDocument(String rootName, SchemaVersion version) {
    Document doc = SecureXml.newDocument();
    Element root = doc.createElementNS(NAMESPACE, SR + rootName);
    root.setAttributeNS(XMLNS, "xmlns:" + DuisXml.PREFIX, NAMESPACE);
    root.setAttributeNS(null, DuisXml.SCHEMA_VERSION, version.toString());
    doc.appendChild(root);
    return doc;
  }

  private static Element child(Element parent, String name) {
    Element e = parent.getOwnerDocument().createElementNS(NAMESPACE, SR + name);
    parent.appendChild(e);
    return e;
  }

  private static void leaf(Element parent, String name, String text) {
    checkChars(name, text);
    Element e = child(parent, name);
    e.appendChild(parent.getOwnerDocument().createTextNode(text));
  }

  /** Refuses characters XML 1.0 cannot carry, naming the element. */
  private static void checkChars(String name, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0xD800
          || c == '\t'
          || c == '\n'
          || c == '\r'
          || c >= 0xE000 && c <= 0xFFFD) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
        continue;
      }
      throw new IllegalArgumentException(
          String.format("%s: character U+%04X cannot appear in an XML document", name, (int) c));
    }
  }

  // ---------------------------------------------------------------- bytes

  /**
   * Serialises {@code document} as UTF-8 with an XML declaration, exactly as it stands: nothing is
   * indented or re-ordered, so a signature made over the DOM still holds over the bytes (see {@link
   * XmlWriter}).
   */
  public byte[] toBytes(Document document) {
    Objects.requireNonNull(document, "document");
    return XmlWriter.toBytes(document);
  }
}
