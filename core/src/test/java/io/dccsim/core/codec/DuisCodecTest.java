package io.dccsim.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DuisCodecTest {
  static final String NS = DuisXml.NAMESPACE;
  static final RequestId ID =
      RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000");
  static final Instant WHEN = Instant.parse("2021-06-24T10:15:30Z");

  private final DuisCodec codec = new DuisCodec();

  static Document parse(String xml) {
    return SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  Document reparse(Document d) {
    return SecureXml.withDefaults().parse(codec.toBytes(d));
  }

  static RequestWanMatrix threapwoodRoad() {
    return RequestWanMatrix.byAddress(
        PartialAddress.of(Postcode.parse("m220rr"), "Threapwood Road"));
  }

  static ServiceRequest wanMatrixRequest(SchemaVersion version) {
    return new ServiceRequest(
        version,
        new RequestHeader(
            ID, CommandVariant.NON_DEVICE, ServiceReferenceVariant.REQUEST_WAN_MATRIX),
        threapwoodRoad());
  }

  @Test
  void writesTheRequestInDuisElementOrder() {
    String xml =
        new String(
            codec.toBytes(codec.writeRequest(wanMatrixRequest(SchemaVersion.V5_1))),
            StandardCharsets.UTF_8);
    assertThat(xml)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<sr:Request xmlns:sr=\""
                + NS
                + "\" schemaVersion=\"5.1\">"
                + "<sr:Header>"
                + "<sr:RequestID>90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000</sr:RequestID>"
                + "<sr:CommandVariant>8</sr:CommandVariant>"
                + "<sr:ServiceReference>12.1</sr:ServiceReference>"
                + "<sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant>"
                + "</sr:Header>"
                + "<sr:Body><sr:RequestWANMatrix><sr:PartialAddress>"
                + "<sr:PostCode>M22 0RR</sr:PostCode>"
                + "<sr:AddressIdentifier>Threapwood Road</sr:AddressIdentifier>"
                + "</sr:PartialAddress></sr:RequestWANMatrix></sr:Body>"
                + "</sr:Request>");
  }

  @Test
  void readsAnIndentedRequestWithCommentsAndASignature() {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Request xmlns="http://www.dccinterface.co.uk/ServiceUserGateway" schemaVersion="5.1">
          <!-- a comment -->
          <Header>
            <RequestID> 90-b3-d5-1f-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000 </RequestID>
            <FirstInSequence>true</FirstInSequence>
            <PrecedingServiceRequestID>90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:999</PrecedingServiceRequestID>
            <CommandVariant>8</CommandVariant>
            <ServiceReference>12.1</ServiceReference>
            <ServiceReferenceVariant>12.1</ServiceReferenceVariant>
          </Header>
          <Body>
            <RequestWANMatrix><UPRN>100023336956</UPRN></RequestWANMatrix>
          </Body>
          <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo/></ds:Signature>
        </Request>
        """;
    ServiceRequest r = codec.readRequest(parse(xml));
    assertThat(r.schemaVersion()).isEqualTo(SchemaVersion.V5_1);
    assertThat(r.header().requestId()).isEqualTo(ID);
    assertThat(r.header().firstInSequence()).hasValue(true);
    assertThat(r.header().precedingRequestId()).hasValue(ID.withCounter(999));
    assertThat(r.header().commandVariant()).isEqualTo(CommandVariant.NON_DEVICE);
    assertThat(r.body()).isEqualTo(RequestWanMatrix.byUprn(Uprn.of(100023336956L)));
  }

  @Test
  void keepsOtherRequestBodiesAsRawXml() {
    String xml =
        "<sr:Request xmlns:sr='"
            + NS
            + "' xmlns:x='urn:example' schemaVersion='5.1'><sr:Header>"
            + "<sr:RequestID>"
            + ID
            + "</sr:RequestID><sr:CommandVariant>1</sr:CommandVariant>"
            + "<sr:ServiceReference>4.1</sr:ServiceReference>"
            + "<sr:ServiceReferenceVariant>4.1.1</sr:ServiceReferenceVariant></sr:Header>"
            + "<sr:Body><sr:ReadInstantaneousImportRegisters x:flag='1'>"
            + "<x:Any> keep  me </x:Any></sr:ReadInstantaneousImportRegisters></sr:Body></sr:Request>";
    ServiceRequest r = codec.readRequest(parse(xml));
    assertThat(r.body()).isInstanceOf(RawRequestBody.class);
    RawRequestBody raw = (RawRequestBody) r.body();
    assertThat(raw.localName()).isEqualTo("ReadInstantaneousImportRegisters");
    assertThat(raw.namespaceUri()).isEqualTo(NS);
    assertThat(r.header().serviceReferenceVariant()).hasToString("4.1.1");

    // the prefix declared on the original root travels with the body
    Document written = reparse(codec.writeRequest(r));
    ServiceRequest again = codec.readRequest(written);
    assertThat(again).isEqualTo(r);
    Element any = (Element) written.getElementsByTagNameNS("urn:example", "Any").item(0);
    assertThat(any.getTextContent()).isEqualTo(" keep  me ");

    // callers get copies: changing one does not change the body
    raw.element().setAttribute("changed", "yes");
    assertThat(raw.element().hasAttribute("changed")).isFalse();
  }

  @Test
  void requestsRoundTripThroughBytes() {
    for (SchemaVersion v : List.of(SchemaVersion.V5_0, SchemaVersion.V5_1, SchemaVersion.V5_3)) {
      ServiceRequest r = wanMatrixRequest(v);
      assertThat(codec.readRequest(reparse(codec.writeRequest(r)))).isEqualTo(r);
    }
  }

  static WanCoverage coverage(String technology) {
    return new WanCoverage(
        false,
        Optional.of(LocalDate.of(2022, 3, 1)),
        WanTechnology.of(technology),
        ConnectivityLikelihood.MEDIUM,
        Optional.of("Aerial"),
        Optional.of("Tel. & <info>\r\n\tline"));
  }

  @Test
  void flatAnswerRoundTripsAndKeepsTheSingleSpace() {
    WanMatrixResponse body =
        WanMatrixResponse.flat(threapwoodRoad(), CspRegion.SOUTH, coverage(" "));
    ServiceResponse r =
        new ServiceResponse(
            SchemaVersion.V5_1, ResponseHeader.answering(ID, ResponseCode.I0, WHEN), body);
    Document doc = reparse(codec.writeResponse(r));
    ServiceResponse back = codec.readResponse(doc);
    assertThat(back).isEqualTo(r);
    WanCoverage c = ((WanMatrixResponse) back.body()).results().get(0).coverage().orElseThrow();
    assertThat(c.wanTechnology().text()).isEqualTo(" ");
    assertThat(c.wanTechnology().interpret(Baseline.JUNE_2021).isUnknown()).isTrue();
    assertThat(c.additionalInformation()).hasValue("Tel. & <info>\r\n\tline");
    assertThat(doc.getElementsByTagNameNS(NS, "DSPWANMatrixResponse").getLength()).isZero();
    assertThat(doc.getElementsByTagNameNS(NS, "CSPRegionResponseCode").getLength()).isZero();
  }

  @Test
  void perRegionAnswerRoundTrips() {
    WanMatrixResponse body =
        WanMatrixResponse.perRegion(
            RequestWanMatrix.byUprn(Uprn.of(42)),
            List.of(
                RegionResult.of(CspRegion.NORTH_4G, ResponseCode.I0, coverage("4G")),
                RegionResult.withoutCoverage(CspRegion.CENTRAL, ResponseCode.E120103)));
    ServiceResponse r =
        new ServiceResponse(
            SchemaVersion.V5_4, ResponseHeader.answering(ID, ResponseCode.I0, WHEN), body);
    Document doc = reparse(codec.writeResponse(r));
    assertThat(codec.readResponse(doc)).isEqualTo(r);
    assertThat(doc.getElementsByTagNameNS(NS, "DSPWANMatrixResponse").getLength()).isEqualTo(2);
  }

  @Test
  void aResponseWithoutBodyReadsAsNoBody() {
    // not valid under the DUIS schemas (they require the Body), but read from any DCC as it is
    ServiceResponse r =
        new ServiceResponse(
            SchemaVersion.V5_1,
            ResponseHeader.answering(ID, ResponseCode.E2, WHEN),
            NoBody.INSTANCE);
    Document doc = reparse(codec.writeResponse(r));
    assertThat(doc.getElementsByTagNameNS(NS, "Body").getLength()).isZero();
    assertThat(codec.readResponse(doc)).isEqualTo(r);
  }

  @Test
  void otherResponsesPassThroughRaw() {
    Document src = parse("<x:Payload xmlns:x='urn:example'><x:A>1</x:A></x:Payload>");
    ServiceResponse r =
        new ServiceResponse(
            SchemaVersion.V5_1,
            new ResponseHeader(
                Optional.of(ID), Optional.of(ID.withCounter(7)), ResponseCode.I0, WHEN),
            RawResponseBody.of(ServiceReferenceVariant.parse("4.1.1"), src.getDocumentElement()));
    assertThat(codec.readResponse(reparse(codec.writeResponse(r)))).isEqualTo(r);
    ServiceResponse empty =
        new ServiceResponse(
            SchemaVersion.V5_1,
            ResponseHeader.answering(ID, ResponseCode.I99, WHEN),
            RawResponseBody.empty(ServiceReferenceVariant.parse("4.1.1")));
    assertThat(codec.readResponse(reparse(codec.writeResponse(empty)))).isEqualTo(empty);
  }

  @Test
  void refusesToWriteAnAnswerInTheWrongForm() {
    WanMatrixResponse perRegion =
        WanMatrixResponse.perRegion(
            threapwoodRoad(),
            List.of(RegionResult.of(CspRegion.NORTH, ResponseCode.I0, coverage("4G"))));
    assertThatThrownBy(
            () ->
                codec.writeResponse(
                    new ServiceResponse(
                        SchemaVersion.V5_1,
                        ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
                        perRegion)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5.1");
    WanMatrixResponse flat4g =
        WanMatrixResponse.flat(threapwoodRoad(), CspRegion.SOUTH_4G, coverage("4G"));
    assertThatThrownBy(
            () ->
                codec.writeResponse(
                    new ServiceResponse(
                        SchemaVersion.V5_0,
                        ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
                        flat4g)))
        .isInstanceOf(IllegalArgumentException.class);
    WanMatrixResponse flat =
        WanMatrixResponse.flat(threapwoodRoad(), CspRegion.SOUTH, coverage("4G"));
    assertThatThrownBy(
            () ->
                codec.writeResponse(
                    new ServiceResponse(
                        SchemaVersion.V5_3,
                        ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
                        flat)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CSPRegionResponseCode");
  }

  @Test
  void refusesCharactersXmlCannotCarry() {
    WanMatrixResponse body =
        WanMatrixResponse.flat(threapwoodRoad(), CspRegion.SOUTH, coverage("bad\u0001"));
    assertThatThrownBy(
            () ->
                codec.writeResponse(
                    new ServiceResponse(
                        SchemaVersion.V5_1,
                        ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
                        body)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WANTechnology")
        .hasMessageContaining("U+0001");
  }

  private static String request(String header, String body) {
    return "<sr:Request xmlns:sr='"
        + NS
        + "' schemaVersion='5.1'><sr:Header>"
        + header
        + "</sr:Header><sr:Body>"
        + body
        + "</sr:Body></sr:Request>";
  }

  private static final String GOOD_HEADER =
      "<sr:RequestID>"
          + ID
          + "</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant>"
          + "<sr:ServiceReference>12.1</sr:ServiceReference>"
          + "<sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant>";

  private static final String GOOD_BODY =
      "<sr:RequestWANMatrix><sr:UPRN>1</sr:UPRN></sr:RequestWANMatrix>";

  private void assertRefused(String xml, String path, String problem) {
    assertThatThrownBy(() -> codec.readRequest(parse(xml)))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(((DuisFormatException) e).path()).isEqualTo(path));
  }

  @Test
  void namesTheElementAtFault() {
    assertRefused(
        request(GOOD_HEADER, GOOD_BODY).replace(":1000<", ":x<"),
        "/Request/Header/RequestID",
        "counter");
    assertRefused(
        request(GOOD_HEADER.replace(">8<", ">9<"), GOOD_BODY),
        "/Request/Header/CommandVariant",
        "1 to 8");
    assertRefused(
        request(GOOD_HEADER.replace("Variant>12.1<", "Variant>6.15.1<"), GOOD_BODY),
        "/Request/Header/ServiceReferenceVariant",
        "not a variant");
    assertRefused(
        request(GOOD_HEADER.replace("<sr:CommandVariant>8</sr:CommandVariant>", ""), GOOD_BODY),
        "/Request/Header/CommandVariant",
        "found element ServiceReference");
    assertRefused(
        request(GOOD_HEADER + "<sr:Extra/>", GOOD_BODY), "/Request/Header/Extra", "unexpected");
    assertRefused(request(GOOD_HEADER, ""), "/Request/Body", "no request element");
    assertRefused(
        request(GOOD_HEADER, GOOD_BODY + GOOD_BODY),
        "/Request/Body/RequestWANMatrix",
        "unexpected");
    assertRefused(
        request(GOOD_HEADER, "<sr:RequestWANMatrix><sr:UPRN>0</sr:UPRN></sr:RequestWANMatrix>"),
        "/Request/Body/RequestWANMatrix/UPRN",
        "positive");
    assertRefused(
        request(GOOD_HEADER, "<sr:RequestWANMatrix/>"),
        "/Request/Body/RequestWANMatrix",
        "UPRN or PartialAddress");
    assertRefused(
        request(
            GOOD_HEADER,
            "<sr:RequestWANMatrix><sr:UPRN>1</sr:UPRN><sr:UPRN>2</sr:UPRN></sr:RequestWANMatrix>"),
        "/Request/Body/RequestWANMatrix/UPRN",
        "unexpected");
    assertRefused(
        request(GOOD_HEADER, GOOD_BODY).replace("schemaVersion='5.1'", ""),
        "/Request/@schemaVersion",
        "missing");
    assertRefused(
        request(GOOD_HEADER, GOOD_BODY).replace("'5.1'", "'five'"),
        "/Request/@schemaVersion",
        "schema version");
    assertRefused(request("text<sr:RequestID/>", GOOD_BODY), "/Request/Header", "unexpected text");
    assertRefused(
        "<sr:Response xmlns:sr='" + NS + "' schemaVersion='5.1'/>", "/Response", "sr:Request");
    assertRefused("<Request schemaVersion='5.1'/>", "/Request", "in no namespace");
    assertRefused(
        request(GOOD_HEADER, GOOD_BODY).replace("</sr:Request>", "<sr:Trailer/></sr:Request>"),
        "/Request/Trailer",
        "unexpected");
    assertRefused(
        request(GOOD_HEADER.replace("<sr:RequestID>", "<sr:RequestID><sr:x/>"), GOOD_BODY),
        "/Request/Header/RequestID",
        "holds an element");
  }

  private ServiceResponse readResponse(String version, String matrix) {
    String xml =
        "<sr:Response xmlns:sr='"
            + NS
            + "' schemaVersion='"
            + version
            + "'><sr:Header>"
            + "<sr:RequestID>"
            + ID
            + "</sr:RequestID><sr:ResponseCode>I0</sr:ResponseCode>"
            + "<sr:ResponseDateTime>2021-06-24T11:15:30+01:00</sr:ResponseDateTime></sr:Header>"
            + "<sr:Body><sr:ResponseMessage><sr:ServiceReference>12.1</sr:ServiceReference>"
            + "<sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant><sr:DSPWANMatrix>"
            + "<sr:Request><sr:UPRN>5</sr:UPRN></sr:Request>"
            + matrix
            + "</sr:DSPWANMatrix></sr:ResponseMessage></sr:Body></sr:Response>";
    return codec.readResponse(parse(xml));
  }

  private static final String FLAT =
      "<sr:CSPRegion>North</sr:CSPRegion><sr:CoverageAvailability>1</sr:CoverageAvailability>"
          + "<sr:WANTechnology>Unknown</sr:WANTechnology>"
          + "<sr:ConnectivityLikelihood>High</sr:ConnectivityLikelihood>";

  @Test
  void readsTheFormTheSchemaVersionSays() {
    ServiceResponse r = readResponse("5.1", FLAT);
    assertThat(r.header().responseDateTime()).isEqualTo(WHEN);
    WanMatrixResponse w = (WanMatrixResponse) r.body();
    assertThat(w.results()).hasSize(1);
    assertThat(w.results().get(0).coverage().orElseThrow().coverageAvailable()).isTrue();

    assertThatThrownBy(() -> readResponse("5.3", FLAT))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining("DSPWANMatrixResponse")
        .hasMessageContaining("per region");
    String perRegion =
        "<sr:DSPWANMatrixResponse><sr:CSPRegion>4G South</sr:CSPRegion>"
            + "<sr:CSPRegionResponseCode>I0</sr:CSPRegionResponseCode></sr:DSPWANMatrixResponse>";
    assertThat(((WanMatrixResponse) readResponse("5.4", perRegion).body()).results())
        .containsExactly(RegionResult.withoutCoverage(CspRegion.SOUTH_4G, ResponseCode.I0));
    assertThatThrownBy(() -> readResponse("5.1", perRegion))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining("5.3 or later");
    assertThatThrownBy(() -> readResponse("5.1", FLAT.replace(">North<", ">4G North<")))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining("/CSPRegion")
        .hasMessageContaining("schemaVersion 5.1");
    assertThatThrownBy(() -> readResponse("5.1", FLAT.replace(">High<", ">high<")))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining("/ConnectivityLikelihood");
    assertThatThrownBy(
            () ->
                readResponse(
                    "5.4",
                    perRegion.replace(
                        "</sr:CSPRegionResponseCode>",
                        "</sr:CSPRegionResponseCode><sr:CoverageAvailability>true</sr:CoverageAvailability>")))
        .isInstanceOf(DuisFormatException.class)
        .hasMessageContaining("WANTechnology")
        .hasMessageContaining("missing");
  }

  @Test
  void responseTimesWithoutAZoneAreUtc() {
    String xml =
        "<sr:Response xmlns:sr='"
            + NS
            + "' schemaVersion='5.1'><sr:Header>"
            + "<sr:ResponseCode>E1</sr:ResponseCode>"
            + "<sr:ResponseDateTime>2021-06-24T10:15:30.5</sr:ResponseDateTime></sr:Header></sr:Response>";
    ServiceResponse r = codec.readResponse(parse(xml));
    assertThat(r.header().responseDateTime()).isEqualTo(WHEN.plusMillis(500));
    assertThat(r.header().requestId()).isEmpty();
    assertThat(r.body()).isSameAs(NoBody.INSTANCE);
  }

  @Test
  void valuesSplitByCommentsOrCdataReadAsOneText() {
    String xml =
        request(
            GOOD_HEADER,
            "<sr:RequestWANMatrix><sr:UPRN>12<!-- x -->3<![CDATA[4]]></sr:UPRN></sr:RequestWANMatrix>");
    assertThat(codec.readRequest(parse(xml)).body())
        .isEqualTo(RequestWanMatrix.byUprn(Uprn.of(1234)));
  }

  @Test
  void formatErrorsNameTheElementAndTheProblemApart() {
    DuisFormatException e = new DuisFormatException("/Request/Header/RequestID", "missing");
    assertThat(e.element()).isEqualTo("RequestID");
    assertThat(e.problem()).isEqualTo("missing");
    assertThat(e).hasMessage("/Request/Header/RequestID: missing");
  }
}
