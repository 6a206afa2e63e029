package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.delivery.DeliverySettings;
import io.dccsim.sim.delivery.DeliveryTls;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.ResponseDelivery;
import io.dccsim.smki.repository.InMemoryOutboxStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The control API's delivery routes: receiving URLs, the listing, redrive and drop. */
class DeliveryRoutesTest {
  private static final BearerToken TOKEN = BearerToken.of("delivery-routes-token-0123");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");

  private static ControlResponse call(ControlApi api, String method, String uri, String body) {
    return api.handle(
        new ControlRequest(
            method,
            uri,
            Optional.of(TOKEN.authorizationHeader()),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private static JsonNode json(ControlResponse r) throws Exception {
    return JSON.readTree(r.body());
  }

  @Test
  void urlsAreSetAndRemovedDeliveriesListedAndDeadLettersRedrivenAndDropped() throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-23T12:00:00Z"));
    HarnessState state = HarnessState.create(10, clock);
    ControlApi without = new ControlApi(state, TOKEN);
    assertThat(call(without, "GET", "/control/deliveries", "").status()).isEqualTo(400);
    try (ResponseDelivery d =
        new ResponseDelivery(
            new InMemoryOutboxStore(),
            clock,
            DeliverySettings.defaults().withRetries(Duration.ofSeconds(30), 1),
            DeliveryTls.none(),
            new SimpleMeterRegistry())) {
      state.deliveries(d);
      ControlApi api = new ControlApi(state, TOKEN);
      String url = "/control/users/" + SUPPLIER + "/receive-url";
      assertThat(call(api, "PUT", url, "{\"url\": \"ftp://x/y\"}").status()).isEqualTo(400);
      assertThat(call(api, "PUT", url, "{\"url\": 3}").status()).isEqualTo(400);
      String down;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        down = "http://127.0.0.1:" + s.getLocalPort() + "/duis";
      }
      ControlResponse put = call(api, "PUT", url, "{\"url\": \"" + down + "\"}");
      assertThat(put.status()).isEqualTo(200);
      assertThat(json(put).path("receiveUrl").asText()).isEqualTo(down);
      assertThat(d.receiveUrl(SUPPLIER)).isPresent();

      long a = d.enqueue(message("a"));
      long b = d.enqueue(message("b"));
      await().atMost(Duration.ofSeconds(10)).until(() -> d.deadCount() == 2);
      JsonNode listed = json(call(api, "GET", "/control/deliveries?user=" + SUPPLIER, ""));
      assertThat(listed.path("deadCount").asInt()).isEqualTo(2);
      assertThat(listed.path("dead").get(0).path("seq").asLong()).isEqualTo(a);
      assertThat(listed.path("dead").get(0).path("attempts").asInt()).isEqualTo(1);
      assertThat(listed.path("dead").get(0).path("lastError").asText()).isNotEmpty();
      assertThat(call(api, "GET", "/control/deliveries?limit=0", "").status()).isEqualTo(400);

      assertThat(call(api, "DELETE", url, "").status()).isEqualTo(200);
      assertThat(call(api, "DELETE", url, "").status()).isEqualTo(404);
      assertThat(call(api, "POST", "/control/deliveries/dead/" + a + "/redrive", "").status())
          .isEqualTo(200);
      assertThat(call(api, "POST", "/control/deliveries/dead/" + a + "/redrive", "").status())
          .isEqualTo(404);
      assertThat(call(api, "POST", "/control/deliveries/dead/x/redrive", "").status())
          .isEqualTo(400);
      // no URL now: the redriven message waits, pending
      JsonNode after = json(call(api, "GET", "/control/deliveries", ""));
      assertThat(after.path("pending").get(0).path("seq").asLong()).isEqualTo(a);
      assertThat(after.path("pending").get(0).path("attempts").asInt()).isZero();
      assertThat(after.path("pending").get(0).has("nextAttempt")).isTrue();
      assertThat(
              json(call(api, "POST", "/control/deliveries/dead/redrive", ""))
                  .path("redriven")
                  .asInt())
          .isEqualTo(1);
      assertThat(d.pendingCount()).isEqualTo(2);
      assertThat(d.pending(SUPPLIER, 10).get(1).sequence()).isEqualTo(b);
      assertThat(json(call(api, "DELETE", "/control/deliveries/dead", "")).path("dropped").asInt())
          .isZero();
      // pending, a message's document can be read; once delivered too, for a while
      assertThat(
              json(call(api, "GET", "/control/deliveries/" + a + "/document", ""))
                  .path("document")
                  .asText())
          .isEqualTo("<sr:DeviceAlertMessage>a</sr:DeviceAlertMessage>");
      com.sun.net.httpserver.HttpServer ok =
          com.sun.net.httpserver.HttpServer.create(
              new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      ok.createContext(
          "/",
          x -> {
            x.getRequestBody().readAllBytes();
            x.sendResponseHeaders(204, -1);
            x.close();
          });
      ok.start();
      try {
        String up = "http://127.0.0.1:" + ok.getAddress().getPort() + "/duis";
        assertThat(call(api, "PUT", url, "{\"url\": \"" + up + "\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> d.pendingCount() == 0);
      } finally {
        ok.stop(0);
      }
      JsonNode done = json(call(api, "GET", "/control/deliveries?user=" + SUPPLIER, ""));
      assertThat(done.path("pending")).isEmpty();
      assertThat(done.path("delivered")).hasSize(2);
      assertThat(done.path("delivered").get(0).path("seq").asLong()).isEqualTo(b);
      assertThat(done.path("delivered").get(0).path("delivered").asText())
          .isEqualTo("2021-06-23T12:00:00Z");
      assertThat(done.path("delivered").get(0).has("nextAttempt")).isFalse();
      assertThat(
              json(call(api, "GET", "/control/deliveries/" + b + "/document", ""))
                  .path("document")
                  .asText())
          .isEqualTo("<sr:DeviceAlertMessage>b</sr:DeviceAlertMessage>");
      assertThat(call(api, "GET", "/control/deliveries/999/document", "").status()).isEqualTo(404);
      assertThat(call(api, "GET", "/control/deliveries/x/document", "").status()).isEqualTo(400);
    }
  }

  private static OutboundMessage message(String text) {
    return new OutboundMessage(
        SUPPLIER,
        OutboundMessage.Kind.DEVICE_ALERT,
        Optional.empty(),
        "8F1C",
        ("<sr:DeviceAlertMessage>" + text + "</sr:DeviceAlertMessage>")
            .getBytes(StandardCharsets.UTF_8));
  }
}
