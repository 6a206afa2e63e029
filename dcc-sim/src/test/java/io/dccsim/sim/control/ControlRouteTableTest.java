package io.dccsim.sim.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.time.SimulatedClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The route table: extra routes, template parameters, 404 and 405 derived from it. */
class ControlRouteTableTest {
  private static final BearerToken TOKEN = BearerToken.of("route-table-token-0123");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HarnessState state =
      HarnessState.create(10, SimulatedClock.fixed(Instant.parse("2021-06-23T12:00:00Z")));

  private static ControlResponse call(ControlApi api, String method, String uri) {
    return api.handle(
        new ControlRequest(method, uri, Optional.of(TOKEN.authorizationHeader()), new byte[0]));
  }

  @Test
  void anExtraRouteIsAnsweredWithItsPathParametersAndListed() throws Exception {
    List<Map<String, String>> seen = new ArrayList<>();
    ControlRoute extracts =
        ControlRoute.of(
            "get",
            "/control/extracts/{day}",
            (p, q, b) -> {
              seen.add(p);
              seen.add(q);
              return new ControlResponse(
                  200,
                  "application/json",
                  Map.of(),
                  "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
            });
    ControlApi api = new ControlApi(state, TOKEN, List.of(extracts));
    assertThat(api.routes()).contains(extracts);
    assertThat(extracts.method()).isEqualTo("GET");

    assertThat(call(api, "GET", "/control/extracts/2021-06-24?kind=delta").status()).isEqualTo(200);
    assertThat(seen).containsExactly(Map.of("day", "2021-06-24"), Map.of("kind", "delta"));

    ControlResponse wrongMethod = call(api, "DELETE", "/control/extracts/2021-06-24");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers()).containsEntry("Allow", "GET");
    assertThat(call(api, "GET", "/control/extracts").status()).isEqualTo(404);
    assertThat(call(api, "GET", "/control/extracts/a/b").status()).isEqualTo(404);

    JsonNode index = JSON.readTree(call(api, "GET", "/control/").body());
    assertThat(index.path("openapi").asText()).isEqualTo("/openapi.json");
    List<String> listed = new ArrayList<>();
    index.path("routes").forEach(r -> listed.add(r.asText()));
    assertThat(listed).contains("GET /control/extracts/{day}", "PUT /control/clock");
    assertThat(listed).hasSameSizeAs(api.routes());
  }

  @Test
  void anExtraRouteMayNotShadowAnOwnOne() {
    ControlRoute clash = ControlRoute.of("GET", "/control/clock", (p, q, b) -> null);
    assertThatThrownBy(() -> new ControlApi(state, TOKEN, List.of(clash)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GET /control/clock");
    assertThatThrownBy(() -> ControlRoute.of("GET", "control/x", (p, q, b) -> null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ControlRoute.of("GET", "/control//x", (p, q, b) -> null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aHandlersIllegalArgumentIsAClientErrorWithItsMessage() throws Exception {
    ControlApi api =
        new ControlApi(
            state,
            TOKEN,
            List.of(
                ControlRoute.of(
                    "POST",
                    "/control/things",
                    (p, q, b) -> {
                      throw new IllegalArgumentException("a thing needs a name");
                    })));
    ControlResponse r = call(api, "POST", "/control/things");
    assertThat(r.status()).isEqualTo(400);
    assertThat(JSON.readTree(r.body()).path("detail").asText()).isEqualTo("a thing needs a name");
  }

  @Test
  void withoutARegistryTheUsersRoutesSaySoAndTheOpenApiDocumentNeedsNoToken() throws Exception {
    ControlApi api = new ControlApi(state, TOKEN);
    ControlResponse users = call(api, "GET", "/control/users");
    assertThat(users.status()).isEqualTo(400);
    assertThat(JSON.readTree(users.body()).path("error").asText()).isEqualTo("no user registry");

    ControlResponse doc =
        api.handle(new ControlRequest("GET", "/openapi.json?x=1", Optional.empty(), new byte[0]));
    assertThat(doc.status()).isEqualTo(200);
    assertThat(JSON.readTree(doc.body()).path("openapi").asText()).startsWith("3.");
    // Everything else still needs the token.
    assertThat(
            api.handle(new ControlRequest("GET", "/control", Optional.empty(), new byte[0]))
                .status())
        .isEqualTo(401);
  }
}
