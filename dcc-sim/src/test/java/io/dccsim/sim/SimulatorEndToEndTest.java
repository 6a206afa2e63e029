package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.WanMatrixResult;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.coverage.CoverageTable;
import io.dccsim.sim.coverage.RegionAnswer;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.Verdict;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A supplier signs with core's classes, the simulator answers over real HTTP, the answer verifies.
 */
class SimulatorEndToEndTest {
  private static final Instant AFTER_GO_LIVE = Instant.parse("2021-07-01T09:00:00Z");
  private static final Instant BEFORE_GO_LIVE = Instant.parse("2021-03-01T09:00:00Z");
  private static final ServiceReferenceVariant RESTRICTED = ServiceReferenceVariant.parse("12.2");
  private static final ServiceReferenceVariant UNSIMULATED = ServiceReferenceVariant.parse("12.3");

  private static final LocalDate LATE_DATE = LocalDate.of(2021, 9, 1);
  private static final CoverageTable TABLE =
      CoverageTable.builder()
          .add(
              io.dccsim.core.value.Postcode.parse("M22 0RR"),
              new RegionAnswer(
                  CspRegion.SOUTH,
                  false,
                  Optional.of(LATE_DATE),
                  " ",
                  ConnectivityLikelihood.MEDIUM,
                  Optional.empty(),
                  Optional.empty()))
          .add(
              io.dccsim.core.value.Postcode.parse("M22 0RR"),
              new RegionAnswer(
                  CspRegion.SOUTH_4G,
                  true,
                  Optional.empty(),
                  "4G",
                  ConnectivityLikelihood.HIGH,
                  Optional.of("External aerial"),
                  Optional.empty()))
          .build();

