package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Critical device Service Requests over HTTP: command variant 4 answers the pre-command, which the
 * User signs with its Digital Signing key and sends back as 5 (acknowledged {@code I99}, the
 * device's response queued), 6 (the signed command returned) or 7 (both). A signed pre-command with
 * no pre-command behind it is {@code E50}, a changed one {@code E51}, a wrong signature {@code
 * E52}; each pre-command is used once.
 */
class CriticalCommandsTest {
  private static final Instant NOW = Instant.parse("2021-07-01T09:00:00Z");
  private static final ServiceReferenceVariant ENABLE_SUPPLY = ServiceReferenceVariant.parse("7.1");
  private static final ServiceReferenceVariant COMMISSION = ServiceReferenceVariant.parse("8.1.1");
  private static final RecordedOutbox OUTBOX = new RecordedOutbox();
  private static final DuisSchema SCHEMA = DuisSchema.builtIn();
  private static final SecureXml XML = SecureXml.withDefaults();
  private static SimulatedClock clock;
  private static Simulator dcc;
  private static SupplierClient supplier;

  @BeforeAll
  static void start() {
    clock = SimulatedClock.fixed(NOW);
    dcc = Simulator.builder().clock(clock).outbox(OUTBOX).start();
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  @BeforeEach
  void fresh() {
    dcc.reset();
    OUTBOX.clear();
  }

  private static Eui64 meter(int premises) {
    return SyntheticEstate.eui(DeviceType.ESME, premises);
  }

  private static Element element(String xml) {
    return XML.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
  }

  /** The request is sent; the answer checked against the schema, verified and read. */
  private static ServiceResponse exchange(SupplierClient client, CommandVariant cv, byte[] request)
      throws Exception {
    HttpResponse<byte[]> r = client.post(cv.webService().path(), request);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    SCHEMA.validate(XML.parse(r.body()));
    return client.verifyAndRead(r.body());
  }

  /** Command variant 4 for {@code srv} on {@code device}: its RequestID and the pre-command. */
  private static Transformed transform(
      SupplierClient client, Eui64 device, ServiceReferenceVariant srv) throws Exception {
    return transform(client, device, srv, "<sr:EnableSupply xmlns:sr=\"" + Duis.NS + "\"/>");
  }

  private static Transformed transform(
      SupplierClient client, Eui64 device, ServiceReferenceVariant srv, String body)
      throws Exception {
    RequestId id = new RequestId(client.nextId().originator(), device, client.nextId().counter());
    ServiceResponse r =
        exchange(
            client,
            CommandVariant.TRANSFORM_TO_PRE_COMMAND,
            client.signed(
                SchemaVersion.V5_4,
                id,
                CommandVariant.TRANSFORM_TO_PRE_COMMAND,
                srv,
                RawRequestBody.of(element(body))));
    assertThat(r.header().requestId()).hasValue(id);
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    Element pre = ((RawResponseBody) r.body()).element().orElseThrow();
    assertThat(pre.getLocalName()).isEqualTo("PreCommand");
    assertThat(Duis.text(pre, "GBCSVersion")).isPresent();
    byte[] gbcs = Base64.getDecoder().decode(Duis.text(pre, "GBCSPayload").orElseThrow());
    return new Transformed(id, gbcs, Duis.text(pre, "GBCSVersion").get());
  }

  /**
   * The pre-command signed by the supplier and sent via the WAN ({@code I99}): the GBCS payload of
   * the meter's {@code I0} response.
   */
  private static byte[] signedAndAnswered(Transformed t, ServiceReferenceVariant srv)
      throws Exception {
    ServiceResponse ack =
        sendSigned(
            supplier,
            t.id(),
            CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
            srv,
            sign(t.preCommand(), supplierDsKey()));
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");
    ServiceResponse r = delivered(t.id());
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    Element gbcs = ((RawResponseBody) r.body()).element().orElseThrow();
    assertThat(gbcs.getLocalName()).isEqualTo("GBCSPayload");
    return Base64.getDecoder().decode(gbcs.getTextContent().strip());
  }

  private record Transformed(RequestId id, byte[] preCommand, String gbcsVersion) {}

  /** The User's signature, as GBCS wants it: the {@code 00} replaced by {@code 40} and r||s. */
  static byte[] sign(byte[] preCommand, PrivateKey key) throws Exception {
    assertThat(preCommand[preCommand.length - 1]).isZero();
    return signWhole(Arrays.copyOf(preCommand, preCommand.length - 1), key);
  }

  /** An ASN.1 DER ECDSA signature, SEQUENCE { INTEGER r, INTEGER s }, as r||s of 32 bytes each. */
  static byte[] p1363(byte[] der) {
    int i = 2;
    if ((der[1] & 0x80) != 0) {
      i += der[1] & 0x7F;
    }
    byte[] out = new byte[64];
    for (int part = 0; part < 2; part++) {
      int len = der[i + 1];
      BigInteger v = new BigInteger(1, Arrays.copyOfRange(der, i + 2, i + 2 + len));
      byte[] b = v.toByteArray();
      int from = Math.max(0, b.length - 32);
      int n = b.length - from;
      System.arraycopy(b, from, out, part * 32 + 32 - n, n);
      i += 2 + len;
    }
    return out;
  }

  /**
   * The signed pre-command sent with {@code cv}, as {@code client}, with the RequestID {@code id}.
   */
  private static ServiceResponse sendSigned(
      SupplierClient client,
      RequestId id,
      CommandVariant cv,
      ServiceReferenceVariant srv,
      byte[] payload)
      throws Exception {
    Element body =
        element(
            "<sr:SignedPreCommand xmlns:sr=\""
                + Duis.NS
                + "\"><sr:GBCSPayload>"
                + Base64.getEncoder().encodeToString(payload)
                + "</sr:GBCSPayload></sr:SignedPreCommand>");
    ServiceResponse r =
        exchange(
            client, cv, client.signed(SchemaVersion.V5_4, id, cv, srv, RawRequestBody.of(body)));
    assertThat(r.header().requestId()).hasValue(id);
    return r;
  }

  private static PrivateKey supplierDsKey() {
    return dcc.digitalSigningCredential(dcc.testSupplier().eui()).orElseThrow().privateKey();
  }

  /** The one message in the outbox, once it is there; checked as a signed, valid DUIS response. */
  private static ServiceResponse delivered(RequestId id) {
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    OutboundMessage m = OUTBOX.get(0);
    assertThat(m.user()).isEqualTo(id.originator());
    assertThat(m.requestId()).hasValue(id);
    SCHEMA.validate(XML.parse(m.signedXml()));
    ServiceResponse r = supplier.verifyAndRead(m.signedXml());
    assertThat(r.header().requestId()).hasValue(id);
    return r;
  }

  @Test
  void everyUserHasADigitalSigningCertificateTheRepositoryFinds() {
    for (TestUser u : dcc.testUsers()) {
      Credential ds = dcc.digitalSigningCredential(u.eui()).orElseThrow();
      CertificateProfile profile = CertificateProfile.read(ds.certificate());
      assertThat(profile.role()).hasValue(u.role().remotePartyRole());
      List<CertificateRecord> found =
          dcc.repository()
              .search(
                  CertificateQuery.bySubjectEui(u.eui())
                      .withUsage(CertificateUsage.DS)
                      .withRole(u.role().remotePartyRole())
                      .withStatus(CertificateStatus.IN_USE));
      assertThat(found).extracting(CertificateRecord::serial).contains(ds.serial());
    }
    assertThat(
            dcc.digitalSigningCredential(dcc.testSupplier().eui())
                .flatMap(c -> CertificateProfile.read(c.certificate()).role()))
        .hasValue(RemotePartyRole.SUPPLIER);
    assertThat(dcc.userCredentials().digitalSigningOf(dcc.testSupplier().eui())).isPresent();
  }

  @Test
  void aSignedPreCommandViaTheWanIsAcknowledgedThenTheDevicesResponseIsQueued() throws Exception {
    Transformed t = transform(supplier, meter(1), ENABLE_SUPPLY);
    assertThat(t.gbcsVersion())
        .isEqualTo(dcc.inventory().find(meter(1)).orElseThrow().gbcsVersion());
    byte[] pre = t.preCommand();
    assertThat(pre[0] & 0xFF).isEqualTo(0xDF);
    assertThat(pre[1]).isEqualTo((byte) 0x09);
    assertThat(pre[pre.length - 1]).isZero();
    // nothing goes to the device for the transform alone
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();

    ServiceResponse ack =
        sendSigned(
            supplier,
            t.id(),
            CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
            ENABLE_SUPPLY,
            sign(pre, supplierDsKey()));
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");
    assertThat(((RawResponseBody) ack.body()).hasElement()).isFalse();
    ServiceResponse r = delivered(t.id());
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    assertThat(((RawResponseBody) r.body()).localName()).hasValue("GBCSPayload");

    // used once: sent again, the same signed pre-command has no pre-command behind it
    OUTBOX.clear();
    ServiceResponse again =
        sendSigned(
            supplier,
            t.id(),
            CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
            ENABLE_SUPPLY,
            sign(pre, supplierDsKey()));
    assertThat(again.header().responseCode().code()).isEqualTo("E50");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
  }

  @Test
  void aSignedPreCommandWithNoTransformBehindItIsE50() throws Exception {
    Transformed t = transform(supplier, meter(2), ENABLE_SUPPLY);
    // another RequestID than the transform's
    RequestId other = new RequestId(t.id().originator(), t.id().target(), t.id().counter() + 7);
    assertThat(
            sendSigned(
                    supplier,
                    other,
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    sign(t.preCommand(), supplierDsKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E50");
    // and one forgotten after a day of simulated time
    Transformed old = transform(supplier, meter(2), ENABLE_SUPPLY);
    clock.advance(Duration.ofDays(1));
    assertThat(
            sendSigned(
                    supplier,
                    old.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    sign(old.preCommand(), supplierDsKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E50");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
  }

  @Test
  void aChangedCommandIsE51AndAWrongKeyE52AndTheRightOneStillWorksAfter() throws Exception {
    Transformed t = transform(supplier, meter(3), ENABLE_SUPPLY);
    byte[] changed = t.preCommand().clone();
    changed[changed.length - 3] ^= 0x01; // in the command's content
    assertThat(
            sendSigned(
                    supplier,
                    t.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    sign(changed, supplierDsKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E51");
    // signed with the User's XML-signing key, not its Digital Signing key
    assertThat(
            sendSigned(
                    supplier,
                    t.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    sign(t.preCommand(), dcc.testSupplier().credential().privateKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("E52");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    // a refused one stays held: signed right, it goes
    assertThat(
            sendSigned(
                    supplier,
                    t.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    sign(t.preCommand(), supplierDsKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("I99");
    assertThat(delivered(t.id()).header().responseCode().code()).isEqualTo("I0");
  }

  @Test
  void aUserWithNoDigitalSigningCertificateIsE52() throws Exception {
    Eui64 eui = Eui64.parse("90-B3-D5-1F-30-0D-00-01");
    Credential xmlSign = dcc.pki().xmlSigningCredential(eui);
    dcc.trust(xmlSign.certificate());
    dcc.users().register(eui, UserRole.IMPORT_SUPPLIER);
    SupplierClient bare = new SupplierClient(dcc.baseUrl(), xmlSign, eui, dcc.dccCertificate());
    try {
      Transformed t = transform(bare, meter(4), ENABLE_SUPPLY);
      // whatever key it signs with: none is filed for it
      Credential unfiled =
          dcc.pki().organisation(eui).role(RemotePartyRole.SUPPLIER).digitalSigning().issue();
      assertThat(
              sendSigned(
                      bare,
                      t.id(),
                      CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                      ENABLE_SUPPLY,
                      sign(t.preCommand(), unfiled.privateKey()))
                  .header()
                  .responseCode()
                  .code())
          .isEqualTo("E52");
      // once filed in the repository as in use, the same signature verifies
      dcc.trust(unfiled.certificate());
      assertThat(
              sendSigned(
                      bare,
                      t.id(),
                      CommandVariant.SIGNED_PRE_COMMAND_RETURN,
                      ENABLE_SUPPLY,
                      sign(t.preCommand(), unfiled.privateKey()))
                  .header()
                  .responseCode()
                  .code())
          .isEqualTo("I0");
    } finally {
      dcc.removeUser(eui);
    }
  }

  @Test
  void returnedForLocalDeliveryTheSignedCommandComesBackAndBothVariantsDoBoth() throws Exception {
    Transformed t = transform(supplier, meter(5), ENABLE_SUPPLY);
    byte[] signed = sign(t.preCommand(), supplierDsKey());
    ServiceResponse local =
        sendSigned(
            supplier, t.id(), CommandVariant.SIGNED_PRE_COMMAND_RETURN, ENABLE_SUPPLY, signed);
    assertThat(local.header().responseCode().code()).isEqualTo("I0");
    Element command = ((RawResponseBody) local.body()).element().orElseThrow();
    assertThat(command.getLocalName()).isEqualTo("LocalCommand");
    assertThat(Base64.getDecoder().decode(Duis.text(command, "GBCSPayload").orElseThrow()))
        .isEqualTo(signed);
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();

    Transformed both = transform(supplier, meter(5), ENABLE_SUPPLY);
    byte[] bothSigned = sign(both.preCommand(), supplierDsKey());
    ServiceResponse ack =
        sendSigned(
            supplier,
            both.id(),
            CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN,
            ENABLE_SUPPLY,
            bothSigned);
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");
    Element returned = ((RawResponseBody) ack.body()).element().orElseThrow();
    assertThat(Base64.getDecoder().decode(Duis.text(returned, "GBCSPayload").orElseThrow()))
        .isEqualTo(bothSigned);
    assertThat(delivered(both.id()).header().responseCode().code()).isEqualTo("I0");
  }

  @Test
  void commissionDeviceCommissionsAPendingDeviceWhenItAnswers() throws Exception {
    Eui64 device = meter(6);
    dcc.inventory().updateStatus(device, DeviceStatus.PENDING);
    Transformed t = transform(supplier, device, COMMISSION);
    assertThat(dcc.inventory().find(device).orElseThrow().status()).isEqualTo(DeviceStatus.PENDING);
    assertThat(
            sendSigned(
                    supplier,
                    t.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    COMMISSION,
                    sign(t.preCommand(), supplierDsKey()))
                .header()
                .responseCode()
                .code())
        .isEqualTo("I99");
    assertThat(delivered(t.id()).header().responseCode().code()).isEqualTo("I0");
    assertThat(dcc.inventory().find(device).orElseThrow().status())
        .isEqualTo(DeviceStatus.COMMISSIONED);
  }

  /** A critical SR sent to a meter, with the use case it must become. */
  record Case(DeviceType type, String srv, int messageCode) {}

  static java.util.stream.Stream<Case> realCriticalCommands() {
    return java.util.stream.Stream.of(
        new Case(DeviceType.ESME, "7.1", 0x004F),
        new Case(DeviceType.ESME, "7.2", 0x0050),
        new Case(DeviceType.ESME, "7.3", 0x0051),
        new Case(DeviceType.ESME, "8.1.1", 0x0062),
        new Case(DeviceType.GSME, "7.2", 0x0081),
        new Case(DeviceType.GSME, "7.3", 0x0085),
        new Case(DeviceType.GSME, "8.1.1", 0x007F));
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("realCriticalCommands")
  void aMetersPreCommandIsTheRealCommandAndItsResponseIsSignedByTheMeter(Case c) throws Exception {
    Eui64 device = SyntheticEstate.eui(c.type(), 20);
    ServiceReferenceVariant srv = ServiceReferenceVariant.parse(c.srv());
    Instant sent = clock.instant();
    Transformed t = transform(supplier, device, srv);

    // the pre-command: the User's command to the meter, unsigned
    io.dccsim.core.gbcs.GeneralSigning pre =
        io.dccsim.core.gbcs.GeneralSigning.decode(t.preCommand());
    assertThat(pre.cra()).isEqualTo(io.dccsim.core.gbcs.CraFlag.COMMAND);
    assertThat(pre.originatorCounter()).isEqualTo(t.id().counter());
    assertThat(pre.originator()).isEqualTo(t.id().originator());
    assertThat(pre.recipient()).isEqualTo(device);
    assertThat(pre.messageCode().value()).isEqualTo(c.messageCode());
    assertThat(pre.signature()).isEmpty();
    if (c.type() == DeviceType.ESME) {
      io.dccsim.core.gbcs.AccessRequest request =
          (io.dccsim.core.gbcs.AccessRequest) io.dccsim.core.gbcs.DlmsApdu.decode(pre.content());
      assertThat(request.invokeIdAndPriority() & 0xFF_FFFFL)
          .isEqualTo(t.id().counter() & 0xFF_FFFFL);
      assertThat(request.specifications()).hasSize(1);
      io.dccsim.core.gbcs.AccessRequestSpecification spec = request.specifications().get(0);
      if (c.srv().equals("8.1.1")) {
        assertThat(spec.kind()).isEqualTo(io.dccsim.core.gbcs.AccessRequestSpecification.Kind.SET);
        assertThat(spec.descriptor().classId()).isEqualTo(8);
        assertThat(request.data())
            .containsExactly(
                new io.dccsim.core.gbcs.DlmsData.DateTime(
                    io.dccsim.core.gbcs.DlmsDateTime.of(sent)));
      } else {
        assertThat(spec.kind())
            .isEqualTo(io.dccsim.core.gbcs.AccessRequestSpecification.Kind.ACTION);
        assertThat(spec.descriptor().classId()).isEqualTo(9);
        int selector =
            switch (c.srv()) {
              case "7.1" -> 0x0033;
              case "7.2" -> 0x0034;
              default -> 0x0036;
            };
        assertThat(request.data())
            .containsExactly(new io.dccsim.core.gbcs.DlmsData.UInt16(selector));
      }
    } else {
      io.dccsim.core.gbcs.GbzComponent command =
          io.dccsim.core.gbcs.GbzPayload.decode(pre).components().get(0);
      byte[] zcl = command.payload().toByteArray();
      if (c.srv().equals("8.1.1")) {
        assertThat(command.clusterId()).isEqualTo(0x000A);
        assertThat(command.zclHeader().commandId()).isEqualTo(0x02);
        long seconds =
            (zcl[3] & 0xFFL)
                | (zcl[4] & 0xFFL) << 8
                | (zcl[5] & 0xFFL) << 16
                | (zcl[6] & 0xFFL) << 24;
        assertThat(Instant.parse("2000-01-01T00:00:00Z").plusSeconds(seconds)).isEqualTo(sent);
      } else {
        assertThat(command.clusterId()).isEqualTo(0x0702);
        assertThat(command.zclHeader().commandId()).isEqualTo(0x0B);
        assertThat(zcl).hasSize(18);
        assertThat(zcl[16]).isEqualTo((byte) (c.srv().equals("7.2") ? 0x00 : 0x01));
      }
    }

    // signed by the User and sent: the meter's response, signed with its DS key
    byte[] payload = signedAndAnswered(t, srv);
    io.dccsim.core.gbcs.GeneralSigning response =
        io.dccsim.core.gbcs.GeneralSigning.decode(payload);
    assertThat(response.cra()).isEqualTo(io.dccsim.core.gbcs.CraFlag.RESPONSE);
    assertThat(response.originatorCounter()).isEqualTo(t.id().counter());
    assertThat(response.originator()).isEqualTo(device);
    assertThat(response.recipient()).isEqualTo(t.id().originator());
    assertThat(response.messageCode().value()).isEqualTo(c.messageCode());
    java.security.PublicKey meterDs = deviceCertificate(device, CertificateUsage.DS);
    assertThat(response.signatureVerifies(meterDs)).isTrue();
    assertThat(response.signatureVerifies(deviceCertificate(device, CertificateUsage.KA)))
        .isFalse();
    byte[] flipped = payload.clone();
    flipped[flipped.length - 70] ^= 0x01; // in the content
    assertThat(io.dccsim.core.gbcs.GeneralSigning.decode(flipped).signatureVerifies(meterDs))
        .isFalse();
    if (c.type() == DeviceType.ESME) {
      io.dccsim.core.gbcs.AccessResponse answer =
          (io.dccsim.core.gbcs.AccessResponse)
              io.dccsim.core.gbcs.DlmsApdu.decode(response.content());
      assertThat(answer.invokeIdAndPriority())
          .isEqualTo(
              ((io.dccsim.core.gbcs.AccessRequest)
                      io.dccsim.core.gbcs.DlmsApdu.decode(pre.content()))
                  .invokeIdAndPriority());
      assertThat(answer.results()).hasSize(1);
      assertThat(answer.results().get(0).result())
          .isEqualTo(io.dccsim.core.gbcs.AccessResult.SUCCESS);
    } else {
      io.dccsim.core.gbcs.GbzComponent answer =
          io.dccsim.core.gbcs.GbzPayload.decode(response).components().get(0);
      byte[] zcl = answer.payload().toByteArray();
      if (c.srv().equals("8.1.1")) {
        assertThat(answer.zclHeader().commandId()).isEqualTo(0x04);
        assertThat(zcl).containsExactly(0x00);
      } else {
        assertThat(answer.zclHeader().commandId()).isEqualTo(0x0C);
        assertThat(zcl[zcl.length - 1]).isEqualTo((byte) (c.srv().equals("7.2") ? 0x00 : 0x01));
      }
    }
  }

  /** A hybrid tariff from 15 January 2030 09:00 UTC, in the DUIS 1.1.1 body. */
  private static String tariff(int touPrice1) {
    return "<sr:UpdateImportTariffPrimaryElement xmlns:sr=\""
        + Duis.NS
        + "\"><sr:ExecutionDateTime>2030-01-15T09:00:00Z</sr:ExecutionDateTime>"
        + "<sr:ElecTariffElements><sr:CurrencyUnits>GBP</sr:CurrencyUnits><sr:SwitchingTable>"
        + "<sr:DayProfiles><sr:DayProfile><sr:DayName>1</sr:DayName>"
        + "<sr:ProfileSchedule><sr:StartTime>00:00:00.00Z</sr:StartTime>"
        + "<sr:BlockTariffAction>2</sr:BlockTariffAction></sr:ProfileSchedule>"
        + "<sr:ProfileSchedule><sr:StartTime>07:30:00.00Z</sr:StartTime>"
        + "<sr:TOUTariffAction>3</sr:TOUTariffAction></sr:ProfileSchedule></sr:DayProfile>"
        + "</sr:DayProfiles><sr:WeekProfiles><sr:WeekProfile><sr:WeekName>1</sr:WeekName>"
        + "<sr:ReferencedDayName index=\"7\">2</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"1\">1</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"2\">1</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"3\">1</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"4\">1</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"5\">1</sr:ReferencedDayName>"
        + "<sr:ReferencedDayName index=\"6\">3</sr:ReferencedDayName>"
        + "</sr:WeekProfile></sr:WeekProfiles><sr:Seasons><sr:Season>"
        + "<sr:SeasonName>year</sr:SeasonName><sr:SeasonStartDate>"
        + "<sr:Year><sr:SpecifiedYear>2029</sr:SpecifiedYear></sr:Year>"
        + "<sr:Month><sr:SpecifiedMonth>04</sr:SpecifiedMonth></sr:Month>"
        + "<sr:DayOfMonth><sr:SpecifiedDayOfMonth>02</sr:SpecifiedDayOfMonth></sr:DayOfMonth>"
        + "<sr:DayOfWeek><sr:NonSpecifiedDayOfWeek/></sr:DayOfWeek></sr:SeasonStartDate>"
        + "<sr:ReferencedWeekName>1</sr:ReferencedWeekName></sr:Season></sr:Seasons>"
        + "</sr:SwitchingTable><sr:SpecialDays><sr:SpecialDay><sr:Date>"
        + "<sr:Year><sr:NonSpecifiedYear/></sr:Year>"
        + "<sr:Month><sr:SpecifiedMonth>12</sr:SpecifiedMonth></sr:Month>"
        + "<sr:DayOfMonth><sr:SpecifiedDayOfMonth>26</sr:SpecifiedDayOfMonth></sr:DayOfMonth>"
        + "<sr:DayOfWeek><sr:NonSpecifiedDayOfWeek/></sr:DayOfWeek></sr:Date>"
        + "<sr:ReferencedDayName>1</sr:ReferencedDayName></sr:SpecialDay></sr:SpecialDays>"
        + "<sr:ThresholdMatrix><sr:Thresholds index=\"2\">"
        + "<sr:BlockThreshold index=\"2\">4294967295</sr:BlockThreshold>"
        + "<sr:BlockThreshold index=\"1\">12000</sr:BlockThreshold></sr:Thresholds>"
        + "</sr:ThresholdMatrix></sr:ElecTariffElements><sr:PriceElements>"
        + "<sr:ElectricityPriceElements><sr:StandingCharge>1234</sr:StandingCharge>"
        + "<sr:StandingChargeScale>-4</sr:StandingChargeScale><sr:PriceScale>-5</sr:PriceScale>"
        + "<sr:HybridTariff><sr:BlockPrices index=\"2\">"
        + "<sr:BlockPrice index=\"1\">1500</sr:BlockPrice>"
        + "<sr:BlockPrice index=\"2\">2500</sr:BlockPrice></sr:BlockPrices>"
        + "<sr:TOUPrice index=\"1\">"
        + touPrice1
        + "</sr:TOUPrice><sr:TOUPrice index=\"3\">3300</sr:TOUPrice></sr:HybridTariff>"
        + "</sr:ElectricityPriceElements></sr:PriceElements>"
        + "</sr:UpdateImportTariffPrimaryElement>";
  }

  private static io.dccsim.core.gbcs.DlmsData octets(int... bytes) {
    byte[] b = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      b[i] = (byte) bytes[i];
    }
    return io.dccsim.core.gbcs.DlmsData.OctetString.of(b);
  }

  private static io.dccsim.core.gbcs.DlmsData struct(io.dccsim.core.gbcs.DlmsData... e) {
    return io.dccsim.core.gbcs.DlmsData.Structure.of(e);
  }

  @Test
  void anElectricityTariffIsTheDlmsMultiSetOfWhatTheBodySaysAndTheMeterAnswersEachSet()
      throws Exception {
    Eui64 device = SyntheticEstate.eui(DeviceType.ESME, 22);
    ServiceReferenceVariant srv = ServiceReferenceVariant.parse("1.1.1");
    Transformed t = transform(supplier, device, srv, tariff(2121));
    io.dccsim.core.gbcs.GeneralSigning pre =
        io.dccsim.core.gbcs.GeneralSigning.decode(t.preCommand());
    assertThat(pre.messageCode().value()).isEqualTo(0x0019);
    assertThat(pre.recipient()).isEqualTo(device);
    io.dccsim.core.gbcs.AccessRequest request =
        (io.dccsim.core.gbcs.AccessRequest) io.dccsim.core.gbcs.DlmsApdu.decode(pre.content());
    assertThat(request.specifications()).hasSize(21);
    assertThat(request.data()).hasSize(21);
    assertThat(request.specifications())
        .allMatch(s -> s.kind() == io.dccsim.core.gbcs.AccessRequestSpecification.Kind.SET);
    assertThat(request.specifications().get(0).descriptor())
        .isEqualTo(
            new io.dccsim.core.gbcs.CosemDescriptor(
                20, io.dccsim.core.gbcs.Octets.of(new byte[] {0, 0, 13, 0, 0, (byte) 0xFF}), 7));
    List<io.dccsim.core.gbcs.DlmsData> d = request.data();
    io.dccsim.core.gbcs.DlmsData none = new io.dccsim.core.gbcs.DlmsData.Array(List.of());
    // season: name, start 2029-04-02 (day of week not specified), week 1
    assertThat(d.get(0))
        .isEqualTo(
            new io.dccsim.core.gbcs.DlmsData.Array(
                List.of(
                    struct(
                        octets('y', 'e', 'a', 'r'),
                        octets(0x07, 0xED, 4, 2, 0xFF, 0, 0, 0, 0, 0x80, 0, 0xFF),
                        octets(1)))));
    // the week in the order of its index attributes
    io.dccsim.core.gbcs.DlmsData one = new io.dccsim.core.gbcs.DlmsData.UInt8(1);
    assertThat(d.get(1))
        .isEqualTo(
            new io.dccsim.core.gbcs.DlmsData.Array(
                List.of(
                    struct(
                        octets(1),
                        one,
                        one,
                        one,
                        one,
                        one,
                        new io.dccsim.core.gbcs.DlmsData.UInt8(3),
                        new io.dccsim.core.gbcs.DlmsData.UInt8(2)))));
    // day 1: block rate 2 at midnight (script 102), TOU rate 3 from 07:30 (script 3)
    io.dccsim.core.gbcs.DlmsData scripts = octets(0, 0, 10, 0, 100, 0xFF);
    assertThat(d.get(2))
        .isEqualTo(
            new io.dccsim.core.gbcs.DlmsData.Array(
                List.of(
                    struct(
                        new io.dccsim.core.gbcs.DlmsData.UInt8(1),
                        new io.dccsim.core.gbcs.DlmsData.Array(
                            List.of(
                                struct(
                                    octets(0, 0, 0, 0),
                                    scripts,
                                    new io.dccsim.core.gbcs.DlmsData.UInt16(102)),
                                struct(
                                    octets(7, 30, 0, 0),
                                    scripts,
                                    new io.dccsim.core.gbcs.DlmsData.UInt16(3))))))));
    // 26 December every year, day 1
    assertThat(d.get(3))
        .isEqualTo(
            new io.dccsim.core.gbcs.DlmsData.Array(
                List.of(
                    struct(
                        new io.dccsim.core.gbcs.DlmsData.UInt16(1),
                        octets(0xFF, 0xFF, 12, 26, 0xFF),
                        new io.dccsim.core.gbcs.DlmsData.UInt8(1)))));
    // thresholds of rate 2 in index order; the other rates none
    assertThat(d.get(4)).isEqualTo(none);
    assertThat(d.get(5))
        .isEqualTo(
            new io.dccsim.core.gbcs.DlmsData.Array(
                List.of(
                    new io.dccsim.core.gbcs.DlmsData.UInt32(12000),
                    new io.dccsim.core.gbcs.DlmsData.UInt32(0xFFFF_FFFFL))));
    assertThat(d.get(11)).isEqualTo(none);
    assertThat(d.get(12)).isEqualTo(new io.dccsim.core.gbcs.DlmsData.Bool(true));
    assertThat(d.get(13))
        .isEqualTo(
            struct(
                struct(
                    new io.dccsim.core.gbcs.DlmsData.Int8(0),
                    new io.dccsim.core.gbcs.DlmsData.Int8(-4)),
                struct(
                    new io.dccsim.core.gbcs.DlmsData.UInt16(0),
                    octets(0, 0, 0, 0, 0, 0),
                    new io.dccsim.core.gbcs.DlmsData.Int8(0)),
                new io.dccsim.core.gbcs.DlmsData.Array(
                    List.of(struct(octets(), new io.dccsim.core.gbcs.DlmsData.Int16(1234))))));
    // 80 prices: TOU 1 and 3, then rate 2's blocks 1 and 2 (A2, B2), zero elsewhere
    List<io.dccsim.core.gbcs.DlmsData> prices =
        ((io.dccsim.core.gbcs.DlmsData.Array)
                ((io.dccsim.core.gbcs.DlmsData.Structure) d.get(14)).elements().get(2))
            .elements();
    assertThat(prices).hasSize(80);
    assertThat(prices.get(0))
        .isEqualTo(struct(octets(0x01), new io.dccsim.core.gbcs.DlmsData.Int16(2121)));
    assertThat(prices.get(1))
        .isEqualTo(struct(octets(0x02), new io.dccsim.core.gbcs.DlmsData.Int16(0)));
    assertThat(prices.get(2))
        .isEqualTo(struct(octets(0x03), new io.dccsim.core.gbcs.DlmsData.Int16(3300)));
    assertThat(prices.get(49))
        .isEqualTo(struct(octets(0xA2), new io.dccsim.core.gbcs.DlmsData.Int16(1500)));
    assertThat(prices.get(57))
        .isEqualTo(struct(octets(0xB2), new io.dccsim.core.gbcs.DlmsData.Int16(2500)));
    assertThat(prices.get(79))
        .isEqualTo(struct(octets(0xD8), new io.dccsim.core.gbcs.DlmsData.Int16(0)));
    // six activation date-times: 2030-01-15 09:00:00 UTC
    for (int i = 15; i < 21; i++) {
      assertThat(d.get(i)).isEqualTo(octets(0x07, 0xEE, 1, 15, 0xFF, 9, 0, 0, 0, 0x80, 0, 0xFF));
    }

    // signed and sent: the meter's signed response, one success per attribute
    byte[] payload = signedAndAnswered(t, srv);
    io.dccsim.core.gbcs.GeneralSigning response =
        io.dccsim.core.gbcs.GeneralSigning.decode(payload);
    assertThat(response.messageCode().value()).isEqualTo(0x0019);
    assertThat(response.signatureVerifies(deviceCertificate(device, CertificateUsage.DS))).isTrue();
    io.dccsim.core.gbcs.AccessResponse answer =
        (io.dccsim.core.gbcs.AccessResponse)
            io.dccsim.core.gbcs.DlmsApdu.decode(response.content());
    assertThat(answer.results()).hasSize(21);
    assertThat(answer.results())
        .allMatch(a -> a.result() == io.dccsim.core.gbcs.AccessResult.SUCCESS);
  }

  @Test
  void aTariffPriceADlmsLongCannotHoldIsRefusedAsMalformed() throws Exception {
    RequestId id =
        new RequestId(
            supplier.nextId().originator(),
            SyntheticEstate.eui(DeviceType.ESME, 23),
            supplier.nextId().counter());
    HttpResponse<byte[]> r =
        supplier.post(
            CommandVariant.TRANSFORM_TO_PRE_COMMAND.webService().path(),
            supplier.signed(
                SchemaVersion.V5_4,
                id,
                CommandVariant.TRANSFORM_TO_PRE_COMMAND,
                ServiceReferenceVariant.parse("1.1.1"),
                RawRequestBody.of(element(tariff(40000)))));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("TOUPrice 40000");
  }

  @Test
  void aGasTariffKeepsThePlaceholder() throws Exception {
    Transformed t =
        transform(
            supplier,
            SyntheticEstate.eui(DeviceType.GSME, 22),
            ServiceReferenceVariant.parse("1.1.1"),
            tariff(2121));
    assertThat(io.dccsim.core.gbcs.GeneralSigning.decode(t.preCommand()).messageCode().value())
        .isZero();
  }

  @Test
  void aGasMeterIsNotEnabledRemotelySoItsEnableSupplyKeepsThePlaceholder() throws Exception {
    Transformed t = transform(supplier, SyntheticEstate.eui(DeviceType.GSME, 21), ENABLE_SUPPLY);
    assertThat(io.dccsim.core.gbcs.GeneralSigning.decode(t.preCommand()).messageCode().value())
        .isZero();
  }

  @Test
  void aPreCommandSignedWithItsNullSignatureKeptIsE51() throws Exception {
    Transformed t = transform(supplier, meter(22), ENABLE_SUPPLY);
    byte[] whole = signWhole(t.preCommand(), supplierDsKey());
    assertThat(
            sendSigned(
                    supplier,
                    t.id(),
                    CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                    ENABLE_SUPPLY,
                    whole)
                .header()
                .responseCode()
                .code())
        .isEqualTo("E51");
  }

  @Test
  void inTheDccBoxedFormThePreCommandHasNoSignatureFieldAndIsSignedWhole() throws Exception {
    RecordedOutbox outbox = new RecordedOutbox();
    try (Simulator boxed =
        Simulator.builder()
            .clock(SimulatedClock.fixed(NOW))
            .outbox(outbox)
            .preCommandForm(io.dccsim.sim.service.PreCommandSignature.Form.NO_SIGNATURE_FIELD)
            .start()) {
      SupplierClient client = SupplierClient.testSupplierOf(boxed);
      Eui64 device = meter(23);
      Transformed t = transform(client, device, DISABLE_SUPPLY);
      // the GBCS form without its final 00: decodable once the null signature is put back
      byte[] withNull = Arrays.copyOf(t.preCommand(), t.preCommand().length + 1);
      io.dccsim.core.gbcs.GeneralSigning pre = io.dccsim.core.gbcs.GeneralSigning.decode(withNull);
      assertThat(pre.messageCode().value()).isEqualTo(0x0050);
      PrivateKey key =
          boxed.digitalSigningCredential(boxed.testSupplier().eui()).orElseThrow().privateKey();
      // the GBCS way (dropping the last byte as if it were the null signature) changes it
      byte[] dropped = signWhole(Arrays.copyOf(t.preCommand(), t.preCommand().length - 1), key);
      assertThat(
              sendSigned(
                      client,
                      t.id(),
                      CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                      DISABLE_SUPPLY,
                      dropped)
                  .header()
                  .responseCode()
                  .code())
          .isEqualTo("E51");
      ServiceResponse ack =
          sendSigned(
              client,
              t.id(),
              CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
              DISABLE_SUPPLY,
              signWhole(t.preCommand(), key));
      assertThat(ack.header().responseCode().code()).isEqualTo("I99");
      await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 1);
      assertThat(client.verifyAndRead(outbox.get(0).signedXml()).header().responseCode().code())
          .isEqualTo("I0");
    }
  }

  private static final ServiceReferenceVariant DISABLE_SUPPLY =
      ServiceReferenceVariant.parse("7.2");

  /** As the DCC's public signing tools sign: everything after the {@code DF}, 40 and r||s added. */
  static byte[] signWhole(byte[] preCommand, PrivateKey key) throws Exception {
    Signature ecdsa = Signature.getInstance("SHA256withECDSA");
    ecdsa.initSign(key);
    ecdsa.update(preCommand, 1, preCommand.length - 1);
    byte[] rs = p1363(ecdsa.sign());
    byte[] out = Arrays.copyOf(preCommand, preCommand.length + 1 + 64);
    out[preCommand.length] = 0x40;
    System.arraycopy(rs, 0, out, preCommand.length + 1, 64);
    return out;
  }

  /** The public key of {@code device}'s certificate for {@code usage}, found in SMKI. */
  private static java.security.PublicKey deviceCertificate(Eui64 device, CertificateUsage usage)
      throws Exception {
    List<CertificateRecord> found =
        dcc.repository().search(CertificateQuery.bySubjectAltNameEui(device).withUsage(usage));
    assertThat(found).hasSize(1);
    return java.security.cert.CertificateFactory.getInstance("X.509")
        .generateCertificate(new java.io.ByteArrayInputStream(found.get(0).der()))
        .getPublicKey();
  }
}
