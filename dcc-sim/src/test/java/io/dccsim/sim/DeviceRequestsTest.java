package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.ExternalTool;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.WebService;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.sim.service.DeviceBehaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * Device Service Requests over HTTP: a command for the WAN is acknowledged {@code I99} and the
 * device's signed response goes to the User's outbox at the device's simulated time ({@code I0}
 * with its GBCS, {@code E20} when unreachable, {@code E21} after the DCC's timeout); a command for
 * local delivery is answered at once; a device out of service is refused {@code E5}.
 */
class DeviceRequestsTest {
  private static final Instant NOW = Instant.parse("2021-07-01T09:00:00Z");
  private static final RecordedOutbox OUTBOX = new RecordedOutbox();
  private static SimulatedClock clock;
  private static Simulator dcc;
  private static SupplierClient supplier;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    clock = SimulatedClock.fixed(NOW);
    dcc =
        Simulator.builder()
            .clock(clock)
            .outbox(OUTBOX)
            .deviceResponseTimeout(Duration.ofSeconds(30))
            .start();
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

  private static ServiceResponse send(Eui64 device, CommandVariant cv, RequestId[] sent)
      throws Exception {
    RequestId id = supplier.nextIdTo(device);
    sent[0] = id;
    return supplier.send(cv.webService().path(), supplier.readRegisters(id, cv));
  }

