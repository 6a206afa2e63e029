package io.dccsim.sim.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.wan.CspRegion;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticCoverageTest {
  private final SyntheticCoverage model = new SyntheticCoverage();

  @Test
  void theSameQuestionAlwaysGetsTheSameAnswer() {
    CoverageQuestion q = new CoverageQuestion.ByAddress("M22 0RR", "Threapwood Road");
    CoverageAnswer first = model.answer(q);
    assertThat(new SyntheticCoverage().answer(q)).isEqualTo(first);
    assertThat(model.answer(new CoverageQuestion.ByAddress("m220rr", "  threapwood   ROAD ")))
        .as("normalised spelling of the same question")
        .isEqualTo(first);
    assertThat(model.answer(new CoverageQuestion.ByUprn(10023336956L)))
        .isEqualTo(model.answer(new CoverageQuestion.ByUprn(10023336956L)));
  }

  @Test
  void invalidPostcodesAndPlacesOutsideGreatBritain() {
    assertThat(model.answer(new CoverageQuestion.ByAddress("QQ1 1AA", "1")))
        .isInstanceOf(CoverageAnswer.InvalidPostcode.class);
    assertThat(model.answer(new CoverageQuestion.ByAddress("M22 0RR X", "1")).responseCode())
        .isEqualTo("E120102");
    assertThat(model.answer(new CoverageQuestion.ByAddress("BT1 1AA", "1")))
        .isInstanceOf(CoverageAnswer.NotFound.class);
  }

  @Test
  void regionFollowsThePostcodeArea() {
    assertThat(SyntheticCoverage.regionOfArea("EH")).isEqualTo(CspRegion.NORTH);
    assertThat(SyntheticCoverage.regionOfArea("M")).isEqualTo(CspRegion.NORTH);
    assertThat(SyntheticCoverage.regionOfArea("CF")).isEqualTo(CspRegion.CENTRAL);
    assertThat(SyntheticCoverage.regionOfArea("B")).isEqualTo(CspRegion.CENTRAL);
    assertThat(SyntheticCoverage.regionOfArea("SW")).isEqualTo(CspRegion.SOUTH);
    for (int i = 0; i < 500; i++) {
      CoverageAnswer a = model.answer(new CoverageQuestion.ByAddress("EH1 1AA", "House " + i));
      if (a instanceof CoverageAnswer.Regions r) {
        assertThat(r.regions())
            .allSatisfy(
                ra ->
                    assertThat(ra.region())
                        .isIn(CspRegion.NORTH, CspRegion.NORTH_4G, CspRegion.SMETS1));
      }
    }
  }

  @Test
  void theMixIsRealisticAndContainsEveryKindOfAnswer() {
    Map<String, Integer> counts = new HashMap<>();
    int n = 20_000;
    List<String> postcodes = List.of("M22 0RR", "SW1A 2AA", "CF10 1AA", "B33 8TH", "SO14 7DU");
    for (int i = 0; i < n; i++) {
      String postcode = postcodes.get(i % postcodes.size());
      CoverageAnswer a = model.answer(new CoverageQuestion.ByAddress(postcode, i + " High Street"));
      counts.merge(kind(a), 1, Integer::sum);
    }
    assertThat(share(counts, "notFound", n)).isBetween(0.02, 0.04);
    assertThat(share(counts, "unavailable", n)).isBetween(0.002, 0.01);
    assertThat(share(counts, "smets1", n)).isBetween(0.02, 0.04);
    assertThat(share(counts, "4g", n)).isBetween(0.05, 0.09);
    assertThat(share(counts, "two", n)).isBetween(0.01, 0.03);
    assertThat(share(counts, "unconfirmed", n)).isBetween(0.04, 0.09);
    assertThat(share(counts, "datedBefore2021", n)).isGreaterThan(0.03);
    assertThat(share(counts, "datedAfter2021", n)).isGreaterThan(0.1);
    assertThat(share(counts, "covered", n)).isBetween(0.5, 0.62);
  }

  @Test
  void unconfirmedVariantsAreOnlyInSouthAndCentral() {
    for (int i = 0; i < 3000; i++) {
      CoverageAnswer a = model.answer(new CoverageQuestion.ByAddress("G1 1AA", "Flat " + i));
      if (a instanceof CoverageAnswer.Regions r) {
        assertThat(r.regions()).noneMatch(RegionAnswer::wanVariantUnconfirmed);
      }
    }
  }

  @Test
  void uprnsAreAnsweredAcrossRegions() {
    Map<CspRegion, Integer> regions = new HashMap<>();
    for (long uprn = 1; uprn <= 3000; uprn++) {
      if (model.answer(new CoverageQuestion.ByUprn(uprn)) instanceof CoverageAnswer.Regions r) {
        CspRegion region = r.regions().get(0).region();
        regions.merge(
            region.is4G() ? CspRegion.valueOf(region.name().replace("_4G", "")) : region,
            1,
            Integer::sum);
      }
    }
    assertThat(regions).containsKeys(CspRegion.NORTH, CspRegion.CENTRAL, CspRegion.SOUTH);
  }

  private static double share(Map<String, Integer> counts, String kind, int n) {
    return counts.getOrDefault(kind, 0) / (double) n;
  }

  private static String kind(CoverageAnswer a) {
    if (a instanceof CoverageAnswer.NotFound) {
      return "notFound";
    } else if (a instanceof CoverageAnswer.Unavailable) {
      return "unavailable";
    } else if (a instanceof CoverageAnswer.InvalidPostcode) {
      return "invalid";
    }
    List<RegionAnswer> regions = ((CoverageAnswer.Regions) a).regions();
    if (regions.size() == 2) {
      return "two";
    }
    RegionAnswer r = regions.get(0);
    if (r.region() == CspRegion.SMETS1) {
      return "smets1";
    } else if (r.region().is4G()) {
      return "4g";
    } else if (r.wanVariantUnconfirmed()) {
      return "unconfirmed";
    } else if (r.covered()) {
      return "covered";
    } else if (r.anticipatedDate().isEmpty()) {
      return "noDate";
    }
    return r.anticipatedDate().get().isAfter(LocalDate.of(2021, 1, 1))
        ? "datedAfter2021"
        : "datedBefore2021";
  }
}
