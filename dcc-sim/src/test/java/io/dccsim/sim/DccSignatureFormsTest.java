package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.DuisSignatureProfile;
import io.dccsim.core.signature.IndependentSigners;
import io.dccsim.core.signature.IndependentSigners.Form;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import io.dccsim.smki.pki.Credential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * SR 12.1 requests shaped like the DCC's reference test data, signed by independent XML Signature
 * implementations in the forms DUIS allows, are answered {@code I0} over HTTP in the 5.1 and the
 * 5.4 form; other forms get a signed {@code E1} whose logged reason names what was wrong.
 */
class DccSignatureFormsTest {
  private static final Instant AFTER_GO_LIVE = Instant.parse("2021-07-01T09:00:00Z");
  private static final String DSIG = DuisSignatureProfile.DSIG_NS;

  private static Simulator dcc;
  private static SupplierClient supplier;
  private static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  @TempDir Path dir;

  static List<SchemaVersion> versions() {
    return List.of(SchemaVersion.V5_1, SchemaVersion.V5_4);
  }

  @BeforeAll
  static void start() {
    dcc = Simulator.builder().clock(SimulatedClock.fixed(AFTER_GO_LIVE)).start();
    dcc.addExchangeListener(exchanges::add);
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  @BeforeEach
  void fresh() {
    exchanges.clear();
  }

  /**
   * A request laid out like the public RTDS template for SR 12.1: indented, from the test supplier
   * to the DCC. The root also declares a namespace it does not use, so that its inclusive and
   * exclusive canonical forms differ and a one-transform signature proves the inclusive digest.
   */
  private static String rtdsRequest(SchemaVersion version) {
    RequestId id = supplier.nextId();
    assertThat(id.originator()).isEqualTo(Eui64.parse("90-B3-D5-1F-30-01-00-00"));
    assertThat(id.target()).isEqualTo(Eui64.parse("90-B3-D5-1F-30-00-00-02"));
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" schemaVersion=\""
        + version
        + "\">\n"
        + "  <sr:Header>\n"
        + "    <sr:RequestID>"
        + id
        + "</sr:RequestID>\n"
        + "    <sr:CommandVariant>8</sr:CommandVariant>\n"
        + "    <sr:ServiceReference>12.1</sr:ServiceReference>\n"
        + "    <sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant>\n"
        + "  </sr:Header>\n"
        + "  <sr:Body>\n"
        + "    <sr:RequestWANMatrix>\n"
        + "      <sr:PartialAddress>\n"
        + "        <sr:PostCode>M22 0RR</sr:PostCode>\n"
        + "        <sr:AddressIdentifier>Threapwood Road</sr:AddressIdentifier>\n"
        + "      </sr:PartialAddress>\n"
        + "    </sr:RequestWANMatrix>\n"
        + "  </sr:Body>\n"
        + "</sr:Request>\n";
  }

  private static Credential user() {
    return dcc.testSupplier().credential();
  }

  /** Signed the standard Java way: Santuario, one enveloped transform, written by the JDK. */
  private static byte[] santuario(SchemaVersion version, String issuerName, Form form)
      throws Exception {
    Document doc = SecureXml.withDefaults().parse(rtdsRequest(version).getBytes(UTF8));
    IndependentSigners.santuario(
        doc, user().privateKey(), issuerName, user().certificate().getSerialNumber(), form);
    return IndependentSigners.serialise(doc);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String rfc2253Issuer() {
    return user().certificate().getIssuerX500Principal().getName(X500Principal.RFC2253);
  }

  private static String answerCode(byte[] request) throws Exception {
    ServiceResponse r = supplier.send(request);
    return r.header().responseCode().code();
  }

  private static Exchange lastExchange() {
    assertThat(exchanges).isNotEmpty();
    return exchanges.get(exchanges.size() - 1);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void santuarioStandardFormIsAnsweredI0(SchemaVersion version) throws Exception {
    byte[] signed = santuario(version, rfc2253Issuer(), Form.ENVELOPED_ONLY);
    String xml = new String(signed, UTF8);
    assertThat(xml.split("<ds:Transform ", -1)).hasSize(2);
    assertThat(xml).contains("&#13;").contains("schemaVersion=\"" + version + "\"");
    assertThat(answerCode(signed)).as(lastExchange().reason()).isEqualTo("I0");
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.ANSWERED);
  }

  @ParameterizedTest
  @MethodSource("versions")
  void santuarioWithTheIssuerWrittenWithSpacesOrReversedIsAnsweredI0(SchemaVersion version)
      throws Exception {
    String spaced = rfc2253Issuer().replace(",", ", ");
    byte[] signed = santuario(version, spaced, Form.ENVELOPED_ONLY);
    assertThat(new String(signed, UTF8)).contains("<ds:X509IssuerName>" + spaced + "<");
    assertThat(answerCode(signed)).as(lastExchange().reason()).isEqualTo("I0");
    List<String> rdns = new java.util.ArrayList<>(List.of(rfc2253Issuer().split(",")));
    java.util.Collections.reverse(rdns);
    assertThat(answerCode(santuario(version, String.join(",", rdns), Form.ENVELOPED_ONLY)))
        .as(lastExchange().reason())
        .isEqualTo("I0");
  }

  @ParameterizedTest
  @MethodSource("versions")
  void xmlsec1SignaturesInBothFormsAreAnsweredI0(SchemaVersion version) throws Exception {
    SigningCredential signer = SigningCredential.of(user().privateKey(), user().certificate());
    for (Form form : Form.values()) {
      byte[] signed =
          IndependentSigners.xmlsec1(dir, rtdsRequest(version), "</sr:Request>", signer, form);
      assertThat(new String(signed, UTF8).split("<ds:Transform ", -1))
          .hasSize(form == Form.ENVELOPED_ONLY ? 2 : 3);
      assertThat(answerCode(signed)).as(form + ": " + lastExchange().reason()).isEqualTo("I0");
    }
  }

  @ParameterizedTest
  @MethodSource("versions")
  void otherFormsAreRefusedE1WithTheirReasonLogged(SchemaVersion version) throws Exception {
    record Case(Consumer<Document> change, String reason) {}
    List<Case> cases =
        List.of(
            new Case(
                doc -> {
                  Element transforms = ds(doc, "Transforms");
                  Element exc = doc.createElementNS(DSIG, "ds:Transform");
                  exc.setAttribute("Algorithm", DuisSignatureProfile.EXCLUSIVE_C14N);
                  transforms.insertBefore(exc, transforms.getFirstChild());
                },
                "malformed-signature: the transforms must be enveloped-signature, optionally"
                    + " followed by exclusive canonicalisation; found exclusive canonicalisation,"
                    + " enveloped-signature"),
            new Case(
                doc ->
                    ds(doc, "CanonicalizationMethod")
                        .setAttribute(
                            "Algorithm", DuisSignatureProfile.EXCLUSIVE_C14N + "WithComments"),
                "malformed-signature: CanonicalizationMethod '"
                    + DuisSignatureProfile.EXCLUSIVE_C14N
                    + "WithComments' (exclusive canonicalisation with comments) is not allowed"),
            new Case(
                doc ->
                    ds(doc, "DigestMethod")
                        .setAttribute("Algorithm", "http://www.w3.org/2000/09/xmldsig#sha1"),
                "malformed-signature: DigestMethod 'http://www.w3.org/2000/09/xmldsig#sha1'"
                    + " (SHA-1) is not allowed"),
            new Case(
                doc -> ds(doc, "Reference").setAttribute("URI", "#body"),
                "malformed-signature: the Reference URI '#body' is not allowed"));
    for (Case c : cases) {
      Document doc =
          SecureXml.withDefaults().parse(santuario(version, rfc2253Issuer(), Form.ENVELOPED_ONLY));
      c.change.accept(doc);
      exchanges.clear();
      assertThat(answerCode(IndependentSigners.serialise(doc))).isEqualTo("E1");
      assertThat(lastExchange().verdict()).isEqualTo(Verdict.REFUSED_AUTHENTICATION);
      assertThat(lastExchange().reason()).startsWith(c.reason);
    }
    // A signature moved where the profile does not put it is already outside the schema: 400.
    Document moved =
        SecureXml.withDefaults().parse(santuario(version, rfc2253Issuer(), Form.ENVELOPED_ONLY));
    moved.getElementsByTagNameNS(Duis.NS, "Body").item(0).appendChild(ds(moved, "Signature"));
    java.net.http.HttpResponse<byte[]> http =
        supplier.post("/api/v1/serviceD", IndependentSigners.serialise(moved));
    assertThat(http.statusCode()).isEqualTo(400);
    assertThat(new String(http.body(), UTF8)).contains("Signature");
  }

  private static Element ds(Document doc, String localName) {
    return (Element) doc.getElementsByTagNameNS(DSIG, localName).item(0);
  }
}
