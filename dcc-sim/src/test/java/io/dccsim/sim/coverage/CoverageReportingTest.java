package io.dccsim.sim.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CoverageReportingTest {
  private static RegionAnswer notYetCovered(LocalDate date, String wan) {
    return new RegionAnswer(
        CspRegion.SOUTH,
        false,
        Optional.of(date),
        wan,
        ConnectivityLikelihood.MEDIUM,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void beforeMp146DatesAfterTheFirstOfJanuary2021AreNotReported() {
    CoverageReporting pre = new CoverageReporting(false, false);
    assertThat(pre.reported(notYetCovered(LocalDate.of(2021, 3, 1), "Mesh")).anticipatedDate())
        .isEmpty();
    assertThat(pre.reported(notYetCovered(LocalDate.of(2021, 1, 1), "Mesh")).anticipatedDate())
        .contains(LocalDate.of(2021, 1, 1));
    assertThat(pre.reported(notYetCovered(LocalDate.of(2020, 9, 1), "Mesh")).anticipatedDate())
        .contains(LocalDate.of(2020, 9, 1));
  }

  @Test
  void fromGoLiveEveryDateIsReported() {
    CoverageReporting june = new CoverageReporting(true, false);
    assertThat(june.reported(notYetCovered(LocalDate.of(2022, 3, 1), "Mesh")).anticipatedDate())
        .contains(LocalDate.of(2022, 3, 1));
  }

  @Test
  void theUnconfirmedVariantIsASpaceUnlessTheLiteralIsAskedFor() {
    RegionAnswer a = notYetCovered(LocalDate.of(2020, 9, 1), " ");
    assertThat(new CoverageReporting(false, false).reported(a).wanTechnology()).isEqualTo(" ");
    assertThat(new CoverageReporting(true, false).reported(a).wanTechnology()).isEqualTo(" ");
    assertThat(new CoverageReporting(true, true).reported(a).wanTechnology()).isEqualTo("Unknown");
    assertThat(
            new CoverageReporting(true, true)
                .reported(notYetCovered(a.anticipatedDate().get(), "Mesh"))
                .wanTechnology())
        .isEqualTo("Mesh");
  }
}
