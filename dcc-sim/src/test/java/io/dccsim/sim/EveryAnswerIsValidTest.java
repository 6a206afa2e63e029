package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.SyntheticCoverage;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.sim.pipeline.TargetCheck;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.Verdict;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One test per response code the pipeline can produce: each answer, in the 5.1 and the 5.4 form, is
 * schema-valid under the project's DUIS schema (so it carries {@code
 * Body/ResponseMessage{ServiceReference, ServiceReferenceVariant}}, refusals included), its
 * signature verifies with the DCC's certificate, and it echoes the request's RequestID. Also the
 * DCC's identity and the check of the RequestID's target.
 */
class EveryAnswerIsValidTest {
  private static final Instant AFTER_GO_LIVE = Instant.parse("2021-07-01T09:00:00Z");
  private static final List<SchemaVersion> VERSIONS =
      List.of(SchemaVersion.V5_1, SchemaVersion.V5_4);
  private static final ServiceReferenceVariant WAN_MATRIX =
      ServiceReferenceVariant.REQUEST_WAN_MATRIX;
  private static final ServiceReferenceVariant RESTRICTED = ServiceReferenceVariant.parse("12.2");
  private static final ServiceReferenceVariant UNSIMULATED = ServiceReferenceVariant.parse("12.3");

  /** Postcodes the coverage model answers with a 12.1 error code. */
  private static final String NOT_FOUND = "ZZ1 1NF";

  private static final String INVALID = "ZZ1 1IV";
  private static final String UNAVAILABLE = "ZZ1 1UA";

  private static Simulator dcc;
  private static SupplierClient supplier;
  private static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final DuisCodec codec = new DuisCodec();

  @BeforeAll
  static void start() {
    SyntheticCoverage synthetic = new SyntheticCoverage();
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(AFTER_GO_LIVE))
            .coverage(
                question -> {
                  if (question instanceof CoverageQuestion.ByAddress a) {
                    String postcode = a.postcode();
                    if (postcode.equals(NOT_FOUND)) {
                      return new CoverageAnswer.NotFound();
                    } else if (postcode.equals(INVALID)) {
                      return new CoverageAnswer.InvalidPostcode();
                    } else if (postcode.equals(UNAVAILABLE)) {
                      return new CoverageAnswer.Unavailable();
                    }
                  }
                  return synthetic.answer(question);
                })
            .catalogue(
                ServiceCatalogue.standard()
                    .with(
                        new ServiceDefinition(
                            RESTRICTED,
                            "Restricted",
                            EnumSet.of(CommandVariant.NON_DEVICE),
                            WebService.NON_DEVICE,
                            EnumSet.of(UserRole.GAS_TRANSPORTER)))
                    .with(
                        new ServiceDefinition(
                            UNSIMULATED,
                            "Not simulated",
                            EnumSet.of(CommandVariant.NON_DEVICE),
                            WebService.NON_DEVICE,
                            EnumSet.allOf(UserRole.class))))
            .start();
    dcc.addExchangeListener(exchanges::add);
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  @BeforeEach
  void fresh() {
    dcc.reset();
    exchanges.clear();
  }

  // ---- one test per code ------------------------------------------------------------------

