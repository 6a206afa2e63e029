package io.dccsim.sim.scenario;

import static io.dccsim.sim.journal.SyntheticExchanges.OTHER_SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrixFacts;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.RequestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScenariosTest {
  private static final RequestFacts M22 = wanMatrixFacts(SUPPLIER, "M22 0RR", null);
  private static final RequestFacts M1 = wanMatrixFacts(SUPPLIER, "M1 1AA", null);
  private static final RequestFacts UPRN = wanMatrixFacts(OTHER_SUPPLIER, null, "100023336956");

  @Test
  void answersByPostcodeAlways() {
    Scenarios scenarios = new Scenarios();
    scenarios.forPostcode("m220rr").respondWithCode("E120101").always();
    assertThat(scenarios.interventionsFor(M22))
        .containsExactly(new Intervention.RespondWithCode("E120101"));
    assertThat(scenarios.interventionsFor(M22))
        .containsExactly(new Intervention.RespondWithCode("E120101"));
    assertThat(scenarios.interventionsFor(M1)).isEmpty();
  }

  @Test
  void byUprnAndOriginator() {
    Scenarios scenarios = new Scenarios();
    scenarios.forUprn(100023336956L).serviceUnavailable().always();
    scenarios.forOriginator(SUPPLIER).resetConnection().always();
    assertThat(scenarios.interventionsFor(UPRN)).containsExactly(new Intervention.HttpError(503));
    assertThat(scenarios.interventionsFor(M1)).containsExactly(new Intervention.ResetConnection());
  }

  @Test
  void onceThenNormal() {
    Scenarios scenarios = new Scenarios();
    Scenario s = scenarios.forAnyRequest().emptyResponse().once();
    assertThat(scenarios.interventionsFor(M1)).containsExactly(new Intervention.EmptyResponse());
    assertThat(scenarios.interventionsFor(M1)).isEmpty();
    assertThat(s.timesApplied()).isEqualTo(1);
    assertThat(s.isExhausted()).isTrue();
    assertThat(scenarios.list()).containsExactly(s);
  }

  @Test
  void newestMatchingScenarioWinsAndExhaustedOnesFallThrough() {
    Scenarios scenarios = new Scenarios();
    scenarios.forAnyRequest().respondWithCode("E120103").always();
    scenarios.forPostcode("M22 0RR").malformedXml().times(2);
    assertThat(scenarios.interventionsFor(M22)).containsExactly(new Intervention.MalformedXml());
    assertThat(scenarios.interventionsFor(M22)).containsExactly(new Intervention.MalformedXml());
    assertThat(scenarios.interventionsFor(M22))
        .containsExactly(new Intervention.RespondWithCode("E120103"));
  }

  @Test
  void delaysComeFirstAndCannedResponsesCarryTheirBody() {
    Scenarios scenarios = new Scenarios();
    scenarios
        .forServiceReference("12.1")
        .cannedResponse("I0", "<sr:X/>")
        .delay(ofMillis(200))
        .always();
    assertThat(scenarios.interventionsFor(M1))
        .containsExactly(
            new Intervention.Delay(ofMillis(200)),
            new Intervention.CannedResponse("I0", "<sr:X/>"));
  }

  @Test
  void randomDelaysReproduceFromTheSeed() {
    List<Intervention> first = delays(Scenarios.seeded(42));
    List<Intervention> second = delays(Scenarios.seeded(42));
    assertThat(first).isEqualTo(second);
    assertThat(first)
        .allSatisfy(
            i ->
                assertThat(((Intervention.Delay) i).delay())
                    .isBetween(ofMillis(10), ofMillis(500)));
    assertThat(first.stream().distinct().count()).isGreaterThan(1);
  }

  private static List<Intervention> delays(Scenarios scenarios) {
    scenarios.forAnyRequest().randomDelay(ofMillis(10), ofMillis(500)).always();
    List<Intervention> out = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      out.addAll(scenarios.interventionsFor(M1));
    }
    return out;
  }

  @Test
  void limitedScenarioAppliesExactlyNTimesUnderConcurrency() throws Exception {
    Scenarios scenarios = new Scenarios();
    Scenario s = scenarios.forAnyRequest().brokenSignature().times(100);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int hits = 0;
                for (int i = 0; i < 100; i++) {
                  if (!scenarios.interventionsFor(M1).isEmpty()) {
                    hits++;
                  }
                }
                return hits;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> f : results) {
      total += f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(total).isEqualTo(100);
    assertThat(s.timesApplied()).isEqualTo(100);
    assertThat(s.remaining()).hasValue(0);
  }

  @Test
  void removeAndClear() {
    Scenarios scenarios = new Scenarios();
    Scenario a = scenarios.forAnyRequest().serviceUnavailable().always();
    Scenario b = scenarios.forPostcode("M1 1AA").httpStatus(500).always();
    assertThat(scenarios.find(a.id())).contains(a);
    assertThat(scenarios.remove(b.id())).isTrue();
    assertThat(scenarios.remove(b.id())).isFalse();
    assertThat(scenarios.interventionsFor(M1)).containsExactly(new Intervention.HttpError(503));
    scenarios.clear();
    assertThat(scenarios.interventionsFor(M1)).isEmpty();
    assertThat(scenarios.list()).isEmpty();
  }

  @Test
  void definitionsAreValidated() {
    Scenarios scenarios = new Scenarios();
    assertThatIllegalArgumentException().isThrownBy(() -> scenarios.forAnyRequest().always());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scenarios.forAnyRequest().emptyResponse().malformedXml().always());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> scenarios.forAnyRequest().emptyResponse().times(0));
    assertThatIllegalArgumentException().isThrownBy(() -> Effect.httpStatus(200));
    assertThatIllegalArgumentException().isThrownBy(() -> Effect.responseCode("OK"));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Effect.randomDelay(ofMillis(5), ofMillis(1)));
    assertThat(
            new ScenarioDefinition(
                    RequestSelector.any().withPostcode("M22 0RR"),
                    List.of(Effect.responseCode("E120101")),
                    OptionalInt.of(2))
                .describe())
        .isEqualTo("requests for postcode M22 0RR: [ResponseCode[code=E120101]], 2 time(s)");
  }
}
