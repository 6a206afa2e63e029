package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server answers the non-device Service Requests over its own store, and its control
 * API shows what they changed: a pre-notified device, a DCC schedule (until a reset), a
 * decommissioned meter, across a restart where the store keeps them.
 */
class StandaloneNonDeviceServicesTest {
  private static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path data;

  private SimulatorConfig config() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.toString());
    f.put("clock-start", "2021-07-01T09:30:00Z");
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void nonDeviceRequestsChangeTheStoreAndTheControlApiShowsIt() throws Exception {
    String meter = SyntheticEstate.eui(DeviceType.ESME, 5).toString();
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      DuisClient client = client(s);
      assertThat(
              code(
                  client,
                  "12.2",
                  "<sr:DevicePrenotification><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID>"
                      + "<sr:DeviceManufacturer>AB01</sr:DeviceManufacturer>"
                      + "<sr:DeviceModel>010A030B</sr:DeviceModel><sr:DeviceType>ESME"
                      + "</sr:DeviceType></sr:DevicePrenotification>"))
          .isEqualTo("I0");
      JsonNode device = get(s, "/control/devices/00-DB-12-34-56-78-90-A0");
      assertThat(device.path("status").asText()).isEqualTo("Pending");
      assertThat(device.has("postcode")).isFalse();

      assertThat(
              code(
                  client,
                  "8.3",
                  "<sr:DecommissionDevice><sr:DeviceID>"
                      + meter
                      + "</sr:DeviceID></sr:DecommissionDevice>"))
          .isEqualTo("I0");

      assertThat(
              code(
                  client,
                  "5.1",
                  "<sr:CreateSchedule><sr:ScheduleFrequency>Weekly</sr:ScheduleFrequency>"
                      + "<sr:ScheduleStartDate>2021-07-05</sr:ScheduleStartDate>"
                      + "<sr:DSPScheduledServiceReference>4.6</sr:DSPScheduledServiceReference>"
                      + "<sr:DSPScheduledServiceReferenceVariant>4.6.1"
                      + "</sr:DSPScheduledServiceReferenceVariant><sr:DeviceID>"
                      + SyntheticEstate.eui(DeviceType.ESME, 6)
                      + "</sr:DeviceID><sr:RetrieveDailyReadLog/></sr:CreateSchedule>"))
          .isEqualTo("I0");
      JsonNode schedules = get(s, "/control/schedules");
      assertThat(schedules.path("count").asInt()).isEqualTo(1);
      JsonNode schedule = schedules.path("schedules").get(0);
      assertThat(schedule.path("srv").asText()).isEqualTo("4.6.1");
      assertThat(schedule.path("frequency").asText()).isEqualTo("Weekly");
      assertThat(schedule.path("user").asText()).isEqualTo(Simulator.TEST_SUPPLIER_EUI.toString());
      assertThat(schedule.path("body").asText()).isEqualTo("RetrieveDailyReadLog");

      assertThat(ControlCalls.call(s, "POST", "/control/reset", "").statusCode()).isEqualTo(200);
      assertThat(get(s, "/control/schedules").path("count").asInt()).isZero();
      // the reset leaves the inventory as the requests left it
      assertThat(get(s, "/control/devices/" + meter).path("status").asText())
          .isEqualTo("Decommissioned");
    }
    // the store keeps the inventory's changes across a restart
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertThat(get(again, "/control/devices/00-DB-12-34-56-78-90-A0").path("status").asText())
          .isEqualTo("Pending");
      assertThat(get(again, "/control/devices/" + meter).path("status").asText())
          .isEqualTo("Decommissioned");
      assertThat(
              code(
                  client(again),
                  "8.2",
                  "<sr:ReadInventory><sr:DeviceID>00-DB-12-34-56-78-90-A0</sr:DeviceID>"
                      + "</sr:ReadInventory>"))
          .isEqualTo("I0");
    }
  }

  @Test
  void deviceBehavioursAreSetReadAndResetOverTheControlApi() throws Exception {
    String meter = SyntheticEstate.eui(DeviceType.ESME, 9).toString();
    String path = "/control/devices/" + meter + "/behaviour";
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      JsonNode before = get(s, path);
      assertThat(before.path("mode").asText()).isEqualTo("answer");
      assertThat(before.path("own").asBoolean()).isFalse();
      HttpResponse<String> set =
          ControlCalls.call(s, "PUT", path, "{\"mode\": \"unreachable\", \"delay\": \"PT5S\"}");
      assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
      JsonNode own = get(s, path);
      assertThat(own.path("mode").asText()).isEqualTo("unreachable");
      assertThat(own.path("delay").asText()).isEqualTo("PT5S");
      assertThat(own.path("own").asBoolean()).isTrue();
      assertThat(
              s.simulator().deviceBehaviours().of(SyntheticEstate.eui(DeviceType.ESME, 9)).mode())
          .isEqualTo(io.dccsim.sim.service.DeviceBehaviour.Mode.UNREACHABLE);
      // bad input is a clear 400 and changes nothing
      for (String bad :
          new String[] {
            "{\"mode\": \"asleep\"}", "{\"mode\": \"answer\", \"delay\": \"5 seconds\"}",
            "{\"mode\": \"answer\", \"delay\": \"P3D\"}", "{\"speed\": 1}"
          }) {
        HttpResponse<String> r = ControlCalls.call(s, "PUT", path, bad);
        assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
        assertThat(r.body()).doesNotContain("Exception");
      }
      assertThat(get(s, path).path("mode").asText()).isEqualTo("unreachable");
      assertThat(ControlCalls.call(s, "DELETE", path, null).statusCode()).isEqualTo(200);
      assertThat(get(s, path).path("own").asBoolean()).isFalse();

      assertThat(
              ControlCalls.call(
                      s, "PUT", "/control/device-behaviour", "{\"mode\": \"no-response\"}")
                  .statusCode())
          .isEqualTo(200);
      assertThat(get(s, path).path("mode").asText()).isEqualTo("no-response");
      assertThat(ControlCalls.call(s, "POST", "/control/reset", "").statusCode()).isEqualTo(200);
      assertThat(get(s, "/control/device-behaviour").path("mode").asText()).isEqualTo("answer");
    }
  }

  @Test
  void alertsAreRaisedOverTheControlApiAndBadOnesRefused() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      String user = Simulator.TEST_SUPPLIER_EUI.toString();
      HttpResponse<String> device =
          ControlCalls.call(
              s,
              "POST",
              "/control/alerts",
              "{\"type\": \"device\", \"device\": \""
                  + SyntheticEstate.eui(DeviceType.ESME, 3)
                  + "\", \"user\": \""
                  + user
                  + "\", \"code\": \"8F66\"}");
      assertThat(device.statusCode()).as(device.body()).isEqualTo(202);
      HttpResponse<String> later =
          ControlCalls.call(
              s,
              "POST",
              "/control/alerts",
              "{\"type\": \"dcc\", \"user\": \""
                  + user
                  + "\", \"code\": \"N24\", \"at\": \"2021-07-01T12:00:00Z\"}");
      assertThat(later.statusCode()).as(later.body()).isEqualTo(202);
      assertThat(JSON.readTree(later.body()).path("at").asText()).isEqualTo("2021-07-01T12:00:00Z");
      for (String bad :
          new String[] {
            "{\"type\": \"dcc\", \"user\": \"" + user + "\", \"code\": \"N32\"}",
            "{\"type\": \"meter\", \"user\": \"" + user + "\", \"code\": \"N1\"}",
            "{\"type\": \"dcc\", \"user\": \"nobody\", \"code\": \"N1\"}",
            "{\"type\": \"dcc\", \"user\": \"" + user + "\", \"code\": \"N1\", \"at\": \"soon\"}"
          }) {
        HttpResponse<String> r = ControlCalls.call(s, "POST", "/control/alerts", bad);
        assertThat(r.statusCode()).as(bad + ": " + r.body()).isEqualTo(400);
      }
    }
  }

  private static JsonNode get(StandaloneSimulator s, String path) throws Exception {
    HttpResponse<String> r = ControlCalls.call(s, "GET", path, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String code(DuisClient client, String srv, String body) {
    ServiceResponse answer =
        client.send(
            client.newRequest(
                ServiceReferenceVariant.parse(srv),
                CommandVariant.NON_DEVICE,
                client.dccId(),
                RawRequestBody.of(
                    SecureXml.withDefaults()
                        .parse(
                            body.replaceFirst(">", " xmlns:sr=\"" + NS + "\">")
                                .getBytes(StandardCharsets.UTF_8))
                        .getDocumentElement())));
    return answer.header().responseCode().code();
  }

  private static DuisClient client(StandaloneSimulator s) {
    Path pki = s.configuration().pkiDir();
    Credential supplier =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    return DuisClient.builder()
        .user(
            Simulator.TEST_SUPPLIER_EUI,
            SigningCredential.of(supplier.privateKey(), supplier.certificate()))
        .dcc(Simulator.DCC_EUI, PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT)))
        .counter(RequestCounter.fromClock(Clock.systemUTC()))
        .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
        .build();
  }
}
