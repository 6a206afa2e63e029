package io.dccsim.sim.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.wan.CspRegion;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The synthetic estate (in core, which cannot see this module) and the synthetic coverage model
 * agree: every estate postcode is one the model answers for, in the estate's CSP region.
 */
class SyntheticEstateCoverageTest {

  private static final Set<CspRegion> PLAIN =
      Set.of(CspRegion.NORTH, CspRegion.CENTRAL, CspRegion.SOUTH);

  @Test
  void theEstateAreasHaveTheCoverageModelsRegions() {
    for (Map.Entry<String, CspRegion> area : SyntheticEstate.AREAS.entrySet()) {
      assertThat(SyntheticCoverage.regionOfArea(area.getKey()))
          .as("area %s", area.getKey())
          .isEqualTo(area.getValue());
    }
  }

  @Test
  void everyPremisesGetsAnAnswerInItsRegion() {
    SyntheticCoverage model = new SyntheticCoverage();
    int answeredInRegion = 0;
    for (SyntheticEstate.Premises p : SyntheticEstate.premises(400, 20210624L)) {
      CoverageAnswer byAddress =
          model.answer(
              new CoverageQuestion.ByAddress(p.postcode().toString(), p.addressIdentifier()));
      assertThat(byAddress).isNotInstanceOf(CoverageAnswer.InvalidPostcode.class);
      if (byAddress instanceof CoverageAnswer.Regions regions) {
        for (RegionAnswer r : regions.regions()) {
          if (PLAIN.contains(r.region())) {
            assertThat(r.region()).isEqualTo(p.region());
            answeredInRegion++;
          }
        }
      }
      assertThat(model.answer(new CoverageQuestion.ByUprn(p.uprn().value()))).isNotNull();
    }
    assertThat(answeredInRegion).isGreaterThan(200);
  }
}
