package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.xml.Mangling;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.pipeline.UserRegistry;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.LoggerFactory;

/**
 * Good control API requests, each mangled in one way (a character changed, cut short, a stretch
 * deleted or repeated, a hostile fragment inserted): every one is answered with a JSON body and a
 * client status, never a 500, and nothing is logged as a server fault.
 */
class MangledControlRequestPropertiesTest {
  private static final BearerToken TOKEN = BearerToken.of("test-token-0123456789");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A good request of each kind that has a body or a query. */
  record Good(String method, String uri, String body) {}

  private static final List<Good> GOOD =
      List.of(
          new Good(
              "POST",
              "/control/scenarios",
              "{\"match\":{\"uprn\":\"100023336956\",\"postcode\":\"M22 0RR\"},"
                  + "\"effects\":[{\"type\":\"delay\",\"millis\":5},"
                  + "{\"type\":\"responseCode\",\"code\":\"E120101\"}],\"times\":2}"),
          new Good("POST", "/control/scenarios/seed", "{\"seed\": 42}"),
          new Good(
              "POST",
              "/control/coverage",
              "{\"postcode\":\"M22 0RR\",\"answer\":\"notCovered\",\"date\":\"2022-03-01\","
                  + "\"region\":\"South\"}"),
          new Good(
              "POST",
              "/control/journal/verify",
              "{\"match\":{\"postcode\":\"M22 0RR\",\"responseCode\":\"I0\"},"
                  + "\"count\":{\"exactly\":0}}"),
          new Good("GET", "/control/journal?postcode=M22%200RR&limit=10&bodies=true", ""),
          new Good("GET", "/control/journal/count?originator=90-B3-D5-1F-30-01-00-00", ""),
          new Good("PUT", "/control/clock", "{\"now\":\"2021-06-23T23:00:00Z\",\"rate\":1.5}"),
          new Good("POST", "/control/clock/advance", "{\"by\":\"PT24H\"}"),
          new Good("POST", "/control/clock/rate", "{\"rate\":60}"),
          new Good("POST", "/control/baseline/pin", "{\"baseline\":\"PRE_JUNE_2021\"}"),
          new Good(
              "POST", "/control/users", "{\"eui\":\"90-B3-D5-1F-30-02-00-00\",\"role\":\"ED\"}"),
          new Good("GET", "/control/users/90-B3-D5-1F-30-02-00-00", ""),
          new Good(
              "POST",
              "/control/invoices?format=csv",
              "{\"period\":\"2021-06\",\"baseline\":\"by-date\",\"parties\":["
                  + "{\"id\":\"SUPA\",\"name\":\"Alpha\",\"roles\":[\"IMPORT_SUPPLIER\"],"
                  + "\"allocationWeight\":6},"
                  + "{\"id\":\"OU1\",\"name\":\"Insight\",\"roles\":[\"Other User\"]}],"
                  + "\"items\":[{\"type\":\"FIXED_CHARGE\",\"party\":\"SUPA\",\"amount\":12000.00},"
                  + "{\"type\":\"PRIVACY_ASSESSMENT\",\"assessedParty\":\"OU1\",\"amount\":3000.01,"
                  + "\"date\":\"2021-06-28\",\"panelRequested\":false},"
                  + "{\"type\":\"CH_FINANCE_CHARGE\",\"party\":\"SUPA\",\"amount\":250.50,"
                  + "\"date\":\"2021-06-30\",\"separateInvoiceRequired\":true}]}"));

  private static final List<String> FRAGMENTS =
      List.of(
          "null",
          "{",
          "}",
          "[",
          "\"",
          "\\u0000",
          "-1",
          "1e999",
          "99999999999999999999999",
          "-99999999999999999999999",
          "NaN",
          "\"P99999999999D\"",
          "\"+999999999-12-31T23:59:59Z\"",
          "\"\"",
          ",\"x\":[]",
          "é",
          "%",
          "&limit=");

  private ControlApi api;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeProperty
  void start() {
    HarnessState state =
        new HarnessState(
            new RequestJournal(100, Duration.ZERO),
            new Scenarios(),
            SimulatedClock.fixed(Instant.parse("2021-06-20T12:00:00Z")),
            BaselinePolicy.byDate(),
            BaselineSetting.holding(BaselinePolicy.byDate()),
            Optional.of(new CoverageOverlay(q -> new CoverageAnswer.Unavailable())),
            Optional.of(new UserRegistry()),
            () -> {});
    api = new ControlApi(state, TOKEN);
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    logs.start();
  }

  @AfterProperty
  void stop() {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  /** A good request, mangled in its body, or in its URI when it has no body. */
  record Mangled(Good good, Mangling mangling) {
    ControlRequest toRequest() {
      boolean inUri = good.body().isEmpty();
      return new ControlRequest(
          good.method(),
          inUri ? mangling.apply(good.uri()) : good.uri(),
          Optional.of(TOKEN.authorizationHeader()),
          inUri ? new byte[0] : mangling.apply(good.body().getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Provide
  Arbitrary<Mangled> mangled() {
    return Combinators.combine(Arbitraries.of(GOOD), Mangling.arbitrary(FRAGMENTS, 40))
        .as(Mangled::new);
  }

  @Example
  void theGoodRequestsAreAnsweredAsDocumented() {
    for (Good good : GOOD) {
      ControlResponse r =
          api.handle(
              new ControlRequest(
                  good.method(),
                  good.uri(),
                  Optional.of(TOKEN.authorizationHeader()),
                  good.body().getBytes(StandardCharsets.UTF_8)));
      assertThat(r.status())
          .as(good.uri() + " " + new String(r.body(), StandardCharsets.UTF_8))
          .isIn(200, 201);
    }
  }

  @Property(tries = 1500)
  void everyMangledRequestGetsAClientAnswer(@ForAll("mangled") Mangled m) throws Exception {
    ControlRequest request = m.toRequest();
    ControlResponse r = api.handle(request);

    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.status()).as(request.uri() + " " + body).isIn(200, 201, 400, 404, 405, 409);
    if (r.contentType().startsWith("application/json")) {
      JsonNode json = JSON.readTree(r.body());
      if (r.status() >= 400 && r.status() != 409) {
        assertThat(json.path("error").asText()).isNotBlank();
        assertThat(json.path("detail").asText()).doesNotContain("at io.");
      }
    } else {
      assertThat(r.status()).as(body).isEqualTo(200);
      assertThat(r.contentType()).startsWith("text/csv");
    }
    assertThat(logs.list)
        .as("nothing logged at WARN or ERROR for a client's mistake")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
  }
}
