package io.dccsim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.codec.DuisXml;
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
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
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
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DuisSchemaTest {
  private static final String NS = DuisXml.NAMESPACE;
  private static final RequestId ID =
      RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000");
  private static final Instant WHEN = Instant.parse("2021-06-24T10:15:30Z");

  private final DuisCodec codec = new DuisCodec();
  private final DuisSchema schema = DuisSchema.builtIn();

  private static Document parse(String xml) {
    return SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static RequestWanMatrix address() {
    return RequestWanMatrix.byAddress(
        PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road"));
  }

  private static ServiceRequest request(SchemaVersion v) {
    return new ServiceRequest(
        v,
        new RequestHeader(
            ID, CommandVariant.NON_DEVICE, ServiceReferenceVariant.REQUEST_WAN_MATRIX),
        address());
  }

  private static WanCoverage coverage(String technology) {
    return new WanCoverage(
        true,
        Optional.of(LocalDate.of(2021, 7, 1)),
        WanTechnology.of(technology),
        ConnectivityLikelihood.HIGH,
        Optional.empty(),
        Optional.of("none"));
  }

  private static ServiceResponse flat(String technology, CspRegion region) {
    return new ServiceResponse(
        SchemaVersion.V5_1,
        ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
        WanMatrixResponse.flat(address(), region, coverage(technology)));
  }

  @Test
  void acceptsWhatTheCodecWrites() {
    schema.validate(codec.writeRequest(request(SchemaVersion.V5_1)));
    schema.validate(codec.writeResponse(flat(" ", CspRegion.SOUTH)));
    schema.validate(
        codec.writeResponse(
            new ServiceResponse(
                SchemaVersion.V5_3,
                ResponseHeader.answering(ID, ResponseCode.I0, WHEN),
                WanMatrixResponse.perRegion(
                    RequestWanMatrix.byUprn(Uprn.of(7)),
                    List.of(
                        RegionResult.of(CspRegion.CENTRAL_4G, ResponseCode.I0, coverage("4G")),
                        RegionResult.withoutCoverage(CspRegion.NORTH, ResponseCode.E120103))))));
    for (SchemaVersion v : List.of(SchemaVersion.V5_1, SchemaVersion.V5_4)) {
      schema.validate(
          codec.writeResponse(
              new ServiceResponse(
                  v,
                  ResponseHeader.answering(ID, ResponseCode.E2, WHEN),
                  RawResponseBody.empty(ServiceReferenceVariant.REQUEST_WAN_MATRIX))));
    }
  }

  @Test
  void anAnswerWithoutBodyIsRefusedAsThePublishedSchemasDo() {
    for (SchemaVersion v : List.of(SchemaVersion.V5_1, SchemaVersion.V5_4)) {
      Document noBody =
          codec.writeResponse(
              new ServiceResponse(
                  v, ResponseHeader.answering(ID, ResponseCode.E1, WHEN), NoBody.INSTANCE));
      assertThatThrownBy(() -> schema.validate(noBody))
          .as("schemaVersion %s", v)
          .isInstanceOf(SchemaViolationException.class)
          .hasMessageContaining("Body");
    }
  }

  @Test
  void acceptsASignedRequestAndOtherBodiesLaxly() {
    SigningCredential user = TestCredentials.credential("CN=Test OCA", BigInteger.TEN);
    Document signed = codec.writeRequest(request(SchemaVersion.V5_1));
    new DuisSigner(user).sign(signed);
    schema.validate(SecureXml.withDefaults().parse(codec.toBytes(signed)));

    Document other =
        parse("<x:ReadRegisters xmlns:x='urn:example'><x:Anything/></x:ReadRegisters>");
    ServiceRequest raw =
        new ServiceRequest(
            SchemaVersion.V5_1,
            new RequestHeader(
                ID, CommandVariant.SEND_VIA_WAN, ServiceReferenceVariant.parse("4.1.1")),
            RawRequestBody.of(other.getDocumentElement()));
    schema.validate(codec.writeRequest(raw));
  }

  @Test
  void namesTheElementAtFault() {
    Document bad = codec.writeRequest(request(SchemaVersion.V5_1));
    Element id = (Element) bad.getElementsByTagNameNS(NS, "RequestID").item(0);
    id.setTextContent("90-B3-D5-1F-30-01-00-00:00-00-00-00-00-00-00-01:x");
    assertThatThrownBy(() -> schema.validate(bad))
        .isInstanceOf(SchemaViolationException.class)
        .satisfies(
            e -> {
              SchemaViolationException v = (SchemaViolationException) e;
              assertThat(v.location()).isEqualTo("/Request/Header/RequestID");
              assertThat(v.reason()).contains("pattern");
            });
  }

  @Test
  void refusesAnEmptyWanTechnologyAndA4gRegionInTheFlatForm() {
    assertThatThrownBy(() -> schema.validate(codec.writeResponse(flat("", CspRegion.SOUTH))))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("WANTechnology");
    Document doc = codec.writeResponse(flat("4G", CspRegion.SOUTH));
    doc.getElementsByTagNameNS(NS, "CSPRegion").item(0).setTextContent("4G South");
    assertThatThrownBy(() -> schema.validate(doc))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("/CSPRegion");
  }

  @Test
  void refusesWrongOrderMissingPartsAndExtraElements() {
    String header =
        "<sr:Header><sr:RequestID>"
            + ID
            + "</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant>"
            + "<sr:ServiceReference>12.1</sr:ServiceReference>"
            + "<sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant></sr:Header>";
    String body =
        "<sr:Body><sr:RequestWANMatrix><sr:UPRN>1</sr:UPRN></sr:RequestWANMatrix></sr:Body>";
    String open = "<sr:Request xmlns:sr='" + NS + "' schemaVersion='5.1'>";
    assertThatCode(() -> schema.validate(parse(open + header + body + "</sr:Request>")))
        .doesNotThrowAnyException();
    for (String xml :
        List.of(
            open + body + header + "</sr:Request>",
            open + header + "</sr:Request>",
            open + header + body + "<sr:Extra/></sr:Request>",
            open + header + body.replace(">1<", ">0<") + "</sr:Request>",
            open + header + body.replace(">1<", ">1234567890123<") + "</sr:Request>",
            open + header.replace(">8<", ">9<") + body + "</sr:Request>",
            open.replace(" schemaVersion='5.1'", "") + header + body + "</sr:Request>",
            open + header + "<sr:Body/></sr:Request>")) {
      assertThatThrownBy(() -> schema.validate(parse(xml)))
          .as(xml)
          .isInstanceOf(SchemaViolationException.class);
    }
  }

  @Test
  void refusesADocumentThatIsNotADuisRequestAtAll() {
    assertThatThrownBy(() -> schema.validate(parse("<html><body>hello</body></html>")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("not a DUIS Request or Response");
    assertThatThrownBy(
            () ->
                schema.validate(
                    parse(
                        "<sr:RequestWANMatrix xmlns:sr='"
                            + NS
                            + "'><sr:UPRN>1</sr:UPRN></sr:RequestWANMatrix>")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("not a DUIS Request or Response");
  }

  @Test
  void ignoresSchemaLocationsTheDocumentNames() {
    String xml =
        "<sr:Request xmlns:sr='"
            + NS
            + "' xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'"
            + " xsi:schemaLocation='urn:x http://127.0.0.1:9/x.xsd' schemaVersion='5.1'><sr:Header>"
            + "<sr:RequestID>"
            + ID
            + "</sr:RequestID><sr:CommandVariant>1</sr:CommandVariant>"
            + "<sr:ServiceReference>4.1</sr:ServiceReference>"
            + "<sr:ServiceReferenceVariant>4.1.1</sr:ServiceReferenceVariant></sr:Header>"
            + "<sr:Body><x:Read xmlns:x='urn:x'/></sr:Body></sr:Request>";
    assertThatCode(() -> schema.validate(parse(xml))).doesNotThrowAnyException();
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    Document good = codec.writeRequest(request(SchemaVersion.V5_1));
    byte[] bytes = codec.toBytes(good);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        all.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 50; i++) {
                    schema.validate(SecureXml.withDefaults().parse(bytes));
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------ a user's own XSD

  private static final String TYPES =
      """
      <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                 targetNamespace="http://www.dccinterface.co.uk/ServiceUserGateway"
                 elementFormDefault="qualified">
        <xs:simpleType name="Code">
          <xs:restriction base="xs:string"><xs:pattern value="[A-Z]+"/></xs:restriction>
        </xs:simpleType>
      </xs:schema>
      """;

  private static String mainSchema(String include) {
    return """
        <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
                   xmlns:sr="http://www.dccinterface.co.uk/ServiceUserGateway"
                   targetNamespace="http://www.dccinterface.co.uk/ServiceUserGateway"
                   elementFormDefault="qualified">
          <xs:include schemaLocation="%s"/>
          <xs:element name="Request" type="sr:Code"/>
        </xs:schema>
        """
        .formatted(include);
  }

  @Test
  void loadsAUsersSchemaWithIncludesBesideIt(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("types.xsd"), TYPES);
    Files.createDirectories(dir.resolve("common"));
    Files.writeString(dir.resolve("common/types.xsd"), TYPES);
    Path main = dir.resolve("duis.xsd");
    Files.writeString(main, mainSchema("types.xsd"));
    DuisSchema official = DuisSchema.fromFile(main);
    assertThat(official.name()).endsWith("duis.xsd");
    official.validate(parse("<sr:Request xmlns:sr='" + NS + "'>ABC</sr:Request>"));
    assertThatThrownBy(
            () -> official.validate(parse("<sr:Request xmlns:sr='" + NS + "'>abc</sr:Request>")))
        .isInstanceOf(SchemaViolationException.class)
        .hasMessageContaining("/Request");
    assertThatThrownBy(() -> official.validate(parse("<other/>")))
        .isInstanceOf(SchemaViolationException.class);

    Path nested = dir.resolve("nested.xsd");
    Files.writeString(nested, mainSchema("common/types.xsd"));
    DuisSchema.fromFile(nested).validate(parse("<sr:Request xmlns:sr='" + NS + "'>X</sr:Request>"));
  }

  @Test
  void refusesIncludesOutsideTheSchemasDirectoryOrOnTheWeb(@TempDir Path dir) throws IOException {
    Path inner = Files.createDirectories(dir.resolve("xsd"));
    Files.writeString(dir.resolve("types.xsd"), TYPES);
    Path escaping = inner.resolve("escaping.xsd");
    Files.writeString(escaping, mainSchema("../types.xsd"));
    assertThatThrownBy(() -> DuisSchema.fromFile(escaping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside");
    Path web = inner.resolve("web.xsd");
    Files.writeString(web, mainSchema("http://127.0.0.1:9/types.xsd"));
    assertThatThrownBy(() -> DuisSchema.fromFile(web))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a local file");
    assertThatThrownBy(() -> DuisSchema.fromFile(inner.resolve("absent.xsd")))
        .isInstanceOf(IOException.class);
    Path junk = inner.resolve("junk.xsd");
    Files.writeString(junk, "<notASchema/>");
    assertThatThrownBy(() -> DuisSchema.fromFile(junk))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSchemaWithADoctypeLoadsWithoutFetchingItsDtd(@TempDir Path dir) throws IOException {
    // the W3C signature schema opens like this; its DTD must not be fetched
    String withDoctype =
        "<!DOCTYPE xs:schema PUBLIC \"-//W3C//DTD XMLSCHEMA 200102//EN\" \"http://127.0.0.1:9/XMLSchema.dtd\" ["
            + "<!ENTITY ns 'http://www.dccinterface.co.uk/ServiceUserGateway'>]>"
            + mainSchema("types.xsd")
                .replace(
                    "targetNamespace=\"http://www.dccinterface.co.uk/ServiceUserGateway\"",
                    "targetNamespace=\"&ns;\"");
    Files.writeString(dir.resolve("types.xsd"), TYPES);
    Path main = dir.resolve("dsig-like.xsd");
    Files.writeString(main, withDoctype);
    DuisSchema.fromFile(main).validate(parse("<sr:Request xmlns:sr='" + NS + "'>OK</sr:Request>"));
  }

  @Test
  void aWebReferenceUsesTheCopyBesideTheSchemaWithoutFetching(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("types.xsd"), TYPES);
    Path main = dir.resolve("duis.xsd");
    Files.writeString(main, mainSchema("http://127.0.0.1:9/schemas/types.xsd"));
    DuisSchema.fromFile(main).validate(parse("<sr:Request xmlns:sr='" + NS + "'>OK</sr:Request>"));
  }
}
