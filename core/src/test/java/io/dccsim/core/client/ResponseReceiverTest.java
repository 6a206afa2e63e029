package io.dccsim.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The User's receiving endpoint and {@link DuisClient#sendAsync}: signed deliveries are taken by
 * RequestID or as alerts, whether they arrive before or after the caller asks; anything not signed
 * by the DCC is answered 400 and kept as a reason; waiting gives up with a clear exception.
 */
class ResponseReceiverTest {
  private static final Eui64 USER = DuisClientTest.USER;
  private static final Eui64 DEVICE = Eui64.parse("00-DB-12-34-56-78-90-A0");
  private static final Eui64 DSP = Eui64.parse("90-B3-D5-1F-30-00-00-02");
  private static final SigningCredential DCC_KEY = DuisClientTest.DCC_KEY;
  private static final SigningCredential STRANGER =
      TestCredentials.credential("CN=Somebody Else,OU=07", BigInteger.valueOf(999));
  private static final Instant NOW = DuisClientTest.NOW;
  private static final ServiceReferenceVariant READ = ServiceReferenceVariant.parse("4.1.1");
  private static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";

  private ResponseReceiver receiver;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    receiver = ResponseReceiver.start(CertificateResolver.of(DCC_KEY.certificate()));
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private static byte[] signed(SigningCredential by, ResponseHeader header, ResponseBody body) {
    DuisCodec codec = new DuisCodec();
    Document doc = codec.writeResponse(new ServiceResponse(SchemaVersion.V5_4, header, body));
    new DuisSigner(by).sign(doc);
    return codec.toBytes(doc);
  }

  private static byte[] later(RequestId answering, String code, SigningCredential by) {
    RequestId responseId = new RequestId(answering.target(), answering.originator(), 1);
    return signed(
        by,
        new ResponseHeader(
            Optional.of(answering), Optional.of(responseId), ResponseCode.parse(code), NOW),
        RawResponseBody.empty(READ));
  }

  private static byte[] alert() {
    Document d =
        SecureXml.withDefaults()
            .parse(
                ("<sr:DCCAlertMessage xmlns:sr=\""
                        + NS
                        + "\"><sr:DCCAlertCode>N1</sr:DCCAlertCode>"
                        + "<sr:DCCAlert>power</sr:DCCAlert></sr:DCCAlertMessage>")
                    .getBytes(StandardCharsets.UTF_8));
    return signed(
        DCC_KEY,
        new ResponseHeader(
            Optional.empty(), Optional.of(new RequestId(DSP, USER, 2)), ResponseCode.I0, NOW),
        AlertBody.of(d.getDocumentElement()));
  }

