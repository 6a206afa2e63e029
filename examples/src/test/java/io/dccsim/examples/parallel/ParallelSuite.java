package io.dccsim.examples.parallel;

import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.WanVariant;
import io.dccsim.sim.junit.DccSimulatorHandle;

/**
 * What every test in this package does, each with a postcode of its own: shape coverage, add a
 * fault, ask twice, and check both the answers and the journal. Run concurrently (see {@code
 * junit-platform.properties}), any leak between tests on one simulator shows up as a wrong variant,
 * a missing 503 or a wrong journal count.
 */
final class ParallelSuite {
  private ParallelSuite() {}

  static void exercise(DccSimulatorHandle dcc, String postcode, boolean unknown) {
    if (unknown) {
      dcc.coverage().forPostcode(postcode).unknownVariant();
    } else {
      dcc.coverage().forPostcode(postcode).covered();
    }
    dcc.scenarios().forPostcode(postcode).serviceUnavailable().once();
    DuisClient client = dcc.newClient();
    PartialAddress address = PartialAddress.of(Postcode.parse(postcode), "High Street");

    assertThatThrownBy(() -> client.requestWanMatrix(address))
        .isInstanceOf(DuisHttpException.class);
    var answer = client.requestWanMatrix(address);

    assertThat(answer.responseCode().code()).isEqualTo("I0");
    var variant = answer.entries().get(0).wanVariant();
    if (unknown) {
      assertThat(variant.orElseThrow().kind()).isEqualTo(WanVariant.Kind.UNKNOWN);
    } else {
      assertThat(variant.orElseThrow().kind()).isNotEqualTo(WanVariant.Kind.UNKNOWN);
    }
    dcc.journal().verify(exactly(2), wanMatrixRequests().forPostcode(postcode));
    dcc.journal().verify(exactly(1), wanMatrixRequests().forPostcode(postcode).withHttpStatus(503));
  }
}
