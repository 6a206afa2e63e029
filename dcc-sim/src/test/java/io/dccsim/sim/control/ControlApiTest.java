package io.dccsim.sim.control;

import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.T0;
import static io.dccsim.sim.journal.SyntheticExchanges.malformed;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrix;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrixFacts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.RequestFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlApiTest {
  private static final BearerToken TOKEN = BearerToken.of("test-token-0123456789");
  private static final ObjectMapper JSON = new ObjectMapper();

  private HarnessState state;
  private ControlApi api;

  @BeforeEach
  void setUp() {
    state =
        new HarnessState(
            new RequestJournal(100, Duration.ZERO),
            new Scenarios(),
            SimulatedClock.fixed(Instant.parse("2021-06-20T12:00:00Z")),
            BaselinePolicy.byDate(),
            BaselineSetting.holding(BaselinePolicy.byDate()),
            () -> {});
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

  @Test
  void refusesWithoutTheToken() throws Exception {
    ControlResponse none =
        api.handle(new ControlRequest("GET", "/control/clock", Optional.empty(), new byte[0]));
    ControlResponse wrong =
        api.handle(
            new ControlRequest(
                "GET", "/control/clock", Optional.of("Bearer not-the-token-at-all"), new byte[0]));
    ControlResponse basic =
        api.handle(
            new ControlRequest(
                "GET", "/control/clock", Optional.of("Basic " + TOKEN.value()), new byte[0]));
    for (ControlResponse r : new ControlResponse[] {none, wrong, basic}) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(json(r).get("error").asText()).isEqualTo("unauthorized");
      assertThat(r.headers()).containsKey("WWW-Authenticate");
      assertThat(r.bodyText()).doesNotContain(TOKEN.value());
    }
    assertThat(TOKEN.toString()).doesNotContain(TOKEN.value());
  }

  @Test
  void aScenarioShapesADevicesBehaviourForTheRequestsToThatDevice() throws Exception {
    String meter = "00-DB-12-34-56-78-90-A0";
    ControlResponse created =
        call(
            "POST",
            "/control/scenarios",
            "{\"match\":{\"sr\":\"4.1\",\"target\":\"00db1234567890a0\"},"
                + "\"effects\":[{\"type\":\"deviceBehaviour\",\"behaviour\":\"answer:PT5S\"}]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode s = json(created);
    assertThat(s.get("match").get("target").asText()).isEqualTo(meter);
    assertThat(s.get("effects").get(0).get("behaviour").asText()).isEqualTo("answer:PT5S");
    assertThat(s.get("description").asText()).contains("to " + meter);
    RequestFacts toMeter = deviceFacts(meter);
    assertThat(state.scenarios().interventionsFor(toMeter))
        .containsExactly(new Intervention.DeviceBehaviour("answer:PT5S"));
    assertThat(state.scenarios().interventionsFor(deviceFacts("00-DB-12-34-56-78-90-A1")))
        .isEmpty();

    for (String bad :
        java.util.List.of(
            "{\"type\":\"deviceBehaviour\",\"behaviour\":\"sometimes\"}",
            "{\"type\":\"deviceBehaviour\",\"behaviour\":\"no-response:PT5S\"}",
            "{\"type\":\"deviceBehaviour\",\"behaviour\":\"answer:P9D\"}",
            "{\"type\":\"deviceBehaviour\"}")) {
      ControlResponse r = call("POST", "/control/scenarios", "{\"effects\":[" + bad + "]}");
      assertThat(r.status()).as(bad).isEqualTo(400);
      assertThat(json(r).get("error").asText()).as(bad).isIn("invalid effect", "missing field");
    }
    assertThat(
            call(
                    "POST",
                    "/control/scenarios",
                    "{\"match\":{\"target\":\"meter\"},\"effects\":[{\"type\":\"malformedXml\"}]}")
                .status())
        .isEqualTo(400);
  }

  @Test
  void aScenarioMayRaiseAnAlert() throws Exception {
    ControlResponse created =
        call(
            "POST",
            "/control/scenarios",
            "{\"effects\":[{\"type\":\"alert\",\"code\":\"8f66\",\"after\":\"PT5M\"}]}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode e = json(created).get("effects").get(0);
    assertThat(e.get("code").asText()).isEqualTo("8F66");
    assertThat(e.get("after").asText()).isEqualTo("PT5M");
    assertThat(state.scenarios().interventionsFor(deviceFacts("00-DB-12-34-56-78-90-A0")))
        .containsExactly(new Intervention.RaiseAlert("8F66", Duration.ofMinutes(5)));
    for (String bad :
        java.util.List.of(
            "{\"type\":\"alert\",\"code\":\"N32\"}",
            "{\"type\":\"alert\",\"code\":\"8F66\",\"after\":\"soon\"}",
            "{\"type\":\"alert\",\"code\":\"8F66\",\"after\":\"P3D\"}",
            "{\"type\":\"alert\",\"code\":\"8F66\",\"colour\":\"red\"}")) {
      assertThat(call("POST", "/control/scenarios", "{\"effects\":[" + bad + "]}").status())
          .as(bad)
          .isEqualTo(400);
    }
  }

  private static RequestFacts deviceFacts(String device) {
    return new RequestFacts(
        "/api/v1/serviceS",
        "127.0.0.1:50000",
        Optional.of(SUPPLIER),
        Optional.of(SUPPLIER + ":" + device + ":7"),
        Optional.of("4.1"),
        Optional.of("4.1.1"),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void createsListsAndClearsScenarios() throws Exception {
    ControlResponse created =
        call(
            "POST",
            "/control/scenarios",
            "{\"match\":{\"postcode\":\"m220rr\"},"
                + "\"effects\":[{\"type\":\"responseCode\",\"code\":\"E120101\"},"
                + "{\"type\":\"delay\",\"millis\":150}],\"times\":2}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode s = json(created);
    assertThat(s.get("match").get("postcode").asText()).isEqualTo("M22 0RR");
    assertThat(s.get("effects").get(0).get("type").asText()).isEqualTo("delay");
    assertThat(s.get("times").asInt()).isEqualTo(2);

    assertThat(state.scenarios().interventionsFor(wanMatrixFacts(SUPPLIER, "M22 0RR", null)))
        .containsExactly(
            new Intervention.Delay(Duration.ofMillis(150)),
            new Intervention.RespondWithCode("E120101"));

    JsonNode list = json(call("GET", "/control/scenarios", null));
    assertThat(list.get("scenarios")).hasSize(1);
    assertThat(list.get("scenarios").get(0).get("applied").asInt()).isEqualTo(1);
    assertThat(list.get("scenarios").get(0).get("remaining").asInt()).isEqualTo(1);

    long id = s.get("id").asLong();
    assertThat(call("GET", "/control/scenarios/" + id, null).status()).isEqualTo(200);
    assertThat(call("DELETE", "/control/scenarios/" + id, null).status()).isEqualTo(200);
    assertThat(call("DELETE", "/control/scenarios/" + id, null).status()).isEqualTo(404);

    call("POST", "/control/scenarios", "{\"effects\":[{\"type\":\"serviceUnavailable\"}]}");
    assertThat(call("DELETE", "/control/scenarios", null).status()).isEqualTo(200);
    assertThat(state.scenarios().list()).isEmpty();
  }

  @Test
  void badScenariosGet400WithAJsonError() throws Exception {
    String[] bodies = {
      "{",
      "[]",
      "{\"effects\":[]}",
      "{\"effects\":[{\"type\":\"teleport\"}]}",
      "{\"effects\":[{\"type\":\"httpStatus\",\"status\":200}]}",
      "{\"effects\":[{\"type\":\"delay\",\"millis\":-5}]}",
      "{\"effects\":[{\"type\":\"emptyResponse\"},{\"type\":\"malformedXml\"}]}",
      "{\"effects\":[{\"type\":\"emptyResponse\"}],\"times\":0}",
      "{\"effects\":[{\"type\":\"emptyResponse\"}],\"colour\":\"red\"}",
      "{\"match\":{\"originator\":\"not-an-eui\"},\"effects\":[{\"type\":\"emptyResponse\"}]}",
      "{\"effects\":[{\"type\":\"delay\",\"millis\":5,\"jitter\":1}]}",
    };
    for (String body : bodies) {
      ControlResponse r = call("POST", "/control/scenarios", body);
      assertThat(r.status()).as(body).isEqualTo(400);
      JsonNode err = json(r);
      assertThat(err.get("error").asText()).as(body).isNotBlank();
      assertThat(err.get("detail").asText()).as(body).isNotBlank().doesNotContain("at io.");
    }
    assertThat(state.scenarios().list()).isEmpty();
  }

  @Test
  void journalListCountVerifyAndClear() throws Exception {
    state.journal().onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    state.journal().onExchange(wanMatrix(2, SUPPLIER, "M22 0RR", "E120101", T0.plusSeconds(1)));
    state.journal().onExchange(malformed(3, T0.plusSeconds(2)));

    JsonNode list = json(call("GET", "/control/journal?postcode=M22%200RR&bodies=true", null));
    assertThat(list.get("matched").asInt()).isEqualTo(2);
    assertThat(list.get("exchanges").get(0).get("sequence").asLong()).isEqualTo(1);
    assertThat(list.get("exchanges").get(0).get("requestBody").asText()).isEqualTo("<sr:Request/>");
    assertThat(list.get("statistics").get("recorded").asInt()).isEqualTo(3);

    JsonNode limited = json(call("GET", "/control/journal?limit=1", null));
    assertThat(limited.get("exchanges")).hasSize(1);
    assertThat(limited.get("exchanges").get(0).get("sequence").asLong()).isEqualTo(3);
    assertThat(limited.get("truncated").asBoolean()).isTrue();
    assertThat(limited.get("exchanges").get(0).has("requestBody")).isFalse();

    JsonNode count = json(call("GET", "/control/journal/count?sr=12.1&responseCode=E120101", null));
    assertThat(count.get("count").asInt()).isEqualTo(1);
    assertThat(count.get("certain").asBoolean()).isTrue();

    ControlResponse ok =
        call(
            "POST",
            "/control/journal/verify",
            "{\"match\":{\"sr\":\"12.1\",\"postcode\":\"M22 0RR\",\"originator\":\""
                + SUPPLIER
                + "\"},\"count\":{\"exactly\":2}}");
    assertThat(ok.status()).isEqualTo(200);
    assertThat(json(ok).get("verified").asBoolean()).isTrue();

    ControlResponse failed =
        call(
            "POST",
            "/control/journal/verify",
            "{\"match\":{\"verdict\":\"refused_malformed\"},\"count\":2}");
    assertThat(failed.status()).isEqualTo(409);
    assertThat(json(failed).get("verified").asBoolean()).isFalse();
    assertThat(json(failed).get("detail").asText()).contains("but found 1");

    assertThat(call("GET", "/control/journal?colour=red", null).status()).isEqualTo(400);
    assertThat(call("GET", "/control/journal?limit=0", null).status()).isEqualTo(400);
    assertThat(call("GET", "/control/journal?since=yesterday", null).status()).isEqualTo(400);
    assertThat(call("GET", "/control/journal?verdict=GREAT", null).status()).isEqualTo(400);

    assertThat(call("DELETE", "/control/journal", null).status()).isEqualTo(200);
    assertThat(state.journal().entries()).isEmpty();
  }

  @Test
  void verifyReportsAnEvictedWindow() throws Exception {
    HarnessState small = HarnessState.create(1, SimulatedClock.fixed(T0));
    ControlApi smallApi = new ControlApi(small, TOKEN);
    small.journal().onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    small.journal().onExchange(wanMatrix(2, SUPPLIER, "M1 1AA", "I0", T0));
    ControlResponse r =
        smallApi.handle(
            new ControlRequest(
                "POST",
                "/control/journal/verify",
                Optional.of(TOKEN.authorizationHeader()),
                "{\"match\":{\"postcode\":\"M22 0RR\"},\"count\":0}"
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(r.status()).isEqualTo(409);
    assertThat(json(r).get("error").asText()).isEqualTo("journal window evicted");
  }

  @Test
  void clockGetSetAdvanceFreezeRate() throws Exception {
    assertThat(json(call("GET", "/control/clock", null)).get("now").asText())
        .isEqualTo("2021-06-20T12:00:00Z");
    JsonNode set = json(call("PUT", "/control/clock", "{\"now\":\"2021-06-23T23:00:00Z\"}"));
    assertThat(set.get("now").asText()).isEqualTo("2021-06-23T23:00:00Z");
    JsonNode adv = json(call("POST", "/control/clock/advance", "{\"by\":\"PT1H\"}"));
    assertThat(adv.get("now").asText()).isEqualTo("2021-06-24T00:00:00Z");
    assertThat(json(call("POST", "/control/clock/rate", "{\"rate\":60}")).get("rate").asDouble())
        .isEqualTo(60.0);
    assertThat(json(call("POST", "/control/clock/freeze", null)).get("rate").asDouble()).isZero();

    assertThat(call("POST", "/control/clock/advance", "{\"by\":\"a while\"}").status())
        .isEqualTo(400);
    assertThat(call("POST", "/control/clock/rate", "{\"rate\":-1}").status()).isEqualTo(400);
    assertThat(call("PUT", "/control/clock", "{}").status()).isEqualTo(400);
    assertThat(call("DELETE", "/control/clock", null).status()).isEqualTo(405);
  }

  @Test
  void baselineFollowsTheClockUntilPinned() throws Exception {
    JsonNode before = json(call("GET", "/control/baseline", null));
    assertThat(before.get("policy").asText()).isEqualTo("by-date");
    assertThat(before.get("current").asText()).isEqualTo("PRE_JUNE_2021");

    call("PUT", "/control/clock", "{\"now\":\"2021-06-24T12:00:00Z\"}");
    assertThat(json(call("GET", "/control/baseline", null)).get("current").asText())
        .isEqualTo("JUNE_2021");

    JsonNode pinned =
        json(call("POST", "/control/baseline/pin", "{\"baseline\":\"pre-june-2021\"}"));
    assertThat(pinned.get("pinned").asBoolean()).isTrue();
    assertThat(pinned.get("current").asText()).isEqualTo("PRE_JUNE_2021");
    assertThat(state.baselinePolicy()).isEqualTo(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021));

    assertThat(call("POST", "/control/baseline/pin", "{\"baseline\":\"by-date\"}").status())
        .isEqualTo(400);
    assertThat(call("POST", "/control/baseline/pin", "{\"baseline\":\"2030\"}").status())
        .isEqualTo(400);

    JsonNode unpinned = json(call("POST", "/control/baseline/unpin", null));
    assertThat(unpinned.get("pinned").asBoolean()).isFalse();
    assertThat(unpinned.get("current").asText()).isEqualTo("JUNE_2021");
  }

  @Test
  void resetRestoresEverything() {
    state.journal().onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    state.scenarios().forAnyRequest().emptyResponse().always();
    state.clock().advance(Duration.ofDays(10));
    state.pinBaseline(Baseline.JUNE_2021);

    assertThat(call("POST", "/control/reset", null).status()).isEqualTo(200);

    assertThat(state.journal().entries()).isEmpty();
    assertThat(state.scenarios().list()).isEmpty();
    assertThat(state.clock().instant()).isEqualTo(Instant.parse("2021-06-20T12:00:00Z"));
    assertThat(state.baselinePolicy()).isEqualTo(BaselinePolicy.byDate());
  }

  @Test
  void unknownPathsAndMethods() throws Exception {
    assertThat(call("GET", "/control/teapot", null).status()).isEqualTo(404);
    assertThat(call("GET", "/elsewhere", null).status()).isEqualTo(404);
    assertThat(call("GET", "/control/scenarios/abc", null).status()).isEqualTo(400);
    ControlResponse r = call("PATCH", "/control/scenarios", "{}");
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.headers()).containsEntry("Allow", "GET, POST, DELETE");
    assertThat(json(r).get("error").asText()).isEqualTo("method not allowed");
    assertThat(call("GET", "/control/journal?postcode=a&postcode=b", null).status()).isEqualTo(400);
    // Percent-escapes that do not decode, in the path or the query: 400 with a JSON error.
    for (String uri : List.of("/control/journ%l", "/control/journal?postcode=M22%2")) {
      ControlResponse bad = call("GET", uri, null);
      assertThat(bad.status()).as(uri).isEqualTo(400);
      assertThat(json(bad).get("error").asText()).isEqualTo("bad uri");
    }
  }

  @Test
  void shapesCoverageWhenTheSimulatorHasAnOverlay() throws Exception {
    CoverageOverlay overlay = new CoverageOverlay(q -> new CoverageAnswer.Unavailable());
    HarnessState withOverlay =
        new HarnessState(
            new RequestJournal(10, Duration.ZERO),
            new Scenarios(),
            SimulatedClock.fixed(T0),
            BaselinePolicy.byDate(),
            BaselineSetting.holding(BaselinePolicy.byDate()),
            Optional.of(overlay),
            () -> {});
    ControlApi overlayApi = new ControlApi(withOverlay, TOKEN);
    java.util.function.Function<String, ControlResponse> post =
        body ->
            overlayApi.handle(
                new ControlRequest(
                    "POST",
                    "/control/coverage",
                    Optional.of(TOKEN.authorizationHeader()),
                    body.getBytes(StandardCharsets.UTF_8)));

    assertThat(
            post.apply(
                    "{\"postcode\":\"M22 0RR\",\"answer\":\"notCovered\","
                        + "\"date\":\"2022-03-01\",\"region\":\"South\"}")
                .status())
        .isEqualTo(201);
    assertThat(post.apply("{\"uprn\":7,\"answer\":\"notFound\"}").status()).isEqualTo(201);
    CoverageAnswer.Regions r =
        (CoverageAnswer.Regions)
            overlay.answer(new CoverageQuestion.ByAddress("M22 0RR", "Threapwood Road"));
    assertThat(r.regions().get(0).covered()).isFalse();
    assertThat(r.regions().get(0).anticipatedDate()).contains(LocalDate.of(2022, 3, 1));
    assertThat(r.regions().get(0).region()).isEqualTo(CspRegion.SOUTH);
    assertThat(overlay.answer(new CoverageQuestion.ByUprn(7)).responseCode()).isEqualTo("E120101");

    assertThat(post.apply("{\"postcode\":\"M22 0RR\",\"uprn\":7,\"answer\":\"covered\"}").status())
        .isEqualTo(400);
    assertThat(post.apply("{\"postcode\":\"nowhere\",\"answer\":\"covered\"}").status())
        .isEqualTo(400);
    assertThat(post.apply("{\"uprn\":7,\"answer\":\"maybe\"}").status()).isEqualTo(400);
    assertThat(post.apply("{\"uprn\":7,\"answer\":\"covered\",\"region\":\"Mars\"}").status())
        .isEqualTo(400);

    withOverlay.reset();
    assertThat(overlay.size()).isZero();
    // Without an overlay the resource says so.
    assertThat(call("POST", "/control/coverage", "{\"uprn\":7,\"answer\":\"covered\"}").status())
        .isEqualTo(400);
  }

  @Test
  void invoicesRefuseABadSheetWithAJsonError() throws Exception {
    ControlResponse r = call("POST", "/control/invoices", "{\"nonsense\":true}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(call("POST", "/control/invoices?format=pdf", "{}").status()).isEqualTo(400);
  }
}