  private int post(URI url, byte[] body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void aResponseIsTakenByItsRequestIdWhetherItCameBeforeOrAfterTheCallerAsked() throws Exception {
    RequestId first = new RequestId(USER, DEVICE, 10);
    RequestId second = new RequestId(USER, DEVICE, 11);
    assertThat(post(receiver.url(), later(first, "I0", DCC_KEY))).isEqualTo(204);
    CompletableFuture<ServiceResponse> waiting = receiver.response(second);
    assertThat(waiting).isNotDone();
    assertThat(receiver.response(first).get().header().requestId()).contains(first);
    assertThat(post(receiver.url(), later(second, "E21", DCC_KEY))).isEqualTo(204);
    assertThat(waiting.get().header().responseCode().code()).isEqualTo("E21");
    // taken, so not kept; an alert waits for whoever asks for alerts
    assertThat(receiver.received()).isEmpty();
    assertThat(post(receiver.url(), alert())).isEqualTo(204);
    assertThat(receiver.received()).hasSize(1);
    assertThat(receiver.awaitAlert(Duration.ofSeconds(5)).body()).isInstanceOf(AlertBody.class);
    assertThat(receiver.refused()).isEmpty();
  }

  @Test
  void whatTheDccDidNotSignIsAnswered400AndKeptAsAReason() throws Exception {
    RequestId id = new RequestId(USER, DEVICE, 12);
    assertThat(post(receiver.url(), later(id, "I0", STRANGER))).isEqualTo(400);
    assertThat(post(receiver.url(), "<sr:Response/>".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(400);
    byte[] big = new byte[(1 << 20) + 10];
    java.util.Arrays.fill(big, (byte) ' ');
    assertThat(post(receiver.url(), big)).isEqualTo(400);
    assertThat(receiver.refused()).hasSize(3);
    assertThat(receiver.refused().get(2)).contains("1 MiB");
    assertThat(receiver.received()).isEmpty();
    assertThatThrownBy(() -> receiver.awaitResponse(id, Duration.ofMillis(50)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining("did not arrive within PT0.05S")
        .hasMessageContaining("refused so far");
    receiver.clear();
    assertThat(receiver.refused()).isEmpty();
  }

  @Test
  void closingCancelsTheFuturesStillWaiting() {
    CompletableFuture<ServiceResponse> f = receiver.response(new RequestId(USER, DEVICE, 13));
    receiver.close();
    assertThat(f).isCancelled();
  }

  @Test
  void sendAsyncCompletesWithTheDeliveredResponseEvenWhenItArrivesBeforeTheAcknowledgement()
      throws Exception {
    AtomicReference<String> code = new AtomicReference<>("I99");
    DuisTransport dcc =
        (path, bytes) -> {
          Document doc = SecureXml.withDefaults().parse(bytes);
          new DuisSignatureVerifier(CertificateResolver.of(DuisClientTest.USER_KEY.certificate()))
              .verify(doc);
          ServiceRequest request = new DuisCodec().readRequest(doc);
          RequestId id = request.header().requestId();
          if (code.get().equals("I99")) {
            try {
              // the device was quick: its response is delivered before the acknowledgement
              assertThat(post(receiver.url(), later(id, "I0", DCC_KEY))).isEqualTo(204);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }
          return new TransportResponse(
              200,
              signed(
                  DCC_KEY,
                  ResponseHeader.answering(id, ResponseCode.parse(code.get()), NOW),
                  RawResponseBody.empty(READ)));
        };
    DuisClient client =
        DuisClient.builder()
            .user(USER, DuisClientTest.USER_KEY)
            .dcc(DuisClientTest.DCC, DCC_KEY.certificate())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .transport(dcc)
            .build();
    ServiceRequest read = client.newRequest(READ, CommandVariant.SEND_VIA_WAN, DEVICE, emptyRead());
    AsyncResponse async = client.sendAsync(read, receiver);
    assertThat(async.isAcknowledged()).isTrue();
    ServiceResponse response = async.await(Duration.ofSeconds(5));
    assertThat(response.header().responseCode().code()).isEqualTo("I0");
    assertThat(response.header().requestId()).contains(read.header().requestId());
    assertThat(response.header().responseId()).isPresent();

    // an answer other than I99 is final at once
    code.set("E19");
    AsyncResponse refused =
        client.sendAsync(
            client.newRequest(READ, CommandVariant.SEND_VIA_WAN, DEVICE, emptyRead()), receiver);
    assertThat(refused.isAcknowledged()).isFalse();
    assertThat(refused.response()).isCompleted();
    assertThat(refused.await(Duration.ZERO).header().responseCode().code()).isEqualTo("E19");

    // acknowledged, but nothing delivered: the wait gives up, naming the request
    DuisTransport silent =
        (path, bytes) -> {
          ServiceRequest request =
              new DuisCodec().readRequest(SecureXml.withDefaults().parse(bytes));
          return new TransportResponse(
              200,
              signed(
                  DCC_KEY,
                  ResponseHeader.answering(request.header().requestId(), ResponseCode.I99, NOW),
                  RawResponseBody.empty(READ)));
        };
    DuisClient quiet =
        DuisClient.builder()
            .user(USER, DuisClientTest.USER_KEY)
            .dcc(DuisClientTest.DCC, DCC_KEY.certificate())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC))
            .transport(silent)
            .build();
    ServiceRequest unanswered =
        quiet.newRequest(READ, CommandVariant.SEND_VIA_WAN, DEVICE, emptyRead());
    AsyncResponse pending = quiet.sendAsync(unanswered, receiver);
    assertThatThrownBy(() -> pending.await(Duration.ofMillis(50)))
        .isInstanceOf(ResponseTimeoutException.class)
        .hasMessageContaining(unanswered.header().requestId().toString());
  }

  private static RawRequestBody emptyRead() {
    return RawRequestBody.emptyElement("ReadInstantaneousImportRegisters");
  }
}
