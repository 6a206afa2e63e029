package io.dccsim.sim.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TransportPki;
import io.dccsim.smki.repository.InMemoryOutboxStore;
import io.dccsim.smki.repository.OutboxStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delivery over real HTTP to local receivers, on a frozen simulated clock that tests jump. */
class ResponseDeliveryTest {
  static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  static final Eui64 GAS = Eui64.parse("90-B3-D5-1F-30-03-00-00");
  static final Instant T0 = Instant.parse("2021-06-23T12:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(10);

  private final SimulatedClock clock = SimulatedClock.fixed(T0);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  private <T extends AutoCloseable> T closed(T t) {
    closing.add(t);
    return t;
  }

  private ResponseDelivery delivery(DeliverySettings settings) {
    return closed(
        new ResponseDelivery(
            new InMemoryOutboxStore(), clock, settings, DeliveryTls.none(), registry));
  }

  static OutboundMessage message(Eui64 user, String text) {
    return new OutboundMessage(
        user,
        OutboundMessage.Kind.RESPONSE,
        Optional.empty(),
        "I0",
        ("<sr:Response>" + text + "</sr:Response>").getBytes(StandardCharsets.UTF_8));
  }

  static String body(String text) {
    return "<sr:Response>" + text + "</sr:Response>";
  }

  private double attempts(String outcome) {
    return registry.get("dccsim.delivery.attempts").tag("outcome", outcome).counter().count();
  }

  @Test
  void messagesAreDeliveredInOrderPerUserAsXml() throws Exception {
    Receiver supplier = closed(Receiver.http());
    Receiver gas = closed(Receiver.http());
    ResponseDelivery d = delivery(DeliverySettings.defaults());
    d.receiveUrl(SUPPLIER, supplier.url());
    d.receiveUrl(GAS, gas.url());
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      d.enqueue(message(SUPPLIER, "s" + i));
      d.enqueue(message(GAS, "g" + i));
      expected.add(body("s" + i));
    }
    await()
        .atMost(WAIT)
        .until(() -> supplier.received().size() == 20 && gas.received().size() == 20);
    assertThat(supplier.bodies()).containsExactlyElementsOf(expected);
    assertThat(gas.bodies().get(0)).isEqualTo(body("g0"));
    assertThat(gas.bodies().get(19)).isEqualTo(body("g19"));
    assertThat(supplier.received().get(0).contentType()).isEqualTo("application/xml");
    await().atMost(WAIT).until(() -> d.pendingCount() == 0);
    assertThat(attempts("delivered")).isEqualTo(40);
    assertThat(registry.get("dccsim.delivery.pending").gauge().value()).isZero();
  }