  private static Simulator dcc;
  private static SupplierClient supplier;
  private static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(AFTER_GO_LIVE))
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
    dcc.clock().set(AFTER_GO_LIVE);
    dcc.baselinePolicy(BaselinePolicy.byDate());
    exchanges.clear();
  }

  @Test
  void coresDuisClientTalksToItAndReadsTheSpaceAsUnknownAfterGoLive() throws Exception {
    dcc.coverage(TABLE);
    DuisClient client = dcc.newClient();
    WanMatrixResult r = client.requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"));
    assertThat(r.responseCode().code()).isEqualTo("I0");
    assertThat(r.entries()).isNotEmpty();
    assertThat(r.entries().get(0).wanVariant())
        .hasValueSatisfying(v -> assertThat(v.isUnknown()).isTrue());
    // A second client shares the counter: no replay.
    assertThat(dcc.newClient().requestWanMatrix(Uprn.of(77)).responseCode().code())
        .isNotEqualTo("E1");
  }

  @Test
  void answersSr121InTheFlatFormForSchema51() throws Exception {
    dcc.coverage(TABLE);
    ServiceResponse r =
        supplier.send(
            supplier.wanMatrix(
                SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "Threapwood Road")));
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    assertThat(r.header().responseDateTime()).isEqualTo(AFTER_GO_LIVE);
    assertThat(r.header().responseId()).isEmpty();
    WanMatrixResponse m = (WanMatrixResponse) r.body();
    assertThat(m.results()).hasSize(1);
    assertThat(m.results().get(0).region()).isEqualTo(CspRegion.SOUTH);
    assertThat(m.results().get(0).responseCode()).isEmpty();
    assertThat(m.results().get(0).coverage().orElseThrow().wanTechnology().text()).isEqualTo(" ");
  }

  @Test
  void answersSr121PerRegionForSchema54() throws Exception {
    dcc.coverage(TABLE);
    ServiceResponse r =
        supplier.send(
            supplier.wanMatrix(SchemaVersion.V5_4, SupplierClient.byAddress("m220rr", "1")));
    WanMatrixResponse m = (WanMatrixResponse) r.body();
    assertThat(m.results())
        .extracting(x -> x.region())
        .containsExactly(CspRegion.SOUTH, CspRegion.SOUTH_4G);
    assertThat(m.results())
        .allSatisfy(x -> assertThat(x.responseCode().orElseThrow().code()).isEqualTo("I0"));
    assertThat(m.results().get(1).coverage().orElseThrow().auxiliaryEquipmentRequired())
        .contains("External aerial");
  }

  @Test
  void mp146HidesLateDatesBeforeGoLiveAndReportsThemAfter() throws Exception {
    dcc.coverage(TABLE);
    byte[] request =
        supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1"));
    dcc.clock().set(BEFORE_GO_LIVE);
    WanMatrixResponse before = (WanMatrixResponse) supplier.send(request).body();
    assertThat(before.results().get(0).coverage().orElseThrow().anticipatedCoverageDate())
        .isEmpty();
    dcc.clock().set(AFTER_GO_LIVE);
    WanMatrixResponse after =
        (WanMatrixResponse)
            supplier
                .send(
                    supplier.wanMatrix(
                        SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1")))
                .body();
    assertThat(after.results().get(0).coverage().orElseThrow().anticipatedCoverageDate())
        .contains(LATE_DATE);
    // A pinned baseline wins over the date.
    dcc.baselinePolicy(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021));
    WanMatrixResponse pinned =
        (WanMatrixResponse)
            supplier
                .send(
                    supplier.wanMatrix(
                        SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1")))
                .body();
    assertThat(pinned.results().get(0).coverage().orElseThrow().anticipatedCoverageDate())
        .isEmpty();
    // MP106: the space is sent in both baselines.
    assertThat(pinned.results().get(0).coverage().orElseThrow().wanTechnology().text())
        .isEqualTo(" ");
  }

  @Test
  void mp106SettingWritesUnknownLiterally() throws Exception {
    try (Simulator literal =
        Simulator.builder()
            .clock(SimulatedClock.fixed(AFTER_GO_LIVE))
            .coverage(TABLE)
            .writeUnknownLiterally(true)
            .start()) {
      SupplierClient client = SupplierClient.testSupplierOf(literal);
      WanMatrixResponse m =
          (WanMatrixResponse)
              client
                  .send(
                      client.wanMatrix(
                          SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1")))
                  .body();
      assertThat(m.results().get(0).coverage().orElseThrow().wanTechnology().text())
          .isEqualTo("Unknown");
    }
  }

  @Test
  void sr121OwnErrorCodes() throws Exception {
    dcc.coverage(TABLE);
    assertThat(
            code(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byAddress("SW1A 2AA", "1"))))
        .isEqualTo("E120101");
    assertThat(
            code(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byAddress("QQ1 1AA", "1"))))
        .isEqualTo("E120102");
    dcc.coverage(q -> new io.dccsim.sim.coverage.CoverageAnswer.Unavailable());
    assertThat(code(supplier.wanMatrix(SchemaVersion.V5_4, SupplierClient.byUprn(12345))))
        .isEqualTo("E120103");
  }

  @Test
  void syntheticCoverageAnswersUprns() throws Exception {
    ServiceResponse r =
        supplier.send(supplier.wanMatrix(SchemaVersion.V5_4, SupplierClient.byUprn(10023336956L)));
    assertThat(r.header().responseCode().code()).isIn("I0", "E120101", "E120103");
  }

  private static String code(byte[] request) throws Exception {
    return supplier.send(request).header().responseCode().code();
  }

  private Exchange lastExchange() {
    await().until(() -> !exchanges.isEmpty());
    return exchanges.get(exchanges.size() - 1);
  }

  @Test
  void e1ForAnUnknownSigner() throws Exception {
    Credential stranger =
        TestPki.create(dcc.clock()).xmlSigningCredential(dcc.testSupplier().eui());
    SupplierClient other =
        new SupplierClient(dcc.baseUrl(), stranger, dcc.testSupplier().eui(), dcc.dccCertificate());
    assertThat(
            other
                .send(other.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E1");
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.REFUSED_AUTHENTICATION);
    assertThat(lastExchange().reason()).startsWith("unknown-signer");
  }

  @Test
  void e1ForABadSignature() throws Exception {
    byte[] signed =
        supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1"));
    byte[] tampered =
        new String(signed, StandardCharsets.UTF_8)
            .replace("M22 0RR", "M22 0RS")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(code(tampered)).isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("bad-signature");
  }

  @Test
  void e1ForAWrongRoleAnEuiMismatchAReplayAndACertificateNotInUse() throws Exception {
    // The DCC's own dspXmlSign certificate is in the repository but is not an xmlSign one.
    SupplierClient dspSigner =
        new SupplierClient(
            dcc.baseUrl(), dcc.dccCredential(), Simulator.DCC_EUI, dcc.dccCertificate());
    assertThat(
            dspSigner
                .send(dspSigner.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("wrong-role");

    Eui64 someoneElse = Eui64.parse("90-B3-D5-1F-30-01-00-77");
    dcc.users().register(someoneElse, UserRole.GAS_SUPPLIER);
    SupplierClient impostor =
        new SupplierClient(
            dcc.baseUrl(), dcc.testSupplier().credential(), someoneElse, dcc.dccCertificate());
    assertThat(
            impostor
                .send(impostor.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("eui-mismatch");

    byte[] once = supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(2));
    assertThat(code(once)).isNotEqualTo("E1");
    assertThat(code(once)).isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("replayed-counter");

    Eui64 revokedUser = Eui64.parse("90-B3-D5-1F-30-01-00-78");
    Credential revoked = dcc.pki().xmlSigningCredential(revokedUser);
    dcc.trust(revoked.certificate());
    dcc.users().register(revokedUser, UserRole.IMPORT_SUPPLIER);
    dcc.repository()
        .changeStatus(revoked.serial(), CertificateStatus.REVOKED, dcc.clock().instant());
    SupplierClient r =
        new SupplierClient(dcc.baseUrl(), revoked, revokedUser, dcc.dccCertificate());
    assertThat(
            r.send(r.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("certificate-not-in-use");
  }

  @Test
  void e1ForAnUnregisteredUserWithAGoodCertificate() throws Exception {
    Eui64 unregistered = Eui64.parse("90-B3-D5-1F-30-01-00-79");
    Credential c = dcc.pki().xmlSigningCredential(unregistered);
    dcc.trust(c.certificate());
    SupplierClient u = new SupplierClient(dcc.baseUrl(), c, unregistered, dcc.dccCertificate());
    assertThat(
            u.send(u.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1)))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E1");
    assertThat(lastExchange().reason()).startsWith("unknown-user");
  }

  @Test
  void authorisationErrors() throws Exception {
    Document restricted =
        SecureXml.withDefaults()
            .parse(
                "<sr:Thing xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"/>"
                    .getBytes(StandardCharsets.UTF_8));
    byte[] e2 =
        supplier.signed(
            SchemaVersion.V5_1,
            supplier.nextId(),
            CommandVariant.NON_DEVICE,
            RESTRICTED,
            io.dccsim.core.message.RawRequestBody.of(restricted.getDocumentElement()));
    assertThat(code(e2)).isEqualTo("E2");
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.REFUSED_AUTHORISATION);

    byte[] e12 =
        supplier.signed(
            SchemaVersion.V5_1,
            supplier.nextId(),
            CommandVariant.SEND_VIA_WAN,
            ServiceReferenceVariant.REQUEST_WAN_MATRIX,
            SupplierClient.byUprn(1));
    assertThat(code(e12)).isEqualTo("E12");

    byte[] e13 = supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(1));
    assertThat(supplier.send("/api/v1/serviceS", e13).header().responseCode().code())
        .isEqualTo("E13");

    byte[] unsimulated =
        supplier.signed(
            SchemaVersion.V5_1,
            supplier.nextId(),
            CommandVariant.NON_DEVICE,
            UNSIMULATED,
            io.dccsim.core.message.RawRequestBody.of(restricted.getDocumentElement()));
    ServiceResponse r = supplier.send(unsimulated);
    assertThat(r.header().responseCode().code()).isEqualTo("E11");
    assertThat(r.body()).isEqualTo(RawResponseBody.empty(UNSIMULATED));
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.NOT_SIMULATED);
  }

  @Test
  void aCannedResponseCoversAnSrThatIsNotSimulated() throws Exception {
    dcc.interventions(
        f ->
            f.serviceReferenceVariant().equals(Optional.of("12.3"))
                ? List.of(
                    new Intervention.CannedResponse(
                        "I0",
                        "<sr:Thing xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\">ok</sr:Thing>"))
                : List.of());
    Document body =
        SecureXml.withDefaults()
            .parse(
                "<sr:Thing xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"/>"
                    .getBytes(StandardCharsets.UTF_8));
    ServiceResponse r =
        supplier.send(
            supplier.signed(
                SchemaVersion.V5_1,
                supplier.nextId(),
                CommandVariant.NON_DEVICE,
                UNSIMULATED,
                io.dccsim.core.message.RawRequestBody.of(body.getDocumentElement())));
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    assertThat(((RawResponseBody) r.body()).hasElement()).isTrue();
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.INTERVENED);
  }

  @Test
  void interventions() throws Exception {
    dcc.interventions(
        f ->
            List.of(
                new Intervention.Delay(Duration.ofMillis(200)),
                new Intervention.RespondWithCode("E120103")));
    assertThat(code(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5))))
        .isEqualTo("E120103");
    assertThat(lastExchange().facts().orElseThrow().uprn()).contains("5");

    dcc.interventions(f -> List.of(new Intervention.BrokenSignature()));
    HttpResponse<byte[]> broken =
        supplier.post(
            "/api/v1/serviceD", supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5)));
    assertThatThrownBy(() -> supplier.verifyAndRead(broken.body()))
        .isInstanceOf(SignatureRejectedException.class);

    dcc.interventions(f -> List.of(new Intervention.HttpError(503)));
    assertThat(
            supplier
                .post(
                    "/api/v1/serviceD",
                    supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5)))
                .statusCode())
        .isEqualTo(503);

    dcc.interventions(f -> List.of(new Intervention.EmptyResponse()));
    assertThat(
            supplier
                .post(
                    "/api/v1/serviceD",
                    supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5)))
                .body())
        .isEmpty();

    dcc.interventions(f -> List.of(new Intervention.MalformedXml()));
    byte[] malformed =
        supplier
            .post(
                "/api/v1/serviceD",
                supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5)))
            .body();
    assertThatThrownBy(() -> SecureXml.withDefaults().parse(malformed))
        .isInstanceOf(RuntimeException.class);

    dcc.interventions(f -> List.of(new Intervention.ResetConnection()));
    assertThatThrownBy(
            () ->
                supplier.post(
                    "/api/v1/serviceD",
                    supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(5))))
        .isInstanceOf(java.io.IOException.class);

    dcc.reset();
    assertThat(
            code(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byAddress("M22 0RR", "1"))))
        .isNotEqualTo("E1");
  }

  @Test
  void notDuisAt400AndHostileXmlIsRefusedWithoutHarm() throws Exception {
    assertThat(status("not xml at all")).isEqualTo(400);
    assertThat(status("<Request/>")).isEqualTo(400);
    assertThat(
            status(
                "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\" schemaVersion=\"5.1\"><sr:Header>"))
        .isEqualTo(400);
    assertThat(
            status(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"))
        .isEqualTo(400);
    StringBuilder lol =
        new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">");
    for (int i = 1; i < 10; i++) {
      lol.append("<!ENTITY a")
          .append(i)
          .append(" \"")
          .append(("&a" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    lol.append("]><l>&a9;</l>");
    assertThat(status(lol.toString())).isEqualTo(400);
    byte[] binary = new byte[4096];
    new java.util.Random(7).nextBytes(binary);
    assertThat(supplier.post("/api/v1/serviceD", binary).statusCode()).isEqualTo(400);
    byte[] good = supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(9));
    assertThat(
            supplier
                .post("/api/v1/serviceD", java.util.Arrays.copyOf(good, good.length / 2))
                .statusCode())
        .isEqualTo(400);
    HttpResponse<byte[]> r =
        supplier.post("/api/v1/serviceD", "<x>".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(r.body(), StandardCharsets.UTF_8))
        .doesNotContain("Exception")
        .doesNotContain("at io.");
    assertThat(lastExchange().verdict()).isEqualTo(Verdict.REFUSED_MALFORMED);
    // and it still serves
    assertThat(code(supplier.wanMatrix(SchemaVersion.V5_1, SupplierClient.byUprn(9))))
        .isNotEqualTo("E1");
  }

  private static int status(String body) throws Exception {
    return supplier.post("/api/v1/serviceD", body.getBytes(StandardCharsets.UTF_8)).statusCode();
  }

  @Test
  void exchangesCarryTheFacts() throws Exception {
    supplier.send(
        supplier.wanMatrix(
            SchemaVersion.V5_1, SupplierClient.byAddress("m22 0rr", "Threapwood Road")));
    Exchange e = lastExchange();
    assertThat(e.verdict()).isEqualTo(Verdict.ANSWERED);
    assertThat(e.facts().orElseThrow().postcode()).contains("M22 0RR");
    assertThat(e.facts().orElseThrow().originator()).contains(dcc.testSupplier().eui());
    assertThat(e.facts().orElseThrow().serviceReferenceVariant()).contains("12.1");
    assertThat(e.receivedAt()).isEqualTo(AFTER_GO_LIVE);
    assertThat(e.responseCode()).isPresent();
    RequestId id = RequestId.parse(e.facts().orElseThrow().requestId().orElseThrow());
    assertThat(id.target()).isEqualTo(Simulator.DCC_EUI);
  }
}
