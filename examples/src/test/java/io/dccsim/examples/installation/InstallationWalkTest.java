package io.dccsim.examples.installation;

import static io.dccsim.sim.journal.ExchangePattern.anyExchange;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A supplier's installation, as its adapter would drive it: pre-notify the new meter (SR 12.2), see
 * it Pending in the inventory (SR 8.2), install the Communications Hub at the premises (SR 8.14.1),
 * and read the inventory again to see the hub commissioned there.
 */
@DccSimulatorTest(startAt = "2021-07-01T09:00:00Z")
class InstallationWalkTest {
  private static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";

  @Test
  void preNotifyReadInstallRead(DccSimulatorHandle dcc) {
    DuisClient adapter = dcc.newClient();
    // The premises: one of the synthetic estate's, with its electricity meter's MPAN.
    Device existingMeter =
        dcc.simulator().inventory().find(SyntheticEstate.eui(DeviceType.ESME, 42)).orElseThrow();
    String mpan = existingMeter.mpxns().get(0);
    // The Communications Service Provider has delivered a hub to the installer: it is Pending.
    Eui64 hub = Eui64.parse("00-DB-12-34-56-78-90-A2");
    dcc.simulator()
        .inventory()
        .add(
            Device.prenotified(
                hub, DeviceType.CHF, "AB01", "CH-2", "0100", "CHTS V1.2", "3.2", Optional.empty()));

    // 1. The supplier pre-notifies the meter it will fit.
    Eui64 meter = Eui64.parse("00-DB-12-34-56-78-90-A0");
    ServiceResponse prenotified =
        send(
            adapter,
            "12.2",
            "<sr:DevicePrenotification><sr:DeviceID>"
                + meter
                + "</sr:DeviceID><sr:DeviceManufacturer>AB01</sr:DeviceManufacturer>"
                + "<sr:DeviceModel>010A030B</sr:DeviceModel><sr:DeviceType>ESME</sr:DeviceType>"
                + "<sr:SMETSCHTSVersion>SMETS V1.58</sr:SMETSCHTSVersion>"
                + "<sr:FirmwareVersion>0002012F</sr:FirmwareVersion>"
                + "<sr:ESMEVariant>AD</sr:ESMEVariant></sr:DevicePrenotification>");
    assertThat(prenotified.header().responseCode().code()).isEqualTo("I0");

    // 2. The inventory shows it Pending, not yet at any premises.
    List<Element> before = devices(send(adapter, "8.2", readInventory("DeviceID", meter)));
    assertThat(before).hasSize(1);
    assertThat(text(before.get(0), "DeviceStatus")).isEqualTo("Pending");
    assertThat(text(before.get(0), "UPRN")).isNull();

    // 3. The installer fits the hub and reports success over the SM WAN.
    ServiceResponse installed =
        send(
            adapter,
            "8.14.1",
            "<sr:CHFInstallSuccessSMWAN><sr:DeviceID>"
                + hub
                + "</sr:DeviceID><sr:CHFInstallType>New CHF Install</sr:CHFInstallType><sr:MPxN>"
                + mpan
                + "</sr:MPxN><sr:AerialInstall>false</sr:AerialInstall>"
                + "<sr:CHFLocation>Basement or Cellar</sr:CHFLocation></sr:CHFInstallSuccessSMWAN>");
    assertThat(installed.header().responseCode().code()).isEqualTo("I0");

    // 4. The hub is commissioned, at the premises of the MPAN.
    List<Element> after = devices(send(adapter, "8.2", readInventory("DeviceID", hub)));
    assertThat(text(after.get(0), "DeviceStatus")).isEqualTo("Commissioned");
    assertThat(text(after.get(0), "UPRN"))
        .isEqualTo(Long.toString(existingMeter.uprn().orElseThrow().value()));
    // ... and a read by that UPRN lists it among the premises' devices.
    List<Element> premises =
        devices(
            send(
                adapter,
                "8.2",
                "<sr:ReadInventory><sr:UPRN>"
                    + existingMeter.uprn().orElseThrow().value()
                    + "</sr:UPRN></sr:ReadInventory>"));
    assertThat(premises).extracting(d -> text(d, "DeviceID")).contains(hub.toString());

    // The journal saw the walk, SR by SR.
    dcc.journal().verify(exactly(1), anyExchange().forVariant("12.2").withResponseCode("I0"));
    dcc.journal().verify(exactly(3), anyExchange().forVariant("8.2").withResponseCode("I0"));
    dcc.journal().verify(exactly(1), anyExchange().forVariant("8.14.1").withResponseCode("I0"));
  }

  private static String readInventory(String by, Object value) {
    return "<sr:ReadInventory><sr:" + by + ">" + value + "</sr:" + by + "></sr:ReadInventory>";
  }

  /** Sends a non-device request with this body (written with the {@code sr} prefix). */
  private static ServiceResponse send(DuisClient adapter, String srv, String body) {
    Element element =
        SecureXml.withDefaults()
            .parse(
                body.replaceFirst(">", " xmlns:sr=\"" + NS + "\">")
                    .getBytes(StandardCharsets.UTF_8))
            .getDocumentElement();
    return adapter.send(
        adapter.newRequest(
            ServiceReferenceVariant.parse(srv),
            CommandVariant.NON_DEVICE,
            adapter.dccId(),
            RawRequestBody.of(element)));
  }

  private static List<Element> devices(ServiceResponse response) {
    assertThat(response.header().responseCode().code()).isEqualTo("I0");
    Element inventory = ((RawResponseBody) response.body()).element().orElseThrow();
    List<Element> out = new ArrayList<>();
    for (Node n = inventory.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "Device".equals(e.getLocalName())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of a device's field, or null when absent. */
  private static String text(Element device, String field) {
    for (Node n = device.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && field.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
