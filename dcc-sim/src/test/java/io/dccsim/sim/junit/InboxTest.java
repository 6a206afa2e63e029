package io.dccsim.sim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.RequestId;
import io.dccsim.sim.Simulator;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxTest {
  @Test
  void refusesWhatTheDccDidNotSignAndTimesOutClearly() throws Exception {
    try (Simulator dcc = Simulator.builder().start();
        Inbox inbox = Inbox.start(dcc.dccCertificate())) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(inbox.url())
                      .POST(HttpRequest.BodyPublishers.ofString("<sr:Response/>"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(inbox.refused()).hasSize(1);
      assertThat(inbox.received()).isEmpty();
      RequestId id = RequestId.parse("90-B3-D5-1F-30-01-00-00:DE-DC-C5-01-00-00-00-00:1");
      assertThatThrownBy(() -> inbox.awaitResponse(id, Duration.ofMillis(50)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("did not arrive");
    }
  }
}
