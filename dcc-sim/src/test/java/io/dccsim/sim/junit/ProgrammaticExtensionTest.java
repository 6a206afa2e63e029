package io.dccsim.sim.junit;

import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Baseline;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgrammaticExtensionTest {
  private static final Instant START = Instant.parse("2021-07-01T00:00:00Z");

  @RegisterExtension
  static final DccSimulatorExtension DCC =
      DccSimulatorExtension.builder()
          .shared(false)
          .resetBetweenTests(false)
          .startAt(START)
          .baseline("PRE_JUNE_2021")
          .journalCapacity(10)
          .build();

  @Test
  @Order(1)
  void usesTheBuildersOptions(DccSimulatorHandle dcc) {
    assertThat(dcc.options().shared()).isFalse();
    assertThat(dcc.baseline()).isEqualTo(Baseline.PRE_JUNE_2021);
    assertThat(dcc.controlUri()).isEmpty();
    dcc.journal().onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", START));
  }

  @Test
  @Order(2)
  void keepsStateWhenTheTestOptsOutOfTheReset(DccSimulatorHandle dcc) {
    dcc.journal().verify(exactly(1), wanMatrixRequests().forPostcode("M22 0RR"));
  }
}
