package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ControlServerTest {

  @Test
  void servesTheApiOnLoopbackWithTheToken() throws Exception {
    HarnessState state =
        HarnessState.create(10, SimulatedClock.fixed(Instant.parse("2021-06-24T00:00:00Z")));
    BearerToken token = BearerToken.random();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    try (ControlServer server = ControlServer.start(state, token)) {
      URI base = server.baseUri();
      assertThat(base.getHost()).isEqualTo("127.0.0.1");
      assertThat(server.port()).isPositive();

      HttpResponse<String> denied =
          http.send(
              HttpRequest.newBuilder(base.resolve("clock")).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(denied.statusCode()).isEqualTo(401);

      HttpResponse<String> clock =
          http.send(
              HttpRequest.newBuilder(base.resolve("clock"))
                  .header("Authorization", token.authorizationHeader())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(clock.statusCode()).isEqualTo(200);
      assertThat(clock.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(clock.body()).contains("\"now\":\"2021-06-24T00:00:00Z\"");

      HttpResponse<String> created =
          http.send(
              HttpRequest.newBuilder(base.resolve("scenarios"))
                  .header("Authorization", token.authorizationHeader())
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"match\":{\"uprn\":\"100023336956\"},"
                              + "\"effects\":[{\"type\":\"connectionReset\"}]}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(state.scenarios().list()).hasSize(1);

      HttpResponse<String> tooBig =
          http.send(
              HttpRequest.newBuilder(base.resolve("scenarios"))
                  .header("Authorization", token.authorizationHeader())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "x".repeat(ControlApi.MAX_BODY_BYTES + 1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(tooBig.statusCode()).isEqualTo(413);
    }
  }
}
