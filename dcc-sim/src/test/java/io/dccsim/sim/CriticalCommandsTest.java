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
                RawRequestBody.of(element("<sr:EnableSupply xmlns:sr=\"" + Duis.NS + "\"/>"))));
    assertThat(r.header().requestId()).hasValue(id);
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    Element pre = ((RawResponseBody) r.body()).element().orElseThrow();
    assertThat(pre.getLocalName()).isEqualTo("PreCommand");
    assertThat(Duis.text(pre, "GBCSVersion")).isPresent();
    byte[] gbcs = Base64.getDecoder().decode(Duis.text(pre, "GBCSPayload").orElseThrow());
    return new Transformed(id, gbcs, Duis.text(pre, "GBCSVersion").get());
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
    byte[] payload = Base64.getDecoder().decode(gbcs.getTextContent().strip());
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