  /** The one message in the outbox, once it is there; checked as a signed, valid DUIS response. */
  private static ServiceResponse delivered(RequestId id) {
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    OutboundMessage m = OUTBOX.get(0);
    assertThat(m.user()).isEqualTo(dcc.testSupplier().eui());
    assertThat(m.kind()).isEqualTo(OutboundMessage.Kind.RESPONSE);
    assertThat(m.requestId()).hasValue(id);
    DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(m.signedXml()));
    ServiceResponse r = supplier.verifyAndRead(m.signedXml());
    assertThat(r.header().requestId()).hasValue(id);
    RequestId responseId = r.header().responseId().orElseThrow();
    assertThat(responseId.originator()).isEqualTo(id.target());
    assertThat(responseId.target()).isEqualTo(id.originator());
    assertThat(m.responseCode()).isEqualTo(r.header().responseCode().code());
    return r;
  }

  @Test
  void aWanCommandIsAcknowledgedThenTheDevicesSignedResponseIsQueued() throws Exception {
    RequestId[] id = new RequestId[1];
    ServiceResponse ack = send(meter(1), CommandVariant.SEND_VIA_WAN, id);
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");
    assertThat(ack.header().responseId()).isEmpty();
    ServiceResponse r = delivered(id[0]);
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    Element payload = ((RawResponseBody) r.body()).element().orElseThrow();
    assertThat(payload.getLocalName()).isEqualTo("GBCSPayload");
    byte[] gbcs = Base64.getDecoder().decode(payload.getTextContent());
    // a MACed response from the meter to the User, echoing the request's counter (the MAC and
    // the registers are checked in DeviceGbcsDecodingTest)
    io.dccsim.core.gbcs.GeneralSigning apdu =
        io.dccsim.core.gbcs.GeneralCiphering.decode(gbcs).generalSigning();
    assertThat(apdu.cra()).isEqualTo(io.dccsim.core.gbcs.CraFlag.RESPONSE);
    assertThat(apdu.originatorCounter()).isEqualTo(id[0].counter());
    assertThat(apdu.originator()).isEqualTo(id[0].target());
    assertThat(apdu.recipient()).isEqualTo(id[0].originator());
    assertThat(apdu.messageCode()).isEqualTo(io.dccsim.core.gbcs.MessageCode.ECS17B);
  }

  @Test
  void theDeviceAnswersAtItsSimulatedTimeOrIsReportedE20OrE21() throws Exception {
    RequestId[] id = new RequestId[1];
    dcc.deviceBehaviours().set(meter(2), DeviceBehaviour.answersAfter(Duration.ofSeconds(5)));
    assertThat(send(meter(2), CommandVariant.SEND_VIA_WAN, id).header().responseCode().code())
        .isEqualTo("I99");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("I0");

    OUTBOX.clear();
    dcc.deviceBehaviours().set(meter(3), DeviceBehaviour.unreachable(Duration.ofSeconds(2)));
    send(meter(3), CommandVariant.SEND_VIA_WAN, id);
    clock.advance(Duration.ofSeconds(2));
    ServiceResponse unreachable = delivered(id[0]);
    assertThat(unreachable.header().responseCode().code()).isEqualTo("E20");
    assertThat(((RawResponseBody) unreachable.body()).hasElement()).isFalse();

    OUTBOX.clear();
    dcc.deviceBehaviours().set(meter(4), DeviceBehaviour.silent());
    send(meter(4), CommandVariant.SEND_VIA_WAN, id);
    clock.advance(Duration.ofSeconds(29));
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("E21");
  }

  @Test
  void aScenarioShapesTheBehaviourOfTheDevicesItSelectsForAsManyRequestsAsItSays()
      throws Exception {
    io.dccsim.sim.scenario.Scenarios scenarios = new io.dccsim.sim.scenario.Scenarios();
    dcc.interventions(scenarios);
    dcc.deviceBehaviours().set(meter(5), DeviceBehaviour.unreachable(Duration.ZERO));
    scenarios
        .forDevice(meter(5))
        .forServiceReference("4.1")
        .deviceBehaviour(DeviceBehaviour.answersAfter(Duration.ofSeconds(3)))
        .times(1);
    RequestId[] id = new RequestId[1];
    // the scenario wins over the device's own behaviour, once
    assertThat(send(meter(5), CommandVariant.SEND_VIA_WAN, id).header().responseCode().code())
        .isEqualTo("I99");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofSeconds(3));
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("I0");
    OUTBOX.clear();
    send(meter(5), CommandVariant.SEND_VIA_WAN, id);
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("E20");

    // another device is not selected; a silent scenario for every device gives E21 at the timeout
    OUTBOX.clear();
    scenarios.forServiceReference("4.1").deviceBehaviour(DeviceBehaviour.silent()).always();
    assertThat(send(meter(20), CommandVariant.SEND_VIA_WAN, id).header().responseCode().code())
        .isEqualTo("I99");
    clock.advance(Duration.ofSeconds(29));
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("E21");
  }

  @Test
  void localDeliveryIsAnsweredAtOnceAndAnOutOfServiceDeviceIsRefused() throws Exception {
    RequestId[] id = new RequestId[1];
    ServiceResponse local = send(meter(5), CommandVariant.RETURN_FOR_LOCAL_DELIVERY, id);
    assertThat(local.header().responseCode().code()).isEqualTo("I0");
    Element command = ((RawResponseBody) local.body()).element().orElseThrow();
    assertThat(command.getLocalName()).isEqualTo("LocalCommand");
    assertThat(Duis.text(command, "GBCSPayload")).isPresent();
    assertThat(CommandVariant.RETURN_FOR_LOCAL_DELIVERY.webService())
        .isEqualTo(WebService.NON_DEVICE);

    ServiceResponse both = send(meter(5), CommandVariant.SEND_VIA_WAN_AND_RETURN, id);
    assertThat(both.header().responseCode().code()).isEqualTo("I99");
    assertThat(((RawResponseBody) both.body()).localName()).hasValue("LocalCommand");
    assertThat(delivered(id[0]).header().responseCode().code()).isEqualTo("I0");

    OUTBOX.clear();
    dcc.inventory().updateStatus(meter(6), DeviceStatus.DECOMMISSIONED);
    assertThat(send(meter(6), CommandVariant.SEND_VIA_WAN, id).header().responseCode().code())
        .isEqualTo("E5");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
  }

  @Test
  void aDccScheduleRunsOnTheSimulatedClockUntilItIsDeleted() throws Exception {
    Eui64 device = meter(8);
    ServiceResponse created = supplier.send(supplier.dailyReadLogSchedule(device, "2021-07-02"));
    assertThat(created.header().responseCode().code()).isEqualTo("I0");
    String id = ((RawResponseBody) created.body()).element().orElseThrow().getTextContent();
    Thread.sleep(50);
    assertThat(OUTBOX).isEmpty();
    // 00:00 UTC on the start date: the first run
    clock.advance(Duration.ofHours(15));
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    OutboundMessage run = OUTBOX.get(0);
    assertThat(run.requestId()).isEmpty();
    DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(run.signedXml()));
    ServiceResponse r = supplier.verifyAndRead(run.signedXml());
    assertThat(r.header().requestId()).isEmpty();
    assertThat(r.header().responseId().orElseThrow().originator()).isEqualTo(device);
    RawResponseBody message = (RawResponseBody) r.body();
    assertThat(message.variant().toString()).isEqualTo("4.6.1");
    Element scheduled = message.element().orElseThrow();
    assertThat(scheduled.getLocalName()).isEqualTo("DSPScheduledMessage");
    assertThat(Duis.text(scheduled, "DSPScheduleID")).hasValue(id);
    // a day later, the second
    clock.advance(Duration.ofDays(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 2);
    // once deleted, it runs no more
    dcc.schedules().clear();
    clock.advance(Duration.ofDays(1));
    Thread.sleep(100);
    assertThat(OUTBOX).hasSize(2);
  }

  @Test
  void aScenarioRaisesAnAlertAboutEachRequestItSelects() throws Exception {
    io.dccsim.sim.scenario.Scenarios scenarios = new io.dccsim.sim.scenario.Scenarios();
    dcc.interventions(scenarios);
    dcc.deviceBehaviours().set(meter(21), DeviceBehaviour.silent());
    scenarios.forDevice(meter(21)).raiseAlert("8f66", Duration.ofMinutes(5)).times(1);
    RequestId[] id = new RequestId[1];
    assertThat(send(meter(21), CommandVariant.SEND_VIA_WAN, id).header().responseCode().code())
        .isEqualTo("I99");
    Thread.sleep(100);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofMinutes(5));
    // the silent meter's E21 (after 30 s) and the alert (after 5 minutes)
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 2);
    OutboundMessage m =
        OUTBOX.stream()
            .filter(o -> o.kind() == OutboundMessage.Kind.DEVICE_ALERT)
            .findFirst()
            .orElseThrow();
    assertThat(m.kind()).isEqualTo(OutboundMessage.Kind.DEVICE_ALERT);
    assertThat(m.responseCode()).isEqualTo("8F66");
    ServiceResponse alert = supplier.verifyAndRead(m.signedXml());
    assertThat(alert.header().responseId().orElseThrow().originator()).isEqualTo(meter(21));
    // a DCC alert code raises a DCC alert
    OUTBOX.clear();
    scenarios.forServiceReference("4.1").raiseAlert("N12", Duration.ZERO).times(1);
    send(meter(22), CommandVariant.SEND_VIA_WAN, id);
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 2);
    assertThat(OUTBOX)
        .extracting(OutboundMessage::kind)
        .containsExactlyInAnyOrder(OutboundMessage.Kind.DCC_ALERT, OutboundMessage.Kind.RESPONSE);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> scenarios.forAnyRequest().raiseAlert("N32", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deviceAndDccAlertsAreSignedValidAndQueuedAtTheirTime() throws Exception {
    Eui64 user = dcc.testSupplier().eui();
    assertThat(dcc.alerts().deviceAlert(meter(9), user, "8f66", java.util.Optional.empty()))
        .isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    OutboundMessage device = OUTBOX.get(0);
    assertThat(device.kind()).isEqualTo(OutboundMessage.Kind.DEVICE_ALERT);
    assertThat(device.responseCode()).isEqualTo("8F66");
    DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(device.signedXml()));
    ServiceResponse r = supplier.verifyAndRead(device.signedXml());
    assertThat(r.header().requestId()).isEmpty();
    assertThat(r.header().responseId().orElseThrow().originator()).isEqualTo(meter(9));
    io.dccsim.core.message.AlertBody alert = (io.dccsim.core.message.AlertBody) r.body();
    assertThat(alert.isDeviceAlert()).isTrue();
    assertThat(Duis.text(alert.element(), "AlertCode")).hasValue("8F66");
    byte[] gbcs = Base64.getDecoder().decode(Duis.text(alert.element(), "GBCSPayload").get());
    // an alert, signed by the meter then MACed (both checked in DeviceGbcsDecodingTest)
    io.dccsim.core.gbcs.GeneralSigning apdu =
        io.dccsim.core.gbcs.GeneralCiphering.decode(gbcs).generalSigning();
    assertThat(apdu.cra()).isEqualTo(io.dccsim.core.gbcs.CraFlag.ALERT);
    assertThat(apdu.signature()).isPresent();

    // a DCC alert at a set time: a power outage report at 10:00
    OUTBOX.clear();
    assertThat(dcc.alerts().dccAlert(user, "N24", java.util.Optional.of(NOW.plusSeconds(3600))))
        .isTrue();
    Thread.sleep(50);
    assertThat(OUTBOX).isEmpty();
    clock.advance(Duration.ofHours(1));
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    OutboundMessage dccAlert = OUTBOX.get(0);
    assertThat(dccAlert.kind()).isEqualTo(OutboundMessage.Kind.DCC_ALERT);
    DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(dccAlert.signedXml()));
    ServiceResponse d = supplier.verifyAndRead(dccAlert.signedXml());
    assertThat(d.header().responseId().orElseThrow().originator()).isEqualTo(dcc.dccEui());
    assertThat(Duis.text(((io.dccsim.core.message.AlertBody) d.body()).element(), "DCCAlertCode"))
        .hasValue("N24");

    for (String bad : new String[] {"N32", "N66", "X1", ""}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> dcc.alerts().dccAlert(user, bad, java.util.Optional.empty()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> dcc.alerts().deviceAlert(meter(9), user, "8F6", java.util.Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aResponseAndAnAlertFromOneDeviceToOneUserNeverShareAResponseId() throws Exception {
    RequestId[] id = new RequestId[1];
    send(meter(12), CommandVariant.SEND_VIA_WAN, id);
    dcc.alerts()
        .deviceAlert(meter(12), dcc.testSupplier().eui(), "8F66", java.util.Optional.empty());
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 2);
    List<RequestId> ids =
        OUTBOX.stream()
            .map(m -> supplier.verifyAndRead(m.signedXml()).header().responseId().orElseThrow())
            .toList();
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
    assertThat(ids).allMatch(r -> r.originator().equals(meter(12)));
  }

  @Test
  void theQueuedResponseVerifiesWithXmlsec1() throws Exception {
    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    RequestId[] id = new RequestId[1];
    send(meter(7), CommandVariant.SEND_VIA_WAN, id);
    ServiceResponse r = delivered(id[0]);
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    Files.writeString(dir.resolve("dcc.pem"), TestCredentials.pem(dcc.dccCertificate()));
    Files.write(dir.resolve("response.xml"), OUTBOX.get(0).signedXml());
    ExternalTool.Result verified =
        xmlsec1.run(dir, "--verify", "--pubkey-cert-pem", "dcc.pem", "response.xml");
    assertThat(verified.exitCode()).as(verified.output()).isZero();
  }
}
