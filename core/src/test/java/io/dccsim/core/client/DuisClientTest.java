package io.dccsim.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.wan.WanVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class DuisClientTest {
  static final Eui64 USER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  static final Eui64 DCC = Eui64.parse("00-DB-12-34-56-78-90-A0");
  static final SigningCredential USER_KEY =
      TestCredentials.credential("CN=Test Organisation CA,OU=07", BigInteger.valueOf(135));
  static final SigningCredential DCC_KEY =
      TestCredentials.credential("CN=Test Organisation CA,OU=07", BigInteger.valueOf(137));
  static final Instant NOW = Instant.parse("2021-06-24T09:00:00Z");

  /** What the fake DCC answers: HTTP status and body, given the request bytes. */
  record Answer(int status, byte[] body) {}

  HttpServer server;
  ExecutorService pool;
  volatile Function<byte[], Answer> dcc;
  final List<String> seen = new CopyOnWriteArrayList<>();
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          seen.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI().getPath()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type"));
          Answer a;
          try {
            a = dcc.apply(body);
          } catch (RuntimeException e) {
            a = new Answer(500, e.toString().getBytes(StandardCharsets.UTF_8));
          }
          exchange.getResponseHeaders().add("Content-Type", "application/xml");
          exchange.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(a.body());
          }
        });
    server.start();
    dcc = DuisClientTest::answerAsTheDcc;
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  DuisClient.Builder client() {
    return DuisClient.builder()
        .user(USER, USER_KEY)
        .dcc(DCC, DCC_KEY.certificate())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .transport(HttpDuisTransport.builder(endpoint()).build());
  }

  /** The fake DCC: checks the User's signature, answers SR 12.1 with a blank WAN variant. */
  static Answer answerAsTheDcc(byte[] requestBytes) {
    return answer(requestBytes, DCC_KEY, WanTechnology.SPACE, null);
  }

  static Answer answer(
      byte[] requestBytes, SigningCredential signer, WanTechnology wan, RequestId answering) {
    Document doc = SecureXml.withDefaults().parse(requestBytes);
    new DuisSignatureVerifier(CertificateResolver.of(USER_KEY.certificate())).verify(doc);
    DuisCodec codec = new DuisCodec();
    ServiceRequest request = codec.readRequest(doc);
    RequestWanMatrix body = (RequestWanMatrix) request.body();
    ServiceResponse response =
        new ServiceResponse(
            request.schemaVersion(),
            ResponseHeader.answering(
                answering != null ? answering : request.header().requestId(), ResponseCode.I0, NOW),
            WanMatrixResponse.flat(
                body,
                CspRegion.SOUTH,
                WanCoverage.of(true, wan, ConnectivityLikelihood.HIGH)
                    .withAnticipatedCoverageDate(null)));
    Document out = codec.writeResponse(response);
    new DuisSigner(signer).sign(out);
    return new Answer(200, codec.toBytes(out));
  }

  @Test
  void requestsTheWanMatrixByAddressAndReadsABlankVariantAsUnknown() {
    DuisClient client = client().build();
    WanMatrixResult result =
        client.requestWanMatrix(new PartialAddress("M22 0RR", "Threapwood Road"));
    assertThat(seen).containsExactly("POST /api/v1/serviceD application/xml");
    assertThat(result.responseCode()).isEqualTo(ResponseCode.I0);
    assertThat(result.entries()).hasSize(1);
    WanMatrixEntry entry = result.entries().get(0);
    assertThat(entry.result().region()).isEqualTo(CspRegion.SOUTH);
    assertThat(entry.wanVariant())
        .get()
        .extracting(WanVariant::kind)
        .isEqualTo(WanVariant.Kind.UNKNOWN);
    RequestId id = result.request().header().requestId();
    assertThat(id.originator()).isEqualTo(USER);
    assertThat(id.target()).isEqualTo(DCC);
    assertThat(id.counter()).isEqualTo(NOW.getEpochSecond() * 1_000_000L);
  }

  @Test
  void beforeTheJune2021ReleaseABlankVariantIsUnspecified() {
    DuisClient client = client().baseline(Baseline.PRE_JUNE_2021).build();
    WanMatrixResult result = client.requestWanMatrix(Uprn.of(100023336956L));
    assertThat(result.entries().get(0).wanVariant())
        .get()
        .extracting(WanVariant::kind)
        .isEqualTo(WanVariant.Kind.UNSPECIFIED);
  }

  @Test
  void countersStrictlyIncreaseEvenWhenTheClockStandsStill() {
    DuisClient client = client().build();
    long a = client.requestWanMatrix(Uprn.of(1)).request().header().requestId().counter();
    long b = client.requestWanMatrix(Uprn.of(2)).request().header().requestId().counter();
    assertThat(b).isGreaterThan(a);
  }

  @Test
  void anErrorAnswerWithoutBodyHasNoEntries() {
    dcc =
        bytes -> {
          ServiceRequest request =
              new DuisCodec().readRequest(SecureXml.withDefaults().parse(bytes));
          ServiceResponse response =
              new ServiceResponse(
                  request.schemaVersion(),
                  ResponseHeader.answering(
                      request.header().requestId(), ResponseCode.parse("E120101"), NOW),
                  NoBody.INSTANCE);
          DuisCodec codec = new DuisCodec();
          Document out = codec.writeResponse(response);
          new DuisSigner(DCC_KEY).sign(out);
          return new Answer(200, codec.toBytes(out));
        };
    WanMatrixResult result = client().build().requestWanMatrix(Uprn.of(7));
    assertThat(result.responseCode()).isEqualTo(ResponseCode.parse("E120101"));
    assertThat(result.entries()).isEmpty();
  }

  @Test
  void anErrorAnswerNamingOnlyItsSrHasNoEntriesButAnotherSrIsRefused() {
    for (String srv : List.of("12.1", "12.2")) {
      dcc =
          bytes -> {
            ServiceRequest request =
                new DuisCodec().readRequest(SecureXml.withDefaults().parse(bytes));
            ServiceResponse response =
                new ServiceResponse(
                    request.schemaVersion(),
                    ResponseHeader.answering(
                        request.header().requestId(), ResponseCode.parse("E19"), NOW),
                    RawResponseBody.empty(ServiceReferenceVariant.parse(srv)));
            DuisCodec codec = new DuisCodec();
            Document out = codec.writeResponse(response);
            new DuisSigner(DCC_KEY).sign(out);
            return new Answer(200, codec.toBytes(out));
          };
      if (srv.equals("12.1")) {
        WanMatrixResult result = client().build().requestWanMatrix(Uprn.of(7));
        assertThat(result.responseCode()).isEqualTo(ResponseCode.parse("E19"));
        assertThat(result.entries()).isEmpty();
      } else {
        assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(7)))
            .isInstanceOf(InvalidResponseException.class);
      }
    }
  }

  @Test
  void anAnswerNotSignedByTheDccIsRefused() {
    dcc = bytes -> answer(bytes, USER_KEY, WanTechnology.UNKNOWN, null);
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(ResponseVerificationException.class)
        .cause()
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e ->
                assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.UNKNOWN_SIGNER));
  }

  @Test
  void aTamperedOrUnsignedAnswerIsRefused() {
    dcc =
        bytes -> {
          Answer a = answerAsTheDcc(bytes);
          String s = new String(a.body(), StandardCharsets.UTF_8).replace(">South<", ">North<");
          return new Answer(200, s.getBytes(StandardCharsets.UTF_8));
        };
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(ResponseVerificationException.class)
        .cause()
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.BAD_DIGEST));
    dcc =
        bytes -> {
          String s = new String(answerAsTheDcc(bytes).body(), StandardCharsets.UTF_8);
          s = s.substring(0, s.indexOf("<ds:Signature")) + "</sr:Response>";
          return new Answer(200, s.getBytes(StandardCharsets.UTF_8));
        };
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(ResponseVerificationException.class)
        .cause()
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.NO_SIGNATURE));
  }

  @Test
  void aHostileAnswerIsRefusedByTheParser() {
    dcc =
        bytes ->
            new Answer(
                200,
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
                    .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(ResponseVerificationException.class)
        .cause()
        .isInstanceOfSatisfying(
            XmlRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(XmlRejectedException.Reason.DOCTYPE));
  }

  @Test
  void anAnswerToAnotherRequestIsInvalid() {
    RequestId other = RequestId.parse("90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1");
    dcc = bytes -> answer(bytes, DCC_KEY, WanTechnology.UNKNOWN, other);
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining(other.toString());
  }

  @Test
  void aNon2xxStatusCarriesTheStatusAndShortMessage() {
    dcc =
        bytes ->
            new Answer(
                400,
                ("request not readable\n" + "x".repeat(5000)).getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> client().build().requestWanMatrix(Uprn.of(1)))
        .isInstanceOfSatisfying(
            DuisHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.serverMessage())
                  .startsWith("request not readable")
                  .hasSizeLessThanOrEqualTo(200);
            });
  }

  @Test
  void transportFailuresAreTransportExceptions() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    DuisClient refused =
        client()
            .transport(
                HttpDuisTransport.builder(URI.create("http://127.0.0.1:" + closedPort)).build())
            .build();
    assertThatThrownBy(() -> refused.requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(DuisTransportException.class);

    dcc =
        bytes -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return answerAsTheDcc(bytes);
        };
    DuisClient impatient =
        client()
            .transport(
                HttpDuisTransport.builder(endpoint())
                    .requestTimeout(Duration.ofMillis(300))
                    .build())
            .build();
    assertThatThrownBy(() -> impatient.requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(DuisTransportException.class)
        .hasMessageContaining("in time");
  }

  @Test
  void anOversizedAnswerIsATransportException() {
    dcc = bytes -> new Answer(200, new byte[2048]);
    DuisClient client =
        client()
            .transport(HttpDuisTransport.builder(endpoint()).maxResponseBytes(1024).build())
            .build();
    assertThatThrownBy(() -> client.requestWanMatrix(Uprn.of(1)))
        .isInstanceOf(DuisTransportException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void oneClientServesManyThreadsWithDistinctCounters() throws Exception {
    DuisTransport inProcess =
        (path, body) -> {
          Answer a = answerAsTheDcc(body);
          return new TransportResponse(a.status(), a.body());
        };
    DuisClient client = client().transport(inProcess).build();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Long>> counters = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        long uprn = i + 1;
        counters.add(
            threads.submit(
                () -> {
                  WanMatrixResult r = client.requestWanMatrix(Uprn.of(uprn));
                  assertThat(r.response().header().requestId())
                      .contains(r.request().header().requestId());
                  return r.request().header().requestId().counter();
                }));
      }
      java.util.Set<Long> distinct = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Long> f : counters) {
        distinct.add(f.get());
      }
      assertThat(distinct).hasSize(40);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void anyServiceRequestCanBeSentThroughAnInProcessTransport() {
    DuisTransport inProcess =
        (path, body) -> {
          assertThat(path).isEqualTo("/api/v1/serviceD");
          Answer a = answerAsTheDcc(body);
          return new TransportResponse(a.status(), a.body());
        };
    DuisClient client = client().transport(inProcess).build();
    ServiceRequest request =
        client.newRequest(
            io.dccsim.core.value.ServiceReferenceVariant.REQUEST_WAN_MATRIX,
            io.dccsim.core.value.CommandVariant.NON_DEVICE,
            client.dccId(),
            RequestWanMatrix.byUprn(Uprn.of(42)));
    ServiceResponse response = client.send(request);
    assertThat(response.header().requestId()).contains(request.header().requestId());
    assertThat(response.body()).isInstanceOf(WanMatrixResponse.class);
  }

  @Test
  void inOrderClientsSharingACounterReachTheDccInCounterOrder() throws Exception {
    // The fake DCC records the counters in arrival order, with a pause to let others overtake.
    List<Long> arrived = new CopyOnWriteArrayList<>();
    DuisTransport slowDcc =
        (path, body) -> {
          String text = new String(body, StandardCharsets.UTF_8);
          int at = text.indexOf("RequestID>") + "RequestID>".length();
          String id = text.substring(at, text.indexOf('<', at));
          arrived.add(Long.parseLong(id.substring(id.lastIndexOf(':') + 1)));
          Thread.onSpinWait();
          Answer a = answerAsTheDcc(body);
          return new TransportResponse(a.status(), a.body());
        };
    RequestCounter shared = RequestCounter.fromClock(Clock.fixed(NOW, ZoneOffset.UTC));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        DuisClient client = client().transport(slowDcc).counter(shared).inOrder(true).build();
        long uprn = i + 1;
        done.add(threads.submit(() -> client.requestWanMatrix(Uprn.of(uprn))));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(arrived).hasSize(40).isSorted().doesNotHaveDuplicates();
  }
}
