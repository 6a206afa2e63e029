package io.dccsim.core.wan;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.SchemaVersion;
import org.junit.jupiter.api.Test;

class CspRegionTest {
  @Test
  void fourGRegionsExistOnlyInThePerRegionForm() {
    assertThat(CspRegion.NORTH_4G.existsIn(SchemaVersion.V5_1)).isFalse();
    assertThat(CspRegion.NORTH_4G.existsIn(SchemaVersion.V5_3)).isTrue();
    assertThat(CspRegion.SMETS1.existsIn(SchemaVersion.V5_0)).isTrue();
    assertThat(CspRegion.UNKNOWN.existsIn(SchemaVersion.V5_1)).isTrue();
    for (CspRegion r : CspRegion.values()) {
      assertThat(CspRegion.fromXmlText(r.xmlText())).hasValue(r);
    }
    assertThat(CspRegion.fromXmlText("4G Central")).hasValue(CspRegion.CENTRAL_4G);
    assertThat(CspRegion.fromXmlText("north")).isEmpty();
  }

  @Test
  void likelihoodsReadTheirXmlText() {
    for (ConnectivityLikelihood c : ConnectivityLikelihood.values()) {
      assertThat(ConnectivityLikelihood.fromXmlText(c.xmlText())).hasValue(c);
    }
    assertThat(ConnectivityLikelihood.fromXmlText("HIGH")).isEmpty();
  }
}
