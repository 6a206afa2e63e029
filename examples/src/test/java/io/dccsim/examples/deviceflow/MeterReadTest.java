package io.dccsim.examples.deviceflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import io.dccsim.sim.junit.Inbox;
import io.dccsim.sim.service.DeviceBehaviour;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * A meter read the DCC's way, end to end: SR 4.1.1 sent via the WAN (command variant 1) is
 * acknowledged I99, and the meter's signed response arrives later at the supplier's receiving
 * endpoint (the test's inbox); a meter that never answers gives E21 once the DCC's timeout passes.
 */
@DccSimulatorTest(startAt = "2021-07-01T09:00:00Z")
class MeterReadTest {
  private static final ServiceReferenceVariant READ = ServiceReferenceVariant.parse("4.1.1");

  private static ServiceRequest read(DuisClient adapter, Eui64 meter) {
    return adapter.newRequest(
        READ,
        CommandVariant.SEND_VIA_WAN,
        meter,
        RawRequestBody.emptyElement("ReadInstantaneousImportRegisters"));
  }

  @Test
  void theReadIsAcknowledgedAndTheMetersResponseArrivesLater(DccSimulatorHandle dcc) {
    Inbox inbox = dcc.inbox();
    DuisClient adapter = dcc.newClient();
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 10);
    ServiceRequest request = read(adapter, meter);

    ServiceResponse ack = adapter.send(request);
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");

    ServiceResponse response =
        inbox.awaitResponse(request.header().requestId(), Duration.ofSeconds(10));
    assertThat(response.header().responseCode().code()).isEqualTo("I0");
    assertThat(response.header().responseId().orElseThrow().originator()).isEqualTo(meter);
    byte[] gbcs =
        Base64.getDecoder()
            .decode(((RawResponseBody) response.body()).element().orElseThrow().getTextContent());
    // a MACed General-Ciphering frame from the meter (SupplierAdapterTest decodes it)
    assertThat(gbcs[0] & 0xFF).isEqualTo(0xDD);
  }

  @Test
  void aMeterThatNeverAnswersIsReportedE21AfterTheTimeout(DccSimulatorHandle dcc) {
    Inbox inbox = dcc.inbox();
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 11);
    dcc.simulator().deviceBehaviours().set(meter, DeviceBehaviour.silent());
    DuisClient adapter = dcc.newClient();
    ServiceRequest request = read(adapter, meter);
    assertThat(adapter.send(request).header().responseCode().code()).isEqualTo("I99");

    // the DCC waits 30 s of simulated time for the meter
    dcc.clock().advance(Duration.ofSeconds(30));
    ServiceResponse response =
        inbox.awaitResponse(request.header().requestId(), Duration.ofSeconds(10));
    assertThat(response.header().responseCode().code()).isEqualTo("E21");
    assertThat(inbox.refused()).isEmpty();
  }
}
