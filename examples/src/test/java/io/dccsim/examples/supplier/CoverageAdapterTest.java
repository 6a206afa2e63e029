package io.dccsim.examples.supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.ResponseVerificationException;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The supplier adapter against the simulated DCC, one situation per test. */
@DccSimulatorTest(startAt = "2021-06-28T09:00:00Z")
class CoverageAdapterTest {
  private static final RequestWanMatrix THREAPWOOD =
      RequestWanMatrix.byAddress(PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road"));

  @Test
  void coveredWithAKnownVariantIsBooked(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").withWanTechnology("Dual Band CH").covered();

    Assessment a = new CoverageAdapter(dcc.newClient()).assess(THREAPWOOD);

    assertThat(a.advice()).isEqualTo(Advice.BOOK_INSTALLATION);
    assertThat(a.wanVariant()).contains("Dual Band CH");
  }

  @Test
  void anUnknownVariantNeedsASurvey(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").unknownVariant(); // " " on the wire

    Assessment a = new CoverageAdapter(dcc.newClient()).assess(THREAPWOOD);

    assertThat(a.advice()).isEqualTo(Advice.BOOK_WITH_SURVEY);
    assertThat(a.reason()).contains("Unknown (MP106)");
  }

  @Test
  void beforeTheReleaseABlankVariantHasNoDefinedMeaning(DccSimulatorHandle dcc) {
    dcc.pinBaseline(Baseline.PRE_JUNE_2021);
    dcc.coverage().forPostcode("M22 0RR").unknownVariant();

    Assessment a = new CoverageAdapter(dcc.newClient(Baseline.PRE_JUNE_2021)).assess(THREAPWOOD);

    assertThat(a.advice()).isEqualTo(Advice.BOOK_WITH_SURVEY);
    assertThat(a.reason()).contains("no defined meaning");
  }

  @Test
  void notCoveredYetWaitsForTheDate(DccSimulatorHandle dcc) {
    dcc.coverage().forUprn(100023336956L).notCoveredUntil(LocalDate.of(2022, 3, 1));

    Assessment a =
        new CoverageAdapter(dcc.newClient())
            .assess(RequestWanMatrix.byUprn(Uprn.of(100023336956L)));

    assertThat(a.advice()).isEqualTo(Advice.WAIT_FOR_COVERAGE);
    assertThat(a.from()).contains(LocalDate.of(2022, 3, 1));
  }

  @Test
  void anUnknownAddressIsCheckedAndUnavailableDataRetriedLater(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").notFound();
    dcc.coverage().forUprn(7).unavailable();
    CoverageAdapter adapter = new CoverageAdapter(dcc.newClient());

    assertThat(adapter.assess(THREAPWOOD).advice()).isEqualTo(Advice.CHECK_ADDRESS);
    assertThat(adapter.assess(RequestWanMatrix.byUprn(Uprn.of(7))).advice())
        .isEqualTo(Advice.TRY_AGAIN_LATER);
  }

  @Test
  void aBusyDccIsRetriedOnceThenGivenUpOn(DccSimulatorHandle dcc) {
    dcc.coverage().forPostcode("M22 0RR").covered();
    dcc.scenarios().forPostcode("M22 0RR").serviceUnavailable().once();
    CoverageAdapter adapter = new CoverageAdapter(dcc.newClient());

    assertThat(adapter.assess(THREAPWOOD).advice()).isEqualTo(Advice.BOOK_INSTALLATION);

    dcc.scenarios().forPostcode("M22 0RR").delay(Duration.ofMillis(50)).resetConnection().always();
    assertThat(adapter.assess(THREAPWOOD).advice()).isEqualTo(Advice.TRY_AGAIN_LATER);
  }

  @Test
  void anAnswerWithABrokenSignatureIsNeverTrusted(DccSimulatorHandle dcc) {
    dcc.scenarios().forAnyRequest().brokenSignature().always();

    assertThatThrownBy(() -> new CoverageAdapter(dcc.newClient()).assess(THREAPWOOD))
        .isInstanceOf(ResponseVerificationException.class);
  }
}
