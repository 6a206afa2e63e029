package io.dccsim.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The in-process simulator's control API serves the console too, with the handle's token. */
@DccSimulatorTest(startAt = "2021-07-01T09:00:00Z", controlApi = true)
class ConsoleInProcessTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theConsoleIsOnTheControlPort(DccSimulatorHandle dcc) throws Exception {
    URI control = dcc.controlUri().orElseThrow();
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(control.resolve("/console/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("dccsim console");
    HttpResponse<String> release =
        http.send(
            HttpRequest.newBuilder(control.resolve("/control/release"))
                .header("Authorization", dcc.controlToken().orElseThrow().authorizationHeader())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(release.statusCode()).isEqualTo(200);
    assertThat(release.body()).contains("\"baseline\":\"JUNE_2021\"");
  }
}
