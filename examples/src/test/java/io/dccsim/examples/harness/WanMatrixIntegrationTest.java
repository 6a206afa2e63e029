package io.dccsim.examples.harness;

import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.value.Postcode;
import io.dccsim.examples.supplier.Advice;
import io.dccsim.examples.supplier.CoverageAdapter;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import io.dccsim.sim.spi.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@DccSimulatorTest(startAt = "2021-06-24T09:00:00Z")
class WanMatrixIntegrationTest {

  @Test
  void retriesABusyDccAndHandlesAnUnknownWanVariant(DccSimulatorHandle dcc) {
    // The DCC knows this postcode is covered, but not which WAN variant it needs (MP106).
    dcc.coverage().forPostcode("M22 0RR").unknownVariant();
    // It is slow, then busy, once.
    dcc.scenarios()
        .forPostcode("M22 0RR")
        .delay(Duration.ofMillis(100))
        .serviceUnavailable()
        .once();

    CoverageAdapter adapter = new CoverageAdapter(dcc.newClient());
    Advice advice =
        adapter
            .assess(
                RequestWanMatrix.byAddress(
                    PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road")))
            .advice();

    assertThat(advice).isEqualTo(Advice.BOOK_WITH_SURVEY);
    // The adapter asked twice: the 503, then the real answer.
    dcc.journal()
        .verify(exactly(2), wanMatrixRequests().forPostcode("M22 0RR").from(dcc.supplier().eui()));
    dcc.journal().verify(exactly(1), wanMatrixRequests().withVerdict(Verdict.INTERVENED));
    dcc.journal().verify(exactly(1), wanMatrixRequests().withResponseCode("I0"));
  }
}
