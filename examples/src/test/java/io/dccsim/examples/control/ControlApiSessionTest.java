package io.dccsim.examples.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A session as a harness written in any language would run it: plain HTTP, JSON as text, a bearer
 * token. Only the simulator's start-up uses Java here; everything after is what {@code curl} would
 * send.
 */
@DccSimulatorTest(controlApi = true, startAt = "2021-06-23T09:00:00Z", shared = false)
class ControlApiSessionTest {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private URI base;
  private String token;

  private HttpResponse<String> send(String method, String path, String json) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token);
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void drivesTheSimulatorOverHttp(DccSimulatorHandle dcc) throws Exception {
    base = dcc.controlUri().orElseThrow();
    token = dcc.controlToken().orElseThrow().value();

    // Where are we? The day before go-live, so the old rules apply.
    HttpResponse<String> baseline = send("GET", "baseline", null);
    assertThat(baseline.statusCode()).isEqualTo(200);
    assertThat(baseline.body()).contains("\"current\":\"PRE_JUNE_2021\"");

    // A postcode that answers "not found", and one 503 for anything, once.
    HttpResponse<String> created =
        send(
            "POST",
            "scenarios",
            """
            {"match": {"postcode": "M22 0RR"},
             "effects": [{"type": "responseCode", "code": "E120101"}]}
            """);
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"postcode\":\"M22 0RR\"");
    assertThat(
            send(
                    "POST",
                    "scenarios",
                    """
                    {"effects": [{"type": "delay", "millis": 100},
                                 {"type": "serviceUnavailable"}],
                     "times": 1}
                    """)
                .statusCode())
        .isEqualTo(201);
    assertThat(send("GET", "scenarios", null).body()).contains("\"E120101\"", "\"httpStatus\"");

    // SR 12.1 answers for a UPRN: not covered until next spring.
    assertThat(
            send(
                    "POST",
                    "coverage",
                    """
                    {"uprn": 100023336956, "answer": "notCovered", "date": "2022-03-01"}
                    """)
                .statusCode())
        .isEqualTo(201);

    // Cross go-live: the baseline follows the simulated date.
    assertThat(send("POST", "clock/advance", "{\"by\": \"P1D\"}").body())
        .contains("\"now\":\"2021-06-24T09:00:00Z\"");
    assertThat(send("GET", "baseline", null).body()).contains("\"current\":\"JUNE_2021\"");

    // Or pin it, whatever the date.
    assertThat(send("POST", "baseline/pin", "{\"baseline\": \"PRE_JUNE_2021\"}").body())
        .contains("\"pinned\":true");

    // The journal can be read and verified in JSON too.
    HttpResponse<String> verify =
        send(
            "POST",
            "journal/verify",
            "{\"match\": {\"sr\": \"12.1\", \"postcode\": \"M22 0RR\"}, \"count\": 0}");
    assertThat(verify.statusCode()).isEqualTo(200);
    assertThat(verify.body()).contains("\"verified\":true");

    // Mistakes get a 400 with a JSON error, not a stack trace.
    HttpResponse<String> bad = send("POST", "clock/advance", "{\"by\": \"tomorrow\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"error\"", "\"detail\"").doesNotContain("Exception");

    // And back to the start.
    assertThat(send("POST", "reset", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "scenarios", null).body()).isEqualTo("{\"scenarios\":[]}");
    assertThat(send("GET", "clock", null).body()).contains("2021-06-23T09:00:00Z");
  }
}
