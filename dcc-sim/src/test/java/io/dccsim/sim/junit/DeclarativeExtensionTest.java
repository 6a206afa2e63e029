package io.dccsim.sim.junit;

import static io.dccsim.sim.journal.ExchangePattern.anyExchange;
import static io.dccsim.sim.journal.ExpectedCount.never;
import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrix;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrixFacts;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Baseline;
import io.dccsim.sim.coverage.CoverageQuestion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@DccSimulatorTest(startAt = "2021-06-23T09:00:00Z", controlApi = true, journalCapacity = 50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeExtensionTest {
  private static final Instant START = Instant.parse("2021-06-23T09:00:00Z");

  private final DccSimulatorHandle injectedInConstructor;

  DeclarativeExtensionTest(DccSimulatorHandle dcc) {
    this.injectedInConstructor = dcc;
  }

  @BeforeAll
  static void startsBeforeTheClass(DccSimulatorHandle dcc) {
    assertThat(dcc.options().journalCapacity()).isEqualTo(50);
    assertThat(dcc.startupTime()).isPositive();
  }

  @Test
  @Order(1)
  void optionsReachTheSimulator(DccSimulatorHandle dcc) {
    assertThat(dcc.clock().instant()).isEqualTo(START);
    assertThat(dcc.baseline()).isEqualTo(Baseline.PRE_JUNE_2021);
    assertThat(dcc.journal().capacity()).isEqualTo(50);
    assertThat(injectedInConstructor.journal()).isSameAs(dcc.journal());
    assertThat(dcc.inventory()).isSameAs(dcc.simulator().inventory());
  }

  @Test
  @Order(2)
  void changesEverything(DccSimulatorHandle dcc) {
    dcc.journal().onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", START));
    dcc.scenarios().forAnyRequest().serviceUnavailable().always();
    dcc.coverage().forUprn(42).notFound();
    dcc.clock().advance(Duration.ofDays(2));
    assertThat(dcc.baseline()).isEqualTo(Baseline.JUNE_2021);
    dcc.pinBaseline(Baseline.PRE_JUNE_2021);
  }

  @Test
  @Order(3)
  void findsEverythingResetInTheNextTest(DccSimulatorHandle dcc) {
    dcc.journal().verify(never(), anyExchange());
    assertThat(dcc.scenarios().interventionsFor(wanMatrixFacts(SUPPLIER, "M22 0RR", null)))
        .isEmpty();
    assertThat(dcc.coverage().size()).isZero();
    assertThat(dcc.coverage().answer(new CoverageQuestion.ByUprn(42)).responseCode())
        .isEqualTo("I0");
    assertThat(dcc.clock().instant()).isEqualTo(START);
    assertThat(dcc.baselinePolicy().toString()).isEqualTo("by-date");
  }

  @Test
  @Order(4)
  void startsTheControlApiWhenAsked(DccSimulatorHandle dcc) throws Exception {
    URI base = dcc.controlUri().orElseThrow();
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("clock"))
                    .header("Authorization", dcc.controlToken().orElseThrow().authorizationHeader())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains(START.toString());
    // The Users routes answer over the simulator's own registry, in-process as standalone.
    HttpResponse<String> users =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(base.resolve("users"))
                    .header("Authorization", dcc.controlToken().orElseThrow().authorizationHeader())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
    assertThat(users.body()).contains(io.dccsim.sim.Simulator.TEST_SUPPLIER_EUI.toString());
  }

  @Nested
  class NestedClasses {
    @Test
    void shareTheEnclosingClassesSimulator(DccSimulatorHandle dcc) {
      assertThat(dcc.journal()).isSameAs(injectedInConstructor.journal());
    }
  }
}
