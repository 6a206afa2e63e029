package io.dccsim.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MessageModelTest {
  private static final WanCoverage COVERAGE =
      WanCoverage.of(true, WanTechnology.SPACE, ConnectivityLikelihood.LOW);
  private static final RequestWanMatrix BY_UPRN = RequestWanMatrix.byUprn(Uprn.of(1));

  @Test
  void aWanMatrixRequestGivesExactlyOneOfUprnAndAddress() {
    assertThatThrownBy(() -> new RequestWanMatrix(Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RequestWanMatrix(
                    Optional.of(Uprn.of(1)),
                    Optional.of(PartialAddress.of(Postcode.parse("M22 0RR"), "x"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPartialAddressKeepsThePostcodeAsSent() {
    PartialAddress bad = new PartialAddress("NOT A PC", "1");
    assertThat(bad.postcode()).isEmpty();
    PartialAddress good = new PartialAddress("m220rr", "Threapwood Road");
    assertThat(good.postCode()).isEqualTo("m220rr");
    assertThat(good.postcode()).hasValue(Postcode.parse("M22 0RR"));
    assertThatThrownBy(() -> new PartialAddress("", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PartialAddress("123456789", "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PartialAddress("M22 0RR", "x".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coverageTextsAreBounded() {
    assertThatThrownBy(
            () ->
                new WanCoverage(
                    true,
                    Optional.empty(),
                    WanTechnology.SPACE,
                    ConnectivityLikelihood.HIGH,
                    Optional.of("a".repeat(51)),
                    Optional.empty()))
        .hasMessageContaining("AuxiliaryEquipmentRequired");
    assertThatThrownBy(
            () ->
                new WanCoverage(
                    true,
                    Optional.empty(),
                    WanTechnology.SPACE,
                    ConnectivityLikelihood.HIGH,
                    Optional.empty(),
                    Optional.of("a".repeat(251))))
        .hasMessageContaining("AdditionalInformation");
    assertThat(
            COVERAGE
                .withAnticipatedCoverageDate(java.time.LocalDate.of(2022, 1, 1))
                .anticipatedCoverageDate())
        .isPresent();
  }

  @Test
  void answersKnowWhichFormTheyFit() {
    WanMatrixResponse flat = WanMatrixResponse.flat(BY_UPRN, CspRegion.NORTH, COVERAGE);
    assertThat(flat.fitsFlatForm()).isTrue();
    assertThat(flat.fitsPerRegionForm()).isFalse();
    assertThat(flat.fits(SchemaVersion.V5_1)).isTrue();
    assertThat(flat.fits(SchemaVersion.V5_3)).isFalse();
    assertThat(flat.serviceReferenceVariant()).hasValue(ServiceReferenceVariant.REQUEST_WAN_MATRIX);

    assertThat(WanMatrixResponse.flat(BY_UPRN, CspRegion.NORTH_4G, COVERAGE).fitsFlatForm())
        .isFalse();
    WanMatrixResponse two =
        WanMatrixResponse.perRegion(
            BY_UPRN,
            List.of(
                RegionResult.of(CspRegion.NORTH, ResponseCode.I0, COVERAGE),
                RegionResult.withoutCoverage(CspRegion.SOUTH_4G, ResponseCode.E120103)));
    assertThat(two.fitsPerRegionForm()).isTrue();
    assertThat(two.fitsFlatForm()).isFalse();
    WanMatrixResponse one =
        WanMatrixResponse.perRegion(
            BY_UPRN, List.of(RegionResult.of(CspRegion.NORTH, ResponseCode.I0, COVERAGE)));
    assertThat(one.fitsFlatForm()).isFalse();
    assertThat(
            WanMatrixResponse.perRegion(
                    BY_UPRN,
                    List.of(RegionResult.withoutCoverage(CspRegion.NORTH, ResponseCode.I0)))
                .fits(SchemaVersion.V5_0))
        .isFalse();
    assertThatThrownBy(() -> WanMatrixResponse.perRegion(BY_UPRN, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(NoBody.INSTANCE.serviceReferenceVariant()).isEmpty();
  }
}
