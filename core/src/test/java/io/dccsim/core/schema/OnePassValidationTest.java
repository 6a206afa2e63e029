package io.dccsim.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.codec.DuisXml;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlLimits;
import io.dccsim.core.xml.XmlRejectedException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The one-pass {@link DuisSchema#parseValidated} against parse-then-{@link DuisSchema#validate}.
 */
class OnePassValidationTest {
  private static final String NS = DuisXml.NAMESPACE;
  private static final RequestId ID =
      RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000");
  private static final SigningCredential USER =
      TestCredentials.credential("CN=Test OCA", BigInteger.TEN);

  private final DuisCodec codec = new DuisCodec();
  private final DuisSchema schema = DuisSchema.builtIn();
  private final SecureXml xml = SecureXml.withDefaults();

  private static String open(String version) {
    return "<sr:Request xmlns:sr='" + NS + "' schemaVersion='" + version + "'>";
  }

  private static String header(String cv, String srv) {
    return "<sr:Header><sr:RequestID>"
        + ID
        + "</sr:RequestID><sr:CommandVariant>"
        + cv
        + "</sr:CommandVariant><sr:ServiceReference>12.1</sr:ServiceReference>"
        + "<sr:ServiceReferenceVariant>"
        + srv
        + "</sr:ServiceReferenceVariant></sr:Header>";
  }

  /** What one way of reading made of a document: the DOM's text, or the refusal. */
  private record Outcome(String kind, String detail) {}

  private Outcome twoPass(byte[] bytes) {
    try {
      Document d = xml.parse(bytes);
      schema.validate(d);
      return new Outcome("valid", new String(codec.toBytes(d), StandardCharsets.UTF_8));
    } catch (SchemaViolationException e) {
      return new Outcome("schema", e.location() + " | " + e.reason());
    } catch (XmlRejectedException e) {
      return new Outcome("rejected " + e.reason(), e.getMessage());
    }
  }

  private Outcome onePass(byte[] bytes) {
    try {
      return new Outcome(
          "valid",
          new String(codec.toBytes(schema.parseValidated(xml, bytes)), StandardCharsets.UTF_8));
    } catch (SchemaViolationException e) {
      return new Outcome("schema", e.location() + " | " + e.reason());
    } catch (XmlRejectedException e) {
      return new Outcome("rejected " + e.reason(), e.getMessage());
    }
  }

  /** True when the validator alone, fed by the parser, accepts the document. */
  private static boolean validatorHandlerAccepts(byte[] bytes) throws SAXException {
    ValidatorHandler h = compiledBuiltIn().newValidatorHandler();
    h.setErrorHandler(
        new DefaultHandler() {
          @Override
          public void error(SAXParseException e) throws SAXException {
            throw new SAXException(new IllegalArgumentException(e.getMessage()));
          }
        });
    try {
      SecureXml.withDefaults().parse(bytes, h);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static javax.xml.validation.Schema compiledBuiltIn() throws SAXException {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    return f.newSchema(
        new StreamSource(DuisSchema.class.getResource("duis-sr12.xsd").toExternalForm()));
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<String> version = Arbitraries.of("5.0", "5.1", "5.3", "5.4", "5.2", "x", "");
    Arbitrary<String> cv = Arbitraries.of("8", "1", "9", "0", " 8 ", "");
    Arbitrary<String> srv = Arbitraries.of("12.1", "4.1.1", "12", "12.1.1.1");
    Arbitrary<String> body =
        Arbitraries.of(
            "<sr:Body><sr:RequestWANMatrix><sr:UPRN>1</sr:UPRN></sr:RequestWANMatrix></sr:Body>",
            "<sr:Body><sr:RequestWANMatrix><sr:UPRN>0</sr:UPRN></sr:RequestWANMatrix></sr:Body>",
            "<sr:Body><sr:RequestWANMatrix><sr:UPRN> 42 </sr:UPRN></sr:RequestWANMatrix></sr:Body>",
            "<sr:Body><sr:RequestWANMatrix><sr:UPRN>1234567890123</sr:UPRN>"
                + "</sr:RequestWANMatrix></sr:Body>",
            "<sr:Body><sr:RequestWANMatrix><sr:PartialAddress><sr:PostCode>M22 0RR</sr:PostCode>"
                + "</sr:PartialAddress></sr:RequestWANMatrix></sr:Body>",
            "<sr:Body><sr:RequestWANMatrix/></sr:Body>",
            "<sr:Body><x:Read xmlns:x='urn:x'><x:Any a='1'/></x:Read></sr:Body>",
            "<sr:Body/>",
            "<!-- c --><sr:Body><?pi data?><sr:RequestWANMatrix><sr:UPRN>7</sr:UPRN>"
                + "</sr:RequestWANMatrix></sr:Body>");
    Arbitrary<Integer> damage = Arbitraries.integers().between(0, 6);
    return Combinators.combine(version, cv, srv, body, damage)
        .as(
            (v, c, s, b, d) -> {
              String head = header(c, s);
              return switch (d) {
                case 1 -> open(v) + b + head + "</sr:Request>";
                case 2 -> open(v) + head + "</sr:Request>";
                case 3 -> open(v) + head + b + "<sr:Extra/></sr:Request>";
                case 4 ->
                    "<sr:RequestWANMatrix xmlns:sr='"
                        + NS
                        + "'><sr:UPRN>1</sr:UPRN>"
                        + "</sr:RequestWANMatrix>";
                case 5 -> "<html><body>" + head + "</body></html>";
                case 6 -> open(v) + head + b; // not well-formed
                default -> open(v) + head + b + "</sr:Request>";
              };
            });
  }

  @Property(tries = 300)
  void onePassAgreesWithParseThenValidate(@ForAll("documents") String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    Outcome two = twoPass(bytes);
    assertThat(onePass(bytes)).as(document).isEqualTo(two);
    Statistics.label("outcome").collect(two.kind());
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("valid").count(n -> n > 0);
              c.check("schema").count(n -> n > 0);
              c.check("rejected MALFORMED").count(n -> n > 0);
            });
  }

  @Property(tries = 200)
  void theValidatorInTheParserAcceptsExactlyWhatTheSchemaAccepts(
      @ForAll("documents") String document) throws SAXException {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    Outcome two = twoPass(bytes);
    boolean wellFormedEnvelope =
        !two.kind().startsWith("rejected") && !two.detail().contains("not a DUIS Request");
    if (wellFormedEnvelope) {
      assertThat(validatorHandlerAccepts(bytes)).as(document).isEqualTo(two.kind().equals("valid"));
    }
  }

  @Test
  void theDomIsTheOneTheParserAloneBuildsWithNoSchemaDefaults() {
    for (SchemaVersion v : List.of(SchemaVersion.V5_1, SchemaVersion.V5_4)) {
      byte[] bytes = codec.toBytes(codec.writeRequest(request(v, Uprn.of(5))));
      Document one = schema.parseValidated(xml, bytes);
      Document two = xml.parse(bytes);
      assertThat(one.isEqualNode(two)).isTrue();
      assertThat(codec.toBytes(one)).isEqualTo(bytes);
    }
  }

  @Test
  void aSignedRequestStillVerifiesAfterTheOnePass() {
    Document signed = codec.writeRequest(request(SchemaVersion.V5_1, Uprn.of(99)));
    new DuisSigner(USER).sign(signed);
    byte[] bytes = codec.toBytes(signed);
    Document received = schema.parseValidated(xml, bytes);
    new DuisSignatureVerifier(CertificateResolver.of(USER.certificate())).verify(received);
    assertThat(codec.readRequest(received)).isEqualTo(request(SchemaVersion.V5_1, Uprn.of(99)));
  }

  @Test
  void reportsTheElementPathAsValidateDoes() {
    String bad =
        open("5.1")
            + header("8", "12.1")
            + "<sr:Body><sr:RequestWANMatrix><sr:UPRN>x</sr:UPRN></sr:RequestWANMatrix></sr:Body>"
            + "</sr:Request>";
    assertThatThrownBy(() -> schema.parseValidated(xml, bad.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SchemaViolationException.class,
            e -> assertThat(e.location()).isEqualTo("/Request/Body/RequestWANMatrix/UPRN"));
  }

  @Test
  void hardeningLimitsStillApplyWhileValidating() {
    String deep = "<a>".repeat(100) + "</a>".repeat(100);
    assertThatThrownBy(() -> schema.parseValidated(xml, deep.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_DEEP));
    String doctype =
        "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
            + open("5.1")
            + "&e;</sr:Request>";
    assertThatThrownBy(() -> schema.parseValidated(xml, doctype.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE));
    byte[] valid = codec.toBytes(codec.writeRequest(request(SchemaVersion.V5_1, Uprn.of(1))));
    SecureXml tight = SecureXml.withLimits(XmlLimits.DEFAULTS.withMaxElements(5));
    assertThatThrownBy(() -> schema.parseValidated(tight, valid))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_MANY_ELEMENTS));
    SecureXml small = SecureXml.withLimits(XmlLimits.DEFAULTS.withMaxBytes(100));
    assertThatThrownBy(() -> schema.parseValidated(small, valid))
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.TOO_LARGE));
  }

  @Test
  void staysUsableAfterRefusalsOnTheSameThread() {
    byte[] valid = codec.toBytes(codec.writeRequest(request(SchemaVersion.V5_4, Uprn.of(3))));
    byte[] invalid =
        (open("5.1") + header("9", "12.1") + "<sr:Body/></sr:Request>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] broken = (open("5.1") + header("8", "12.1")).getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> schema.parseValidated(xml, invalid))
          .isInstanceOf(SchemaViolationException.class);
      assertThatThrownBy(() -> schema.parseValidated(xml, broken))
          .isInstanceOf(XmlRejectedException.class);
      assertThat(schema.parseValidated(xml, valid).getDocumentElement().getLocalName())
          .isEqualTo("Request");
    }
  }

  @Test
  void schemaDefaultsAndNormalisedValuesStayOutOfTheDom(@TempDir Path dir) throws Exception {
    Path xsd = dir.resolve("r.xsd");
    Files.writeString(
        xsd,
        "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
            + "<xs:element name='r'><xs:complexType><xs:sequence>"
            + "<xs:element name='t' type='xs:token'/>"
            + "<xs:element name='d' type='xs:string' default='filled'/>"
            + "</xs:sequence><xs:attribute name='a' default='x'/></xs:complexType></xs:element>"
            + "</xs:schema>");
    DuisSchema user = DuisSchema.fromFile(xsd);
    byte[] bytes = "<r><t>  a   b </t><d/></r>".getBytes(StandardCharsets.UTF_8);
    Document doc = user.parseValidated(xml, bytes);
    assertThat(doc.getDocumentElement().hasAttribute("a")).isFalse();
    assertThat(doc.getElementsByTagName("t").item(0).getTextContent()).isEqualTo("  a   b ");
    assertThat(doc.getElementsByTagName("d").item(0).hasChildNodes()).isFalse();
    assertThat(doc.isEqualNode(xml.parse(bytes))).isTrue();
    assertThatThrownBy(
            () -> user.parseValidated(xml, "<r><d/></r>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            SchemaViolationException.class,
            e -> assertThat(e.reason()).startsWith("cvc-complex-type.2.4.a"));
  }

  private static ServiceRequest request(SchemaVersion v, Uprn uprn) {
    return new ServiceRequest(
        v,
        new RequestHeader(
            ID, CommandVariant.NON_DEVICE, ServiceReferenceVariant.REQUEST_WAN_MATRIX),
        RequestWanMatrix.byUprn(uprn));
  }
}
