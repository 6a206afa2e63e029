package io.dccsim.examples.harness;

import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static io.dccsim.sim.journal.ExpectedCount.once;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.client.WanMatrixResult;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.WanVariant;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DccSimulatorTest(startAt = "2021-06-24T09:00:00Z") // go-live day: the June 2021 rules apply
class FirstHarnessTest {
  private static final PartialAddress ADDRESS =
      PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road");

  @Test
  void askForAWanMatrix(DccSimulatorHandle dcc) {
    // Shape the answer: covered, but the WAN variant cannot be confirmed (" " on the wire).
    dcc.coverage().forPostcode("M22 0RR").unknownVariant();
    // And a fault: the first request waits 200 ms, then gets HTTP 503.
    dcc.scenarios()
        .forPostcode("M22 0RR")
        .delay(Duration.ofMillis(200))
        .serviceUnavailable()
        .once();

    DuisClient client = dcc.newClient(); // signs as the test supplier, verifies the DCC

    assertThatThrownBy(() -> client.requestWanMatrix(ADDRESS))
        .isInstanceOf(DuisHttpException.class);
    WanMatrixResult answer = client.requestWanMatrix(ADDRESS);

    assertThat(answer.responseCode().code()).isEqualTo("I0");
    assertThat(answer.entries().get(0).wanVariant().orElseThrow().kind())
        .isEqualTo(WanVariant.Kind.UNKNOWN); // MP106
    dcc.journal()
        .verify(exactly(2), wanMatrixRequests().forPostcode("M22 0RR").from(dcc.supplier().eui()));
    dcc.journal().verify(once(), wanMatrixRequests().withHttpStatus(503));
  }
}
