package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.EstateFile;
import io.dccsim.core.inventory.InMemoryDeviceInventory;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.Scenarios;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Adding, removing and listing devices through the control API, without a transport. */
class ControlDevicesTest {
  private static final BearerToken TOKEN = BearerToken.of("test-token-0123456789");
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeviceInventory inventory;
  private ControlApi api;

  @BeforeEach
  void setUp() {
    inventory = new InMemoryDeviceInventory();
    HarnessState state =
        new HarnessState(
            new RequestJournal(100, Duration.ZERO),
            new Scenarios(),
            SimulatedClock.fixed(Instant.parse("2021-06-20T12:00:00Z")),
            BaselinePolicy.byDate(),
            BaselineSetting.holding(BaselinePolicy.byDate()),
            () -> {});
    state.inventory(inventory);
    api = new ControlApi(state, TOKEN);
  }

  private ControlResponse call(String method, String uri, String body) {
    return api.handle(
        new ControlRequest(
            method,
            uri,
            Optional.of(TOKEN.authorizationHeader()),
            body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode json(ControlResponse r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** Devices as the JSON estate file writes them, one object each. */
  private static ArrayNode objects(List<Device> devices) throws Exception {
    StringWriter w = new StringWriter();
    EstateFile.write(w, EstateFile.Format.JSON, devices);
    return (ArrayNode) JSON.readTree(w.toString());
  }

  private static ObjectNode object(Device d) throws Exception {
    return (ObjectNode) objects(List.of(d)).get(0);
  }

  private static String many(List<Device> devices) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    body.set("devices", objects(devices));
    return body.toString();
  }

  private static Device prenotified(int n) {
    return Device.prenotified(
        Eui64.parse(String.format("DE-DC-C5-01-FF-00-00-%02X", n)),
        DeviceType.ESME,
        "Acme Meters",
        "E-2",
        "1.2.0",
        "SMETS2 V4.2",
        "3.2",
        Optional.of(Eui64.parse("90-B3-D5-1F-30-01-00-00")));
  }

  @Test
  void oneDeviceIsAddedAndAnsweredAsStored() throws Exception {
    Device esme = SyntheticEstate.devices(1, 1L).get(0);
    ControlResponse r = call("POST", "/control/devices", object(esme).toString());
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(json(r)).isEqualTo(object(esme));
    assertThat(inventory.find(esme.eui())).hasValue(esme);

    ControlResponse got = call("GET", "/control/devices/" + esme.eui(), null);
    assertThat(json(got)).isEqualTo(object(esme));
  }

  @Test
  void manyDevicesAreAddedTogether() throws Exception {
    List<Device> estate = SyntheticEstate.devices(3, 2L);
    ControlResponse r = call("POST", "/control/devices", many(estate));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    assertThat(json(r).get("count").asInt()).isEqualTo(estate.size());
    assertThat(json(r).get("devices")).isEqualTo(objects(estate));
    assertThat(inventory.count()).isEqualTo(estate.size());
    for (Device d : estate) {
      assertThat(inventory.find(d.eui())).hasValue(d);
    }
  }

  @Test
  void aDeviceAlreadyHeldRefusesTheWholeCall() throws Exception {
    List<Device> estate = SyntheticEstate.devices(2, 3L);
    inventory.add(estate.get(7));
    ControlResponse r = call("POST", "/control/devices", many(estate));
    assertThat(r.status()).as(r.bodyText()).isEqualTo(409);
    assertThat(json(r).get("detail").asText())
        .contains(estate.get(7).eui().toString())
        .contains("nothing was added");
    assertThat(inventory.count()).isEqualTo(1);

    ControlResponse one = call("POST", "/control/devices", object(estate.get(7)).toString());
    assertThat(one.status()).isEqualTo(409);
    assertThat(json(one).get("detail").asText()).contains(estate.get(7).eui().toString());
  }

  @Test
  void badDevicesAreRefusedWithADetailAndNothingAdded() throws Exception {
    List<Device> estate = SyntheticEstate.devices(1, 4L);
    ArrayNode list = objects(estate);
    ((ObjectNode) list.get(2)).put("status", "Ready");
    ObjectNode body = JSON.createObjectNode();
    body.set("devices", list);
    ControlResponse bad = call("POST", "/control/devices", body.toString());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(json(bad).get("detail").asText())
        .isEqualTo("devices[2]: status: not a device status: 'Ready'");
    assertThat(inventory.count()).isZero();

    ObjectNode alone = object(estate.get(0));
    alone.remove("address_identifier");
    assertThat(json(call("POST", "/control/devices", alone.toString())).get("detail").asText())
        .contains("both present or both absent");
    ObjectNode unknown = object(estate.get(0)).put("colour", "red");
    assertThat(json(call("POST", "/control/devices", unknown.toString())).get("detail").asText())
        .contains("unknown field \"colour\"");

    List<String> refused =
        List.of(
            "{not json",
            "[]",
            "{}",
            "{\"devices\": 5}",
            "{\"devices\": [5]}",
            "{\"devices\": [], \"more\": 1}",
            many(List.of(estate.get(0), estate.get(0))));
    for (String b : refused) {
      ControlResponse r = call("POST", "/control/devices", b);
      assertThat(r.status()).as(b).isEqualTo(400);
      assertThat(json(r).get("detail").asText()).as(b).isNotBlank();
      assertThat(r.bodyText()).doesNotContain("Exception").doesNotContain("at io.dccsim");
    }
    assertThat(inventory.count()).isZero();
  }

  @Test
  void moreThanTheLimitIsRefusedWhole() throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("devices");
    for (int i = 0; i <= ControlApi.MAX_ADDED_DEVICES; i++) {
      list.addObject();
    }
    ControlResponse r = call("POST", "/control/devices", body.toString());
    assertThat(r.status()).isEqualTo(413);
    assertThat(json(r).get("detail").asText()).contains("10000");
    assertThat(inventory.count()).isZero();
  }

  @Test
  void aDeviceIsRemovedOnce() throws Exception {
    Device esme = SyntheticEstate.devices(1, 5L).get(0);
    inventory.add(esme);
    ControlResponse gone = call("DELETE", "/control/devices/" + esme.eui(), null);
    assertThat(gone.status()).isEqualTo(204);
    assertThat(gone.body()).isEmpty();
    assertThat(inventory.find(esme.eui())).isEmpty();
    ControlResponse again = call("DELETE", "/control/devices/" + esme.eui(), null);
    assertThat(again.status()).isEqualTo(404);
    assertThat(json(again).get("detail").asText()).contains(esme.eui().toString());
    ControlResponse bad = call("DELETE", "/control/devices/not-an-eui", null);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(json(bad).get("detail").asText()).contains("EUI-64");
  }

  @Test
  void moreThanOneFilterIsRefused() throws Exception {
    SyntheticEstate.Premises p = SyntheticEstate.premises(1, 6L).get(0);
    inventory.addAll(p.devices());
    ControlResponse two =
        call("GET", "/control/devices?uprn=" + p.uprn().value() + "&mpxn=" + p.mpan(), null);
    assertThat(two.status()).isEqualTo(400);
    assertThat(json(two).get("detail").asText()).contains("exactly one of");
    assertThat(json(two).has("count")).isFalse();
    ControlResponse one = call("GET", "/control/devices?mpxn=" + p.mpan(), null);
    assertThat(one.status()).isEqualTo(200);
    assertThat(json(one).get("count").asInt()).isEqualTo(5);
    ControlResponse none = call("GET", "/control/devices", null);
    assertThat(json(none).get("count").asInt()).isEqualTo(6);
  }

  @Test
  void aDeviceWithoutPremisesIsServedWithoutThem() throws Exception {
    Device bare = prenotified(1);
    ControlResponse r = call("POST", "/control/devices", object(bare).toString());
    assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
    for (JsonNode served :
        List.of(json(r), json(call("GET", "/control/devices/" + bare.eui(), null)))) {
      assertThat(served.get("eui").asText()).isEqualTo(bare.eui().toString());
      assertThat(served.get("status").asText()).isEqualTo("Pending");
      assertThat(served.has("postcode")).isFalse();
      assertThat(served.has("address_identifier")).isFalse();
      assertThat(served.has("csp_region")).isFalse();
      assertThat(served.has("uprn")).isFalse();
    }
    assertThat(inventory.find(bare.eui())).hasValue(bare);

    // null members read as absent too
    Device other = prenotified(2);
    ObjectNode nulls = object(other);
    nulls.putNull("postcode").putNull("address_identifier").putNull("csp_region");
    assertThat(call("POST", "/control/devices", nulls.toString()).status()).isEqualTo(201);
    assertThat(inventory.find(other.eui())).hasValue(other);
  }
}
