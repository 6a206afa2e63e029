package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.xml.SecureXml;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The whole device flow over real HTTP, both ways: a command via the WAN is acknowledged I99 and
 * the device's signed response is POSTed to the User's receiving endpoint, which answers 204; an
 * alert follows the same road; a receiver that refuses gets the message again at the retry time.
 */
class DeviceFlowOverHttpTest {

  @Test
  void theResponseAndAnAlertArePostedToTheUsersEndpointAndARefusalIsRetried() throws Exception {
    List<byte[]> received = new CopyOnWriteArrayList<>();
    AtomicInteger status = new AtomicInteger(204);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/duis",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int answer = status.get();
          if (answer == 204) {
            received.add(body);
          }
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    receiver.start();
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z"));
    try (Simulator dcc = Simulator.builder().clock(clock).start()) {
      SupplierClient supplier = SupplierClient.testSupplierOf(dcc);
      dcc.receiveUrl(
          dcc.testSupplier().eui(),
          URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/duis"));
      RequestId id = supplier.nextIdTo(SyntheticEstate.eui(DeviceType.ESME, 1));
      ServiceResponse ack =
          supplier.send(
              "/api/v1/serviceS", supplier.readRegisters(id, CommandVariant.SEND_VIA_WAN));
      assertThat(ack.header().responseCode().code()).isEqualTo("I99");

      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
      DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(received.get(0)));
      ServiceResponse response = supplier.verifyAndRead(received.get(0));
      assertThat(response.header().requestId()).hasValue(id);
      assertThat(response.header().responseCode().code()).isEqualTo("I0");

      // the receiver refuses the alert: it comes again at the first retry, 30 s later
      status.set(400);
      dcc.alerts().deviceAlert(id.target(), id.originator(), "8F66", Optional.empty());
      Thread.sleep(300);
      assertThat(received).hasSize(1);
      status.set(204);
      clock.advance(Duration.ofSeconds(30));
      await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 2);
      ServiceResponse alert = supplier.verifyAndRead(received.get(1));
      assertThat(alert.body()).isInstanceOf(AlertBody.class);
      assertThat(dcc.outbox().pendingCount()).isZero();
      assertThat(dcc.outbox().deadCount()).isZero();
    } finally {
      receiver.stop(0);
    }
  }
}
