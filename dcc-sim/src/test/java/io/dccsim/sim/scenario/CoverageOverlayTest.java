package io.dccsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.RegionAnswer;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageOverlayTest {
  private static final CoverageAnswer UNDERLYING = new CoverageAnswer.Unavailable();

  private final CoverageOverlay overlay = new CoverageOverlay(q -> UNDERLYING);

  private static RegionAnswer only(CoverageAnswer a) {
    assertThat(a).isInstanceOf(CoverageAnswer.Regions.class);
    assertThat(((CoverageAnswer.Regions) a).regions()).hasSize(1);
    return ((CoverageAnswer.Regions) a).regions().get(0);
  }

  @Test
  void answersNamedPostcodesWhateverTheSpacingAndDelegatesTheRest() {
    overlay.forPostcode("M22 0RR").covered();
    RegionAnswer r =
        only(overlay.answer(new CoverageQuestion.ByAddress("m220rr", "1 Threapwood Road")));
    assertThat(r.covered()).isTrue();
    assertThat(r.region()).isEqualTo(CspRegion.CENTRAL);
    assertThat(r.wanTechnology()).isEqualTo(CoverageOverlay.DEFAULT_WAN_TECHNOLOGY);
    assertThat(overlay.answer(new CoverageQuestion.ByAddress("M1 1AA", "1"))).isSameAs(UNDERLYING);
    assertThat(overlay.answer(new CoverageQuestion.ByUprn(5))).isSameAs(UNDERLYING);
  }

  @Test
  void notCoveredWithADateAndUnknownVariant() {
    LocalDate date = LocalDate.of(2022, 3, 1);
    overlay.forPostcode("SW1A 1AA").inRegion(CspRegion.SOUTH).notCoveredUntil(date);
    overlay.forUprn(100023336956L).unknownVariant(date);

    RegionAnswer south = only(overlay.answer(new CoverageQuestion.ByAddress("SW1A 1AA", "x")));
    assertThat(south.region()).isEqualTo(CspRegion.SOUTH);
    assertThat(south.covered()).isFalse();
    assertThat(south.anticipatedDate()).contains(date);

    RegionAnswer unknown = only(overlay.answer(new CoverageQuestion.ByUprn(100023336956L)));
    assertThat(unknown.wanVariantUnconfirmed()).isTrue();
    assertThat(unknown.wanTechnology()).isEqualTo(" ");
    assertThat(unknown.anticipatedDate()).contains(date);
  }

  @Test
  void errorAnswersAndClear() {
    overlay.forPostcode("M60 9ZZ").notFound();
    overlay.forUprn(7).unavailable();
    assertThat(overlay.answer(new CoverageQuestion.ByAddress("M60 9ZZ", "a")).responseCode())
        .isEqualTo("E120101");
    assertThat(overlay.answer(new CoverageQuestion.ByUprn(7)).responseCode()).isEqualTo("E120103");
    assertThat(overlay.size()).isEqualTo(2);
    overlay.clear();
    assertThat(overlay.answer(new CoverageQuestion.ByUprn(7))).isSameAs(UNDERLYING);
  }

  @Test
  void refusesWhatCannotBeAsked() {
    assertThatIllegalArgumentException().isThrownBy(() -> overlay.forPostcode("not a postcode"));
    assertThatIllegalArgumentException().isThrownBy(() -> overlay.forUprn(0));
  }
}
