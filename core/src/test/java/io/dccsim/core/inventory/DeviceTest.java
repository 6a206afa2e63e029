package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.wan.CspRegion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceTest {

  private static final Device ESME = SyntheticEstate.devices(1, 1L).get(0);

  @Test
  void enumsReadTheirDuisText() {
    for (DeviceStatus s : DeviceStatus.values()) {
      assertThat(DeviceStatus.fromDuisText(s.duisText())).hasValue(s);
    }
    assertThat(DeviceStatus.INSTALLED_NOT_COMMISSIONED.duisText())
        .isEqualTo("InstalledNotCommissioned");
    assertThat(DeviceStatus.fromDuisText("commissioned")).isEmpty();
    for (DeviceType t : DeviceType.values()) {
      assertThat(DeviceType.fromDuisText(t.duisText())).hasValue(t);
    }
    assertThat(Connectivity.fromDuisText("Cellular")).hasValue(Connectivity.CELLULAR);
    assertThat(FirmwareStatus.fromDuisText("Active")).hasValue(FirmwareStatus.ACTIVE);
  }

  @Test
  void mpxnsAreMpansOrMprns() {
    assertThat(Device.checkMpxn("1234567890123")).isEqualTo("1234567890123");
    assertThat(Device.checkMpxn("123456")).isEqualTo("123456");
    for (String bad : List.of("12345", "12345678901", "123456789012", "12345678901234", "12a456")) {
      assertThatThrownBy(() -> Device.checkMpxn(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void theConstructorRefusesBadComponents() {
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of("1234567", "1234567"),
                    ESME.uprn(),
                    ESME.postcode(),
                    "1 Road",
                    CspRegion.SOUTH))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of("100000", "200000", "300000", "400000", "500000"),
                    ESME.uprn(),
                    ESME.postcode(),
                    "1 Road",
                    CspRegion.SOUTH))
        .hasMessageContaining("at most 4");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(), Optional.empty(), ESME.postcode(), " 1 Road", CspRegion.SOUTH))
        .hasMessageContaining("whitespace");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(), Optional.empty(), ESME.postcode(), "x".repeat(31), CspRegion.SOUTH))
        .hasMessageContaining("1 to 30");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(), Optional.empty(), ESME.postcode(), "1\tRoad", CspRegion.SOUTH))
        .hasMessageContaining("control");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(), Optional.empty(), ESME.postcode(), "1 Road", CspRegion.NORTH_4G))
        .hasMessageContaining("North, Central or South");
    assertThatThrownBy(() -> ESME.withStatus(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theMpxnListIsCopied() {
    List<String> given = new ArrayList<>(List.of("1234567"));
    Device d = ESME.withPremises(given, ESME.uprn(), ESME.postcode(), "1 Road", CspRegion.SOUTH);
    given.add("7654321");
    assertThat(d.mpxns()).containsExactly("1234567");
  }
}
