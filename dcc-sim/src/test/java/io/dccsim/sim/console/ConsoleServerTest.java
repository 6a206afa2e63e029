package io.dccsim.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.sim.cli.StandaloneSimulator;
import io.dccsim.sim.config.SimulatorConfig;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's server side over real HTTP on a standalone simulator: the pages, the login session,
 * the token refused, the security headers, the journal stream and its bounds, one exchange with its
 * signature checked step by step, and sign-and-send.
 */
class ConsoleServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPLIER = "90-B3-D5-1F-30-01-00-00";
  private static final String WAN_MATRIX =
      "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\""
          + " schemaVersion=\"5.1\"><sr:Header><sr:RequestID>x:90-B3-D5-1F-30-00-00-02:0"
          + "</sr:RequestID><sr:CommandVariant>8</sr:CommandVariant>"
          + "<sr:ServiceReference>12.1</sr:ServiceReference>"
          + "<sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant></sr:Header>"
          + "<sr:Body><sr:RequestWANMatrix><sr:PartialAddress><sr:PostCode>B1 1AB</sr:PostCode>"
          + "<sr:AddressIdentifier>3</sr:AddressIdentifier></sr:PartialAddress>"
          + "</sr:RequestWANMatrix></sr:Body></sr:Request>";

  @TempDir static Path data;

  private static StandaloneSimulator sim;
  private static String token;
  private static URI base;
  private HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.toString());
    f.put("clock-start", "2021-06-23T12:00:00Z");
    sim = StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), f));
    token = Files.readString(data.resolve("pki/control-token"), StandardCharsets.US_ASCII).strip();
    base = sim.control().orElseThrow().baseUri().resolve("/");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String auth() {
    return "Bearer " + token;
  }

  private JsonNode send(String xml) throws Exception {
    ObjectNode in = JSON.createObjectNode().put("user", SUPPLIER).put("xml", xml);
    HttpResponse<String> r =
        post(
            "/control/console/send",
            in.toString(),
            "Authorization",
            auth(),
            "Content-Type",
            "application/json");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void theNewRoutesRefuseRequestsWithoutTheToken() throws Exception {
    for (String path :
        List.of(
            "/control/journal/stream",
            "/control/journal/exchanges/1",
            "/control/endpoints",
            "/control/release",
            "/control/smki/certificates")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(401);
      assertThat(get(path, "Authorization", "Bearer wrong-token-wrong-token").statusCode())
          .as(path)
          .isEqualTo(401);
    }
    assertThat(post("/control/console/send", "{}").statusCode()).isEqualTo(401);
  }

  @Test
  void everyAnswerOfTheControlPortCarriesTheSecurityHeaders() throws Exception {
    for (HttpResponse<String> r :
        List.of(
            get("/console/"),
            get("/console/login"),
            get("/console/assets/console.css"),
            get("/console/nowhere"),
            get("/control/clock"),
            get("/control/clock", "Authorization", auth()),
            get("/openapi.json"))) {
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(csp)
          .as(r.uri().toString())
          .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }
  }

  @Test
  void thePagesAreServedAndNothingElse() throws Exception {
    HttpResponse<String> index = get("/console/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(index.body())
        .contains("<script type=\"module\" src=\"/console/assets/console.js\">");
    assertThat(get("/console/assets/console.js").headers().firstValue("Content-Type"))
        .hasValue("text/javascript; charset=utf-8");
    assertThat(get("/console").statusCode()).isEqualTo(303);
    for (String path :
        List.of(
            "/console/assets/..%2Fassets%2Fconsole.js",
            "/console/assets/%2e%2e/control/ControlApi.class",
            "/console/assets/missing.js",
            "/console/assets/Console.js",
            "/console/index.html")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(404);
    }
  }

  @Test
  void aLoginTradesTheTokenForAnHttpOnlySessionThatChangesNothingWithoutTheConsoleHeader()
      throws Exception {
    String form = "Content-Type";
    HttpResponse<String> wrong =
        post(
            "/console/login",
            "token=not-the-token-at-all",
            form,
            "application/x-www-form-urlencoded");
    assertThat(wrong.statusCode()).isEqualTo(303);
    assertThat(wrong.headers().firstValue("Location")).hasValue("/console/login?failed");
    assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> foreign =
        post(
            "/console/login",
            "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            form,
            "application/x-www-form-urlencoded",
            "Origin",
            "http://elsewhere.example");
    assertThat(foreign.statusCode()).isEqualTo(403);

    HttpResponse<String> ok =
        post(
            "/console/login",
            "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
            form,
            "application/x-www-form-urlencoded");
    assertThat(ok.statusCode()).isEqualTo(303);
    assertThat(ok.headers().firstValue("Location")).hasValue("/console/");
    String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie).contains("HttpOnly", "SameSite=Strict", "Path=/").doesNotContain(token);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));

    assertThat(get("/control/clock", "Cookie", cookie).statusCode()).isEqualTo(200);
    // A cross-site form can send the cookie, never the header: without it nothing changes.
    assertThat(post("/control/clock/freeze", "", "Cookie", cookie).statusCode()).isEqualTo(401);
    assertThat(
            post("/control/clock/rate", "{\"rate\": 1}", "Cookie", cookie, "X-Dccsim-Console", "1")
                .statusCode())
        .isEqualTo(200);
    assertThat(get("/control/clock", "Cookie", "dccsim-console=made-up").statusCode())
        .isEqualTo(401);

    HttpResponse<String> out = post("/console/logout", "", "Cookie", cookie);
    assertThat(out.statusCode()).isEqualTo(303);
    assertThat(out.headers().firstValue("Set-Cookie").orElseThrow()).contains("Max-Age=0");
    assertThat(get("/control/clock", "Cookie", cookie).statusCode()).isEqualTo(401);
  }

  @Test
  void signAndSendAnswersTheRequestAndReadsMp106UnderTheBaselineInForce() throws Exception {
    put("/control/clock", "{\"now\": \"2021-06-01T10:00:00Z\"}");
    JsonNode before = send(WAN_MATRIX);
    assertThat(before.path("status").asInt()).isEqualTo(200);
    assertThat(before.path("responseCode").asText()).isEqualTo("I0");
    assertThat(before.path("verdict").asText()).isEqualTo("ANSWERED");
    assertThat(before.path("requestId").asText())
        .startsWith(SUPPLIER + ":90-B3-D5-1F-30-00-00-02:");
    assertThat(before.path("request").asText()).contains("<ds:SignatureValue>");
    assertThat(before.path("wanTechnology").get(0).path("sent").asText()).isEqualTo(" ");
    assertThat(before.path("wanTechnology").get(0).path("meaning").asText())
        .isEqualTo("UNSPECIFIED");
    put("/control/clock", "{\"now\": \"2021-07-01T10:00:00Z\"}");
    JsonNode after = send(WAN_MATRIX);
    assertThat(after.path("wanTechnology").get(0).path("meaning").asText()).isEqualTo("UNKNOWN");
    assertThat(after.path("wanTechnology").get(0).path("baseline").asText()).isEqualTo("JUNE_2021");

    HttpResponse<String> noKey =
        post(
            "/control/console/send",
            "{\"user\": \"90-B3-D5-1F-30-0F-00-00\", \"xml\": \"<x/>\"}",
            "Authorization",
            auth());
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(noKey.body()).contains("no test key");
    HttpResponse<String> notDuis =
        post(
            "/control/console/send",
            "{\"user\": \"" + SUPPLIER + "\", \"xml\": \"<x/>\"}",
            "Authorization",
            auth());
    assertThat(notDuis.statusCode()).isEqualTo(400);
    assertThat(notDuis.body()).contains("sr:Request");
    HttpResponse<String> extra =
        post(
            "/control/console/send",
            "{\"user\": \"" + SUPPLIER + "\", \"xml\": \"<x/>\", \"sign\": false}",
            "Authorization",
            auth());
    assertThat(extra.statusCode()).isEqualTo(400);
  }

  @Test
  void anOpenedExchangeNamesTheStepAtWhichATamperedSignatureFailed() throws Exception {
    JsonNode sent = send(WAN_MATRIX);
    String tampered = sent.path("request").asText().replace("B1 1AB", "B1 1AC");
    HttpResponse<String> answer =
        http.send(
            HttpRequest.newBuilder(URI.create(sim.simulator().endpoint("/api/v1/serviceD")))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(tampered))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.body()).contains("<sr:ResponseCode>E1</sr:ResponseCode>");
    JsonNode journal =
        JSON.readTree(
            get("/control/journal?verdict=REFUSED_AUTHENTICATION", "Authorization", auth()).body());
    JsonNode exchanges = journal.path("exchanges");
    long sequence = exchanges.get(exchanges.size() - 1).path("sequence").asLong();

    JsonNode x =
        JSON.readTree(
            get("/control/journal/exchanges/" + sequence, "Authorization", auth()).body());
    assertThat(x.path("reason").asText()).contains("does not match its signed digest");
    assertThat(x.path("requestBody").asText()).contains("B1 1AC");
    List<String> outcomes = new ArrayList<>();
    x.path("signatureCheck")
        .forEach(s -> outcomes.add(s.path("id").asText() + "=" + s.path("outcome").asText()));
    assertThat(outcomes)
        .containsExactly(
            "xml=PASSED",
            "signature=PASSED",
            "structure=PASSED",
            "algorithms=PASSED",
            "reference=PASSED",
            "certificate=PASSED",
            "digest=FAILED",
            "signatureValue=NOT_REACHED",
            "signer=NOT_REACHED");
    assertThat(x.path("signatureCheck").get(4).path("detail").asText())
        .contains("enveloped-signature then exclusive C14N");
    assertThat(x.path("signatureCheck").get(6).path("detail").asText()).contains("BAD_DIGEST");
    assertThat(x.path("curl").asText()).startsWith("curl ").contains("/api/v1/serviceD");

    // The untampered one passes every step.
    JsonNode good =
        JSON.readTree(
            get(
                    "/control/journal/exchanges/" + sent.path("sequence").asLong(),
                    "Authorization",
                    auth())
                .body());
    good.path("signatureCheck")
        .forEach(s -> assertThat(s.path("outcome").asText()).as(s.toString()).isEqualTo("PASSED"));

    assertThat(get("/control/journal/exchanges/999999", "Authorization", auth()).statusCode())
        .isEqualTo(404);
    assertThat(get("/control/journal/exchanges/twelve", "Authorization", auth()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theReleaseEndpointsAndCertificatesAreListed() throws Exception {
    put("/control/clock", "{\"now\": \"2021-06-23T22:59:00Z\"}");
    JsonNode before = JSON.readTree(get("/control/release", "Authorization", auth()).body());
    assertThat(before.path("baseline").asText()).isEqualTo("PRE_JUNE_2021");
    assertThat(before.path("modifications")).hasSize(5);
    before.path("modifications").forEach(m -> assertThat(m.path("inForce").asBoolean()).isFalse());
    put("/control/clock", "{\"now\": \"2021-06-23T23:00:01Z\"}");
    JsonNode after = JSON.readTree(get("/control/release", "Authorization", auth()).body());
    assertThat(after.path("baseline").asText()).isEqualTo("JUNE_2021");
    after.path("modifications").forEach(m -> assertThat(m.path("inForce").asBoolean()).isTrue());

    JsonNode endpoints = JSON.readTree(get("/control/endpoints", "Authorization", auth()).body());
    assertThat(endpoints.path("endpoints").path("duis").asText())
        .isEqualTo(sim.simulator().baseUrl());

    JsonNode certs =
        JSON.readTree(
            get("/control/smki/certificates?status=IN_USE&limit=3", "Authorization", auth())
                .body());
    assertThat(certs.path("certificates")).hasSize(3);
    certs
        .path("certificates")
        .forEach(c -> assertThat(c.path("status").asText()).isEqualTo("IN_USE"));
    assertThat(certs.path("count").asLong()).isGreaterThanOrEqualTo(3);
    assertThat(certs.toString()).doesNotContain("PRIVATE KEY");
    assertThat(get("/control/smki/certificates?limit=501", "Authorization", auth()).statusCode())
        .isEqualTo(400);
    assertThat(get("/control/smki/certificates?colour=red", "Authorization", auth()).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theJournalStreamSendsTheBacklogThenEachExchangeLiveAndIsBounded() throws Exception {
    send(WAN_MATRIX);
    send(WAN_MATRIX);
    send(WAN_MATRIX);
    assertThat(get("/control/journal/stream?backlog=201", "Authorization", auth()).statusCode())
        .isEqualTo(400);
    assertThat(get("/control/journal/stream?colour=red", "Authorization", auth()).statusCode())
        .isEqualTo(400);

    HttpResponse<InputStream> stream =
        http.send(
            HttpRequest.newBuilder(base.resolve("/control/journal/stream?backlog=2"))
                .header("Authorization", auth())
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    assertThat(stream.headers().firstValue("Content-Type"))
        .hasValue("text/event-stream; charset=utf-8");
    assertThat(stream.headers().firstValue("Content-Security-Policy")).isPresent();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      List<String> first = events(in, 2);
      assertThat(first).hasSize(2);
      JsonNode live = send(WAN_MATRIX);
      List<String> next = events(in, 1);
      assertThat(JSON.readTree(next.get(0)).path("sequence").asLong())
          .isEqualTo(live.path("sequence").asLong());
      assertThat(JSON.readTree(next.get(0)).has("requestBody")).isFalse();

      // At most eight streams at once (this one and seven more); the ninth is refused.
      List<CompletableFuture<HttpResponse<InputStream>>> more = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        HttpResponse<InputStream> r =
            http.send(
                HttpRequest.newBuilder(base.resolve("/control/journal/stream?backlog=0"))
                    .header("Authorization", auth())
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        more.add(CompletableFuture.completedFuture(r));
      }
      HttpResponse<String> ninth = get("/control/journal/stream", "Authorization", auth());
      assertThat(ninth.statusCode()).isEqualTo(503);
      for (CompletableFuture<HttpResponse<InputStream>> r : more) {
        r.get(1, TimeUnit.SECONDS).body().close();
      }
    }
    // The server closes the connections of the streams given up; a fresh client does not try to
    // reuse one of them for the next request.
    http = HttpClient.newHttpClient();
    // Resumed after the last event seen: only what came later.
    long last = send(WAN_MATRIX).path("sequence").asLong();
    JsonNode newest = send(WAN_MATRIX);
    HttpResponse<InputStream> resumed =
        sendWithRetry(
            HttpRequest.newBuilder(base.resolve("/control/journal/stream?backlog=0"))
                .header("Authorization", auth())
                .header("Last-Event-ID", Long.toString(last))
                .build());
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(resumed.body(), StandardCharsets.UTF_8))) {
      List<String> after = events(in, 1);
      assertThat(JSON.readTree(after.get(0)).path("sequence").asLong())
          .isEqualTo(newest.path("sequence").asLong());
    }
  }

  /** The streams closed a moment ago may still count: try again for a few seconds. */
  private HttpResponse<InputStream> sendWithRetry(HttpRequest request) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (true) {
      HttpResponse<InputStream> r = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (r.statusCode() != 503 || System.nanoTime() > deadline) {
        assertThat(r.statusCode()).isEqualTo(200);
        return r;
      }
      r.body().close();
      Thread.sleep(200);
    }
  }

  /** The data of the next {@code n} exchange events. */
  private static List<String> events(BufferedReader in, int n) throws Exception {
    List<String> out = new ArrayList<>();
    String event = null;
    while (out.size() < n) {
      String line = in.readLine();
      assertThat(line).as("the stream ended early").isNotNull();
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ") && "exchange".equals(event)) {
        out.add(line.substring(6));
      }
    }
    return out;
  }

  private void put(String path, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", auth())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }
}