  @Test
  void aMessageDueLaterIsKeptAtOnceGoesAtItsTimeAndDoesNotHoldBackTheOnesDueBefore()
      throws Exception {
    Receiver supplier = closed(Receiver.http());
    InMemoryOutboxStore store = new InMemoryOutboxStore();
    ResponseDelivery d =
        closed(
            new ResponseDelivery(
                store, clock, DeliverySettings.defaults(), DeliveryTls.none(), registry));
    d.receiveUrl(SUPPLIER, supplier.url());
    long later = d.enqueue(message(SUPPLIER, "in a minute"), T0.plusSeconds(60));
    long soon = d.enqueue(message(SUPPLIER, "in a second"), T0.plusSeconds(1));
    d.enqueue(message(SUPPLIER, "now"), T0.minusSeconds(5));
    // kept in the store at once, with the time it is due
    assertThat(store.find(later).orElseThrow().nextAttempt()).isEqualTo(T0.plusSeconds(60));
    assertThat(d.pendingCount()).isEqualTo(3);
    assertThat(d.pending(SUPPLIER, 10))
        .extracting(OutboxStore.Entry::sequence)
        .containsExactly(soon + 1, soon, later);
    await().atMost(WAIT).until(() -> supplier.received().size() == 1);
    Thread.sleep(200);
    assertThat(supplier.bodies()).containsExactly(body("now"));
    clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> supplier.received().size() == 2);
    clock.advance(Duration.ofSeconds(58));
    Thread.sleep(200);
    assertThat(supplier.received()).hasSize(2);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> supplier.received().size() == 3);
    assertThat(supplier.bodies())
        .containsExactly(body("now"), body("in a second"), body("in a minute"));
    await().atMost(WAIT).until(() -> d.pendingCount() == 0);
  }

  @Test
  void aMessageNotYetDueOutlivesARestartAndGoesAtItsTime() throws Exception {
    Receiver supplier = closed(Receiver.http());
    InMemoryOutboxStore store = new InMemoryOutboxStore();
    ResponseDelivery before =
        new ResponseDelivery(
            store, clock, DeliverySettings.defaults(), DeliveryTls.none(), registry);
    before.receiveUrl(SUPPLIER, supplier.url());
    before.enqueue(message(SUPPLIER, "owed"), T0.plusSeconds(30));
    before.close();
    ResponseDelivery after =
        closed(
            new ResponseDelivery(
                store,
                clock,
                DeliverySettings.defaults(),
                DeliveryTls.none(),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    assertThat(after.pendingCount()).isEqualTo(1);
    Thread.sleep(200);
    assertThat(supplier.received()).isEmpty();
    clock.advance(Duration.ofSeconds(30));
    await().atMost(WAIT).until(() -> supplier.received().size() == 1);
    assertThat(supplier.bodies()).containsExactly(body("owed"));
  }

  @Test
  void aRejectingReceiverGetsRetriesAtTheSimulatedTimesThenADeadLetterThatCanBeRedriven()
      throws Exception {
    Receiver supplier = closed(Receiver.http());
    supplier.answer(400);
    ResponseDelivery d =
        delivery(DeliverySettings.defaults().withRetries(Duration.ofSeconds(30), 3));
    d.receiveUrl(SUPPLIER, supplier.url());
    long seq = d.enqueue(message(SUPPLIER, "a"));
    long next = d.enqueue(message(SUPPLIER, "b"));
    await().atMost(WAIT).until(() -> supplier.rejected() == 1);
    OutboxStore.Entry first = d.pending(SUPPLIER, 10).get(0);
    await().atMost(WAIT).until(() -> d.pending(SUPPLIER, 10).get(0).attempts() == 1);
    first = d.pending(SUPPLIER, 10).get(0);
    assertThat(first.sequence()).isEqualTo(seq);
    assertThat(first.nextAttempt()).isEqualTo(T0.plusSeconds(30));
    assertThat(first.lastError()).hasValue("HTTP 400");
    // nothing more until the simulated clock reaches the retry, however long we wait
    Thread.sleep(200);
    assertThat(supplier.rejected()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(29));
    Thread.sleep(100);
    assertThat(supplier.rejected()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> supplier.rejected() == 2);
    await().atMost(WAIT).until(() -> d.pending(SUPPLIER, 10).get(0).attempts() == 2);
    assertThat(d.pending(SUPPLIER, 10).get(0).nextAttempt()).isEqualTo(T0.plusSeconds(90));
    clock.advance(Duration.ofSeconds(60));
    await().atMost(WAIT).until(() -> d.deadCount() == 1);
    // then the next message is attempted at once, and refused too
    await().atMost(WAIT).until(() -> supplier.rejected() == 4);
    await().atMost(WAIT).until(() -> d.pending(SUPPLIER, 10).get(0).attempts() == 1);
    OutboxStore.Entry deadLetter = d.deadLetters(10).get(0);
    assertThat(deadLetter.sequence()).isEqualTo(seq);
    assertThat(deadLetter.attempts()).isEqualTo(3);
    assertThat(deadLetter.dead()).hasValue(T0.plusSeconds(90));
    assertThat(attempts("failed")).isEqualTo(3); // two of the first, one of the next
    assertThat(attempts("dead")).isEqualTo(1);
    // the next message went on once the first was dead-lettered: accept it now
    supplier.answer(204);
    clock.advance(Duration.ofSeconds(30));
    await().atMost(WAIT).until(() -> supplier.received().size() == 1);
    assertThat(supplier.bodies()).containsExactly(body("b"));
    assertThat(d.pending(SUPPLIER, 10))
        .extracting(OutboxStore.Entry::sequence)
        .doesNotContain(next);
    assertThat(d.redrive(seq)).isTrue();
    assertThat(d.redrive(seq)).isFalse();
    await().atMost(WAIT).until(() -> supplier.received().size() == 2);
    assertThat(supplier.bodies()).containsExactly(body("b"), body("a"));
    assertThat(d.deadCount()).isZero();
    assertThat(d.deadLetters(10)).isEmpty();
  }

  @Test
  void aDeadLetterIsDroppedAfterTwoDaysOfSimulatedTime() throws Exception {
    ResponseDelivery d =
        delivery(DeliverySettings.defaults().withRetries(Duration.ofSeconds(30), 1));
    d.receiveUrl(SUPPLIER, Receiver.down());
    d.enqueue(message(SUPPLIER, "a"));
    await().atMost(WAIT).until(() -> d.deadCount() == 1);
    assertThat(d.deadLetters(10).get(0).lastError()).isPresent();
    clock.advance(Duration.ofDays(2).minusSeconds(1));
    Thread.sleep(100);
    assertThat(d.deadLetters(10)).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(WAIT).until(() -> d.deadCount() == 0);
    assertThat(d.deadLetters(10)).isEmpty();
  }

  @Test
  void aReceiverThatIsDownIsRetriedAndGetsTheMessageOnceUp() throws Exception {
    ResponseDelivery d = delivery(DeliverySettings.defaults());
    d.receiveUrl(SUPPLIER, Receiver.down());
    d.enqueue(message(SUPPLIER, "a"));
    await().atMost(WAIT).until(() -> d.pending(SUPPLIER, 1).get(0).attempts() == 1);
    assertThat(d.pending(SUPPLIER, 1).get(0).lastError().orElseThrow())
        .contains("ConnectException");
    Receiver up = closed(Receiver.http());
    d.receiveUrl(SUPPLIER, up.url());
    clock.advance(Duration.ofSeconds(30));
    await().atMost(WAIT).until(() -> up.received().size() == 1);
  }

  @Test
  void theQueueIsBoundedInAllAndPerUser() {
    ResponseDelivery d = delivery(DeliverySettings.defaults().withCapacity(3, 2));
    d.enqueue(message(SUPPLIER, "1"));
    d.enqueue(message(SUPPLIER, "2"));
    assertThatThrownBy(() -> d.enqueue(message(SUPPLIER, "3")))
        .isInstanceOf(OutboxFullException.class)
        .hasMessageContaining(SUPPLIER.toString());
    d.enqueue(message(GAS, "1"));
    assertThatThrownBy(() -> d.enqueue(message(GAS, "2"))).isInstanceOf(OutboxFullException.class);
    assertThat(d.pendingCount()).isEqualTo(3);
  }

  @Test
  void messagesWaitForAUrlAndGoInOrderOnceOneIsRegistered() throws Exception {
    ResponseDelivery d = delivery(DeliverySettings.defaults());
    d.enqueue(message(SUPPLIER, "1"));
    d.enqueue(message(SUPPLIER, "2"));
    clock.advance(Duration.ofHours(1));
    Thread.sleep(100);
    assertThat(d.pending(SUPPLIER, 10)).hasSize(2).allMatch(e -> e.attempts() == 0);
    Receiver r = closed(Receiver.http());
    d.receiveUrl(SUPPLIER, r.url());
    await().atMost(WAIT).until(() -> r.received().size() == 2);
    assertThat(r.bodies()).containsExactly(body("1"), body("2"));
  }

  @Test
  void onlyHttpAndHttpsUrlsAreTaken() {
    ResponseDelivery d = delivery(DeliverySettings.defaults());
    assertThatThrownBy(() -> d.receiveUrl(SUPPLIER, URI.create("ftp://127.0.0.1/x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.receiveUrl(SUPPLIER, URI.create("/relative")))
        .isInstanceOf(IllegalArgumentException.class);
    d.receiveUrl(SUPPLIER, URI.create("https://user.example/duis"));
    assertThat(d.receiveUrl(SUPPLIER)).hasValue(URI.create("https://user.example/duis"));
    assertThat(d.removeReceiveUrl(SUPPLIER)).isTrue();
    assertThat(d.receiveUrls()).isEmpty();
  }

  @Test
  void deliveryOverHttpsPresentsTheClientCertificate() throws Exception {
    TransportPki pki = TransportPki.create(Clock.systemUTC());
    Credential server = pki.serverCredential(List.of("localhost", "127.0.0.1"));
    Credential client = pki.clientCredential("dccsim DCC");
    // the receiver's side: its certificate, and the CA it takes client certificates from
    DeliveryTls receiverTls =
        DeliveryTls.of(
            server.certificateChain(), server.privateKey(), List.of(pki.ca().certificate()));
    Receiver r = closed(Receiver.https(receiverTls.sslContext()));
    ResponseDelivery d =
        closed(
            new ResponseDelivery(
                new InMemoryOutboxStore(),
                clock,
                DeliverySettings.defaults(),
                DeliveryTls.of(
                    client.certificateChain(),
                    client.privateKey(),
                    List.of(pki.ca().certificate())),
                registry));
    d.receiveUrl(SUPPLIER, r.url());
    d.enqueue(message(SUPPLIER, "secure"));
    await().atMost(WAIT).until(() -> r.received().size() == 1);
    assertThat(r.received().get(0).client()).hasValue(client.certificate());

    // without a client certificate the receiver refuses the connection: a failed attempt
    ResponseDelivery anonymous =
        closed(
            new ResponseDelivery(
                new InMemoryOutboxStore(),
                clock,
                DeliverySettings.defaults(),
                new DeliveryTls(List.of(), Optional.empty(), List.of(pki.ca().certificate())),
                new SimpleMeterRegistry()));
    anonymous.receiveUrl(SUPPLIER, r.url());
    anonymous.enqueue(message(SUPPLIER, "anonymous"));
    await().atMost(WAIT).until(() -> anonymous.pending(SUPPLIER, 1).get(0).attempts() == 1);
    assertThat(r.received()).hasSize(1);
  }
}
