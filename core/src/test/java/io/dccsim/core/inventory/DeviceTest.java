package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
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
                    Optional.of("1 Road"),
                    Optional.of(CspRegion.SOUTH)))
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of("100000", "200000", "300000", "400000", "500000"),
                    ESME.uprn(),
                    ESME.postcode(),
                    Optional.of("1 Road"),
                    Optional.of(CspRegion.SOUTH)))
        .hasMessageContaining("at most 4");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    ESME.postcode(),
                    Optional.of(" 1 Road"),
                    Optional.of(CspRegion.SOUTH)))
        .hasMessageContaining("whitespace");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    ESME.postcode(),
                    Optional.of("x".repeat(31)),
                    Optional.of(CspRegion.SOUTH)))
        .hasMessageContaining("1 to 30");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    ESME.postcode(),
                    Optional.of("1\tRoad"),
                    Optional.of(CspRegion.SOUTH)))
        .hasMessageContaining("control");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    ESME.postcode(),
                    Optional.of("1 Road"),
                    Optional.of(CspRegion.NORTH_4G)))
        .hasMessageContaining("North, Central or South");
    assertThatThrownBy(() -> ESME.withStatus(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theMpxnListIsCopied() {
    List<String> given = new ArrayList<>(List.of("1234567"));
    Device d =
        ESME.withPremises(
            given,
            ESME.uprn(),
            ESME.postcode(),
            Optional.of("1 Road"),
            Optional.of(CspRegion.SOUTH));
    given.add("7654321");
    assertThat(d.mpxns()).containsExactly("1234567");
  }

  @Test
  void postcodeAndAddressIdentifierArePresentTogetherOrAbsentTogether() {
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    ESME.postcode(),
                    Optional.empty(),
                    ESME.cspRegion()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both present or both absent")
        .hasMessageContaining("a postcode alone");
    assertThatThrownBy(
            () ->
                ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("1 Road"),
                    ESME.cspRegion()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both present or both absent")
        .hasMessageContaining("an address identifier alone");
    Device nowhere =
        ESME.withPremises(
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(nowhere.postcode()).isEmpty();
    assertThat(nowhere.addressIdentifier()).isEmpty();
    assertThat(nowhere.cspRegion()).isEmpty();
    // the region stands on its own: known without premises, unknown with them
    assertThat(
            ESME.withPremises(
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(CspRegion.CENTRAL))
                .cspRegion())
        .hasValue(CspRegion.CENTRAL);
    assertThat(
            ESME.withPremises(
                    ESME.mpxns(),
                    ESME.uprn(),
                    ESME.postcode(),
                    ESME.addressIdentifier(),
                    Optional.empty())
                .postcode())
        .isEqualTo(ESME.postcode());
  }

  @Test
  void aPrenotifiedDeviceIsPendingWithoutPremises() {
    Eui64 supplier = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    Device d =
        Device.prenotified(
            Eui64.parse("DE-DC-C5-01-00-00-00-77"),
            DeviceType.ESME,
            "Acme",
            "E1",
            "1.0",
            "SMETS2 V4.2",
            "3.2",
            Optional.of(supplier));
    assertThat(d.status()).isEqualTo(DeviceStatus.PENDING);
    assertThat(d.firmwareStatus()).isEqualTo(FirmwareStatus.ACTIVE);
    assertThat(d.mpxns()).isEmpty();
    assertThat(d.uprn()).isEmpty();
    assertThat(d.postcode()).isEmpty();
    assertThat(d.addressIdentifier()).isEmpty();
    assertThat(d.cspRegion()).isEmpty();
    assertThat(d.hanVariant()).isEqualTo(Device.DEFAULT_HAN_VARIANT).isEqualTo("Single Band");
    assertThat(d.connectivity()).isEmpty();
    assertThat(d.supplier()).hasValue(supplier);
    assertThat(d.networkOperator()).isEmpty();
    assertThatThrownBy(
            () ->
                Device.prenotified(
                    d.eui(),
                    DeviceType.ESME,
                    "",
                    "E1",
                    "1.0",
                    "SMETS2 V4.2",
                    "3.2",
                    Optional.empty()))
        .hasMessageContaining("manufacturer");
  }

  @Test
  void withFirmwareAndWithDetailsKeepEverythingElse() {
    Device f = ESME.withFirmware("9.9.9", FirmwareStatus.PENDING);
    assertThat(f.firmwareVersion()).isEqualTo("9.9.9");
    assertThat(f.firmwareStatus()).isEqualTo(FirmwareStatus.PENDING);
    assertThat(f.withFirmware(ESME.firmwareVersion(), ESME.firmwareStatus())).isEqualTo(ESME);

    Device d = ESME.withDetails("Other Co", "X2", "SMETS2 V5.1", "7.0");
    assertThat(d.manufacturer()).isEqualTo("Other Co");
    assertThat(d.model()).isEqualTo("X2");
    assertThat(d.smetsChtsVersion()).isEqualTo("SMETS2 V5.1");
    assertThat(d.firmwareVersion()).isEqualTo("7.0");
    assertThat(d.firmwareStatus()).isEqualTo(ESME.firmwareStatus());
    assertThat(
            d.withDetails(
                ESME.manufacturer(), ESME.model(), ESME.smetsChtsVersion(), ESME.firmwareVersion()))
        .isEqualTo(ESME);
    assertThatThrownBy(() -> ESME.withDetails("Other Co", "X2", "SMETS2 V5.1", " 7.0"))
        .hasMessageContaining("firmwareVersion");
  }
}
