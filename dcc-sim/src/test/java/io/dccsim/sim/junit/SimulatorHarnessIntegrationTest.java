package io.dccsim.sim.junit;

import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static io.dccsim.sim.journal.ExpectedCount.once;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisClientException;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.client.ResponseVerificationException;
import io.dccsim.core.client.WanMatrixResult;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.WanVariant;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The harness against the real simulator, over real HTTP, with a real signing client. */
@DccSimulatorTest(startAt = "2021-06-24T09:00:00Z")
class SimulatorHarnessIntegrationTest {
  private static final PartialAddress THREAPWOOD =
      PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road");

  @Test
  void answersFromTheCoverageOverlayAndJournalsTheExchange(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").unknownVariant(LocalDate.of(2021, 9, 1));

    WanMatrixResult result = dcc.newClient().requestWanMatrix(THREAPWOOD);

    assertThat(result.responseCode().code()).isEqualTo("I0");
    assertThat(result.entries()).hasSize(1);
    WanVariant variant = result.entries().get(0).wanVariant().orElseThrow();
    assertThat(variant.kind()).isEqualTo(WanVariant.Kind.UNKNOWN);
    Exchange e =
        dcc.journal()
            .verify(
                exactly(1),
                wanMatrixRequests()
                    .forPostcode("m22 0rr")
                    .from(dcc.supplier().eui())
                    .withVerdict(Verdict.ANSWERED)
                    .withResponseCode("I0"))
            .get(0);
    assertThat(e.httpStatus()).isEqualTo(200);
    assertThat(e.requestBody()).isNotEmpty();
  }

  @Test
  void coverageErrorsFromTheOverlay(DccSimulatorHandle dcc) {
    dcc.coverage().forUprn(100023336956L).unavailable();
    dcc.coverage().forPostcode("M22 0RR").notFound();
    DuisClient client = dcc.newClient();

    assertThat(client.requestWanMatrix(Uprn.of(100023336956L)).responseCode().code())
        .isEqualTo("E120103");
    assertThat(client.requestWanMatrix(THREAPWOOD).responseCode().code()).isEqualTo("E120101");
    dcc.journal().verify(once(), wanMatrixRequests().withResponseCode("E120101"));
  }

  @Test
  void aGivenResponseCodeForAUprn(DccSimulatorHandle dcc) {
    dcc.scenarios().forUprn(100023336956L).respondWithCode("E120103").always();
    DuisClient client = dcc.newClient();

    assertThat(client.requestWanMatrix(Uprn.of(100023336956L)).responseCode().code())
        .isEqualTo("E120103");
    java.util.List<io.dccsim.sim.spi.Exchange> shaped =
        dcc.journal()
            .verify(
                once(), wanMatrixRequests().forUprn(100023336956L).withVerdict(Verdict.INTERVENED));
    // the exchange names the scenario that shaped it, and what the scenario selects
    long id = dcc.scenarios().list().get(0).id();
    assertThat(shaped.get(0).reason())
        .contains("RespondWithCode[responseCode=E120103]")
        .contains("scenario " + id + " (requests for UPRN 100023336956)");
  }

  @Test
  void a503OnceThenTheNormalAnswer(DccSimulatorHandle dcc) {
    dcc.scenarios().forPostcode("M22 0RR").serviceUnavailable().once();
    DuisClient client = dcc.newClient();

    assertThatThrownBy(() -> client.requestWanMatrix(THREAPWOOD))
        .isInstanceOfSatisfying(
            DuisHttpException.class, e -> assertThat(e.status()).isEqualTo(503));
    assertThat(client.requestWanMatrix(THREAPWOOD).responseCode().code()).isEqualTo("I0");

    dcc.journal().verify(once(), wanMatrixRequests().withHttpStatus(503));
    dcc.journal().verify(exactly(2), wanMatrixRequests().forPostcode("M22 0RR"));
  }

  @Test
  void aBrokenSignatureIsRefusedByTheClient(DccSimulatorHandle dcc) {
    dcc.scenarios().forAnyRequest().brokenSignature().once();

    assertThatThrownBy(() -> dcc.newClient().requestWanMatrix(THREAPWOOD))
        .isInstanceOf(ResponseVerificationException.class);
  }

  @Test
  void aResetConnectionAndMalformedXmlAreClientErrors(DccSimulatorHandle dcc) {
    dcc.scenarios().forPostcode("M22 0RR").resetConnection().once();
    dcc.scenarios().forUprn(5).malformedXml().once();
    DuisClient client = dcc.newClient();

    assertThatThrownBy(() -> client.requestWanMatrix(THREAPWOOD))
        .isInstanceOf(DuisClientException.class);
    assertThatThrownBy(() -> client.requestWanMatrix(Uprn.of(5)))
        .isInstanceOf(DuisClientException.class);
    dcc.journal().verify(once(), wanMatrixRequests().withHttpStatus(0));
  }

  @Test
  void aDelayIsScheduledAndTheAnswerStillArrives(DccSimulatorHandle dcc) {
    dcc.scenarios().forPostcode("M22 0RR").delay(Duration.ofMillis(200)).once();

    assertThat(dcc.newClient().requestWanMatrix(THREAPWOOD).responseCode().code()).isEqualTo("I0");
  }

  @Test
  void theBaselineFollowsTheSimulatedDateAndCanBePinned(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").unknownVariant(LocalDate.of(2021, 9, 1));
    assertThat(dcc.baseline()).isEqualTo(Baseline.JUNE_2021);

    dcc.clock().advance(Duration.ofDays(-2));
    assertThat(dcc.baseline()).isEqualTo(Baseline.PRE_JUNE_2021);
    WanVariant before =
        dcc.newClient().requestWanMatrix(THREAPWOOD).entries().get(0).wanVariant().orElseThrow();
    assertThat(before.kind()).isEqualTo(WanVariant.Kind.UNSPECIFIED);

    dcc.pinBaseline(Baseline.JUNE_2021);
    assertThat(dcc.simulator().baselinePolicy().current(dcc.clock())).isEqualTo(Baseline.JUNE_2021);
  }
}