  @Test
  void i0() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      ServiceResponse r =
          answered(
              "/api/v1/serviceD",
              supplier.wanMatrix(v, SupplierClient.byAddress("M22 0RR", "Threapwood Road")),
              "I0",
              WAN_MATRIX);
      assertThat(r.body()).isInstanceOf(WanMatrixResponse.class);
      assertThat(lastExchange().verdict()).isEqualTo(Verdict.ANSWERED);
    }
  }

  @Test
  void e1ForABadSignatureAnUnknownSignerAndAnUnknownUser() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      byte[] tampered =
          new String(
                  supplier.wanMatrix(v, SupplierClient.byAddress("M22 0RR", "1")),
                  StandardCharsets.UTF_8)
              .replace("M22 0RR", "M22 0RS")
              .getBytes(StandardCharsets.UTF_8);
      refused(tampered, "E1", WAN_MATRIX, "bad-signature");

      Credential stranger = TestPki.create(dcc.clock()).xmlSigningCredential(supplier());
      SupplierClient unknownSigner =
          new SupplierClient(dcc.baseUrl(), stranger, supplier(), dcc.dccCertificate());
      refused(
          unknownSigner.wanMatrix(v, SupplierClient.byUprn(1)), "E1", WAN_MATRIX, "unknown-signer");

      // Trusted certificate, but the originator is not a registered User.
      Eui64 notAUser = Eui64.parse("00-DB-12-34-56-78-99-99");
      Credential unregistered = dcc.pki().xmlSigningCredential(notAUser);
      dcc.trust(unregistered.certificate());
      SupplierClient outsider =
          new SupplierClient(dcc.baseUrl(), unregistered, notAUser, dcc.dccCertificate());
      refused(outsider.wanMatrix(v, SupplierClient.byUprn(1)), "E1", WAN_MATRIX, "unknown-user");
    }
  }

  @Test
  void e2() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      refused(
          supplier.signed(v, supplier.nextId(), CommandVariant.NON_DEVICE, RESTRICTED, thing()),
          "E2",
          RESTRICTED,
          "role-not-eligible");
    }
  }

  @Test
  void e11() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      ServiceResponse r =
          refused(
              supplier.signed(
                  v, supplier.nextId(), CommandVariant.NON_DEVICE, UNSIMULATED, thing()),
              "E11",
              UNSIMULATED,
              "not-simulated");
      assertThat(r.body()).isEqualTo(RawResponseBody.empty(UNSIMULATED));
    }
  }

  @Test
  void e12() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      refused(
          supplier.signed(
              v,
              supplier.nextId(),
              CommandVariant.SEND_VIA_WAN,
              WAN_MATRIX,
              SupplierClient.byUprn(1)),
          "E12",
          WAN_MATRIX,
          "command-variant-mismatch");
    }
  }

  @Test
  void e13() throws Exception {
    for (SchemaVersion v : VERSIONS) {
      answered(
          "/api/v1/serviceS", supplier.wanMatrix(v, SupplierClient.byUprn(1)), "E13", WAN_MATRIX);
      assertThat(lastExchange().reason()).startsWith("wrong-url");
    }
  }

  @Test
  void e19ForSr121AddressedToADeviceOrToAnotherEui() throws Exception {
    Eui64 meter = Eui64.parse("00-0D-6F-00-00-00-00-01");
    Eui64 recovery = Eui64.parse("90-B3-D5-1F-30-00-00-01"); // the RTDS recovery EUI
    Eui64 supplierItself = supplier();
    for (SchemaVersion v : VERSIONS) {
      for (Eui64 target : List.of(meter, recovery, supplierItself)) {
        RequestId id = new RequestId(supplier(), target, supplier.nextId().counter());
        refused(
            supplier.signed(v, id, CommandVariant.NON_DEVICE, WAN_MATRIX, SupplierClient.byUprn(1)),
            TargetCheck.WRONG_TARGET_CODE,
            WAN_MATRIX,
            "wrong-target");
        Exchange e = lastExchange();
        assertThat(e.verdict()).isEqualTo(Verdict.REFUSED_AUTHORISATION);
        assertThat(e.reason())
            .isEqualTo(
                "wrong-target: 12.1 is a non-device request and must be addressed to the DCC "
                    + "90-B3-D5-1F-30-00-00-02, not "
                    + target);
      }
    }
    assertThat(dcc.metrics().scrape()).contains("reason=\"wrong-target\"");
  }

  @Test
  void e120101() throws Exception {
    sr121Code(NOT_FOUND, "E120101");
  }

  @Test
  void e120102() throws Exception {
    sr121Code(INVALID, "E120102");
  }

  @Test
  void e120103() throws Exception {
    sr121Code(UNAVAILABLE, "E120103");
  }

  @Test
  void aCodeAnInterventionChooses() throws Exception {
    dcc.interventions(f -> List.of(new Intervention.RespondWithCode("E20")));
    for (SchemaVersion v : VERSIONS) {
      answered(
          "/api/v1/serviceD", supplier.wanMatrix(v, SupplierClient.byUprn(1)), "E20", WAN_MATRIX);
      assertThat(lastExchange().verdict()).isEqualTo(Verdict.INTERVENED);
    }
  }

  @Test
  void aBrokenSignatureInterventionIsStillSchemaValidButDoesNotVerify() throws Exception {
    dcc.interventions(f -> List.of(new Intervention.BrokenSignature()));
    for (SchemaVersion v : VERSIONS) {
      HttpResponse<byte[]> http =
          supplier.post("/api/v1/serviceD", supplier.wanMatrix(v, SupplierClient.byUprn(1)));
      Document doc = SecureXml.withDefaults().parse(http.body());
      DuisSchema.builtIn().validate(doc);
      assertThatThrownBy(
              () ->
                  new DuisSignatureVerifier(CertificateResolver.of(dcc.dccCertificate()))
                      .verify(doc))
          .isInstanceOf(SignatureRejectedException.class);
    }
  }

  @Test
  void aRequestTooBrokenToNameItsSrIsHttp400NotADuisAnswer() throws Exception {
    String noSrv =
        "<sr:Request xmlns:sr=\""
            + Duis.NS
            + "\" schemaVersion=\"5.4\"><sr:Header><sr:RequestID>"
            + supplier.nextId()
            + "</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant>"
            + "<sr:ServiceReference>12.1</sr:ServiceReference></sr:Header>"
            + "<sr:Body><sr:RequestWANMatrix><sr:UPRN>1</sr:UPRN></sr:RequestWANMatrix></sr:Body>"
            + "</sr:Request>";
    for (String body : List.of("<not xml", noSrv)) {
      HttpResponse<byte[]> http =
          supplier.post("/api/v1/serviceD", body.getBytes(StandardCharsets.UTF_8));
      assertThat(http.statusCode()).isEqualTo(400);
      assertThat(http.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }
  }

  // ---- the DCC's identity -----------------------------------------------------------------

  @Test
  void theDccIsTheDspOfTheReferenceTestDataAndSignsWithItsDspXmlSignCertificate() {
    assertThat(Simulator.DCC_EUI).isEqualTo(Eui64.parse("90-B3-D5-1F-30-00-00-02"));
    assertThat(dcc.dccEui()).isEqualTo(Simulator.DCC_EUI);
    CertificateProfile profile = CertificateProfile.read(dcc.dccCertificate());
    assertThat(profile.eui()).contains(Simulator.DCC_EUI);
    assertThat(profile.role()).contains(RemotePartyRole.DSP_XML_SIGN);
  }

  @Test
  void anotherDccEuiIsTheTargetAndTheSignerOfThatSimulator() throws Exception {
    Eui64 own = Eui64.parse("90-B3-D5-1F-30-00-00-99");
    try (Simulator other =
        Simulator.builder().clock(SimulatedClock.fixed(AFTER_GO_LIVE)).dccEui(own).start()) {
      assertThat(other.dccEui()).isEqualTo(own);
      assertThat(CertificateProfile.read(other.dccCertificate()).eui()).contains(own);
      SupplierClient client = SupplierClient.testSupplierOf(other);
      Function<Eui64, byte[]> to =
          target ->
              client.signed(
                  SchemaVersion.V5_4,
                  new RequestId(supplier(), target, client.nextId().counter()),
                  CommandVariant.NON_DEVICE,
                  WAN_MATRIX,
                  SupplierClient.byUprn(1));
      assertThat(client.send(to.apply(own)).header().responseCode().code()).isEqualTo("I0");
      assertThat(client.send(to.apply(Simulator.DCC_EUI)).header().responseCode().code())
          .isEqualTo("E19");
      // the in-process client is pointed at the configured DCC
      assertThat(other.newClient().dccId()).isEqualTo(own);
    }
  }

  @Test
  void aDccCredentialForAnotherEuiIsRefusedAtStart() {
    TestPki pki = TestPki.create(SimulatedClock.fixed(AFTER_GO_LIVE));
    Credential old = pki.dspXmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-00-00-01"));
    assertThatThrownBy(() -> Simulator.builder().pki(pki).dccCredential(old).start().close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90-B3-D5-1F-30-00-00-01")
        .hasMessageContaining("90-B3-D5-1F-30-00-00-02");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Eui64 supplier() {
    return dcc.testSupplier().eui();
  }

  private static RequestBody thing() {
    Document d =
        SecureXml.withDefaults()
            .parse(("<sr:Thing xmlns:sr=\"" + Duis.NS + "\"/>").getBytes(StandardCharsets.UTF_8));
    return RawRequestBody.of(d.getDocumentElement());
  }

  private void sr121Code(String postcode, String code) throws Exception {
    for (SchemaVersion v : VERSIONS) {
      ServiceResponse r =
          answered(
              "/api/v1/serviceD",
              supplier.wanMatrix(v, SupplierClient.byAddress(postcode, "1")),
              code,
              WAN_MATRIX);
      assertThat(r.body()).isEqualTo(RawResponseBody.empty(WAN_MATRIX));
      assertThat(lastExchange().verdict()).isEqualTo(Verdict.ANSWERED);
    }
  }

  private ServiceResponse refused(
      byte[] request, String code, ServiceReferenceVariant srv, String reasonTag) throws Exception {
    ServiceResponse r = answered("/api/v1/serviceD", request, code, srv);
    assertThat(lastExchange().reason()).startsWith(reasonTag);
    return r;
  }

  /**
   * Posts, and holds the answer to the contract: HTTP 200, valid under the project's schema, signed
   * by the DCC, the RequestID echoed, the code expected, and a ResponseMessage naming the request's
   * SR in the request's schema version.
   */
  private ServiceResponse answered(
      String path, byte[] request, String code, ServiceReferenceVariant srv) throws Exception {
    exchanges.clear();
    Document sent = SecureXml.withDefaults().parse(request);
    String requestId =
        Duis.text(Duis.child(sent.getDocumentElement(), "Header").orElseThrow(), "RequestID")
            .orElseThrow();
    String version = sent.getDocumentElement().getAttribute("schemaVersion");

    HttpResponse<byte[]> http = supplier.post(path, request);
    assertThat(http.statusCode()).isEqualTo(200);
    assertThat(http.headers().firstValue("Content-Type").orElse("")).startsWith("application/xml");
    Document doc = SecureXml.withDefaults().parse(http.body());
    DuisSchema.builtIn().validate(doc);
    new DuisSignatureVerifier(CertificateResolver.of(dcc.dccCertificate())).verify(doc);

    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("schemaVersion")).isEqualTo(version);
    Element message =
        Duis.child(Duis.child(root, "Body").orElseThrow(), "ResponseMessage").orElseThrow();
    assertThat(Duis.text(message, "ServiceReference")).contains(srv.reference().toString());
    assertThat(Duis.text(message, "ServiceReferenceVariant")).contains(srv.toString());

    ServiceResponse r = codec.readResponse(doc);
    assertThat(r.header().responseCode().code()).isEqualTo(code);
    assertThat(r.header().requestId().map(RequestId::toString)).isEqualTo(Optional.of(requestId));
    assertThat(r.schemaVersion().toString()).isEqualTo(version);
    return r;
  }

  private static Exchange lastExchange() {
    await().until(() -> !exchanges.isEmpty());
    return exchanges.get(exchanges.size() - 1);
  }
}
