package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticEstateTest {

  private static final Set<Eui64> USER_EUIS =
      Set.of(
          Eui64.parse("90-B3-D5-1F-30-00-00-01"),
          Eui64.parse("90-B3-D5-1F-30-00-00-02"),
          Eui64.parse("90-B3-D5-1F-30-00-00-04"),
          Eui64.parse("90-B3-D5-1F-30-00-00-07"),
          Eui64.parse("90-B3-D5-1F-30-01-00-00"),
          Eui64.parse("90-B3-D5-1F-30-02-00-00"),
          Eui64.parse("90-B3-D5-1F-30-03-00-00"),
          Eui64.parse("00-DB-12-34-56-78-00-04"));

  @Test
  void theSameSeedMakesTheSameEstate() {
    assertThat(SyntheticEstate.premises(250, 42L)).isEqualTo(SyntheticEstate.premises(250, 42L));
    assertThat(SyntheticEstate.devices(250, 42L)).isNotEqualTo(SyntheticEstate.devices(250, 43L));
    // a smaller estate is the start of a larger one from the same seed
    assertThat(SyntheticEstate.premises(300, 42L).subList(0, 250))
        .isEqualTo(SyntheticEstate.premises(250, 42L));
  }

  @Test
  void everyPremisesHasSixCommissionedDevicesOfEveryTypeAtItsAddress() {
    List<SyntheticEstate.Premises> estate = SyntheticEstate.premises(400, 1L);
    assertThat(estate).hasSize(400);
    for (SyntheticEstate.Premises p : estate) {
      assertThat(p.devices()).hasSize(6);
      assertThat(p.devices())
          .extracting(Device::type)
          .containsExactlyElementsOf(SyntheticEstate.TYPES_PER_PREMISES);
      for (Device d : p.devices()) {
        assertThat(d.status()).isEqualTo(DeviceStatus.COMMISSIONED);
        assertThat(d.uprn()).hasValue(p.uprn());
        assertThat(d.postcode()).hasValue(p.postcode());
        assertThat(d.addressIdentifier()).hasValue(p.addressIdentifier());
        assertThat(d.cspRegion()).hasValue(p.region());
        assertThat(d.eui()).isEqualTo(SyntheticEstate.eui(d.type(), p.number()));
        assertThat(d.mpxns()).isNotEmpty().allMatch(m -> m.equals(p.mpan()) || m.equals(p.mprn()));
      }
      assertThat(p.devices().get(0).mpxns()).containsExactly(p.mpan());
      assertThat(p.devices().get(1).mpxns()).containsExactly(p.mprn());
      assertThat(p.region()).isEqualTo(SyntheticEstate.AREAS.get(p.postcode().area()));
    }
  }

  @Test
  void identifiersAreUniqueAndInTheirRanges() {
    List<SyntheticEstate.Premises> estate = SyntheticEstate.premises(600, 9L);
    List<Device> devices = estate.stream().flatMap(p -> p.devices().stream()).toList();
    Set<Eui64> euis = devices.stream().map(Device::eui).collect(Collectors.toSet());
    assertThat(euis).hasSize(devices.size()).doesNotContainAnyElementsOf(USER_EUIS);
    assertThat(euis).allMatch(SyntheticEstate::isSynthetic);
    assertThat(USER_EUIS).noneMatch(SyntheticEstate::isSynthetic);
    assertThat(estate.stream().map(SyntheticEstate.Premises::uprn).distinct()).hasSize(600);
    assertThat(estate.stream().map(SyntheticEstate.Premises::mpan).distinct()).hasSize(600);
    assertThat(estate.stream().map(SyntheticEstate.Premises::mprn).distinct()).hasSize(600);
    for (SyntheticEstate.Premises p : estate) {
      assertThat(p.mpan()).hasSize(13);
      assertThat(p.mpan().charAt(12) - '0')
          .isEqualTo(SyntheticEstate.mpanCheckDigit(p.mpan().substring(0, 12)));
      assertThat(p.mprn()).hasSize(10);
      assertThat(Postcode.parse(p.postcode().toString())).isEqualTo(p.postcode());
    }
  }

  @Test
  void premisesShareAPostcodeStreetByStreet() {
    List<SyntheticEstate.Premises> estate = SyntheticEstate.premises(300, 2L);
    Map<Postcode, Set<String>> streets = new HashMap<>();
    for (SyntheticEstate.Premises p : estate) {
      streets.computeIfAbsent(p.postcode(), k -> new HashSet<>()).add(p.addressIdentifier());
    }
    assertThat(streets).hasSize(300 / SyntheticEstate.PREMISES_PER_POSTCODE);
    assertThat(streets.values()).allMatch(s -> s.size() == SyntheticEstate.PREMISES_PER_POSTCODE);
    assertThat(estate.stream().map(SyntheticEstate.Premises::region).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(Device.REGIONS);
  }

  @Test
  void typeCodesNameEveryTypeOnce() {
    Set<Integer> codes = new HashSet<>();
    for (DeviceType t : EnumSet.allOf(DeviceType.class)) {
      codes.add(SyntheticEstate.typeCode(t));
      assertThat(SyntheticEstate.eui(t, 5).toString())
          .isEqualTo(String.format("DE-DC-C5-%02X-00-00-00-05", SyntheticEstate.typeCode(t)));
    }
    assertThat(codes).hasSize(DeviceType.values().length);
  }

  @Test
  void theSizeIsBounded() {
    assertThatThrownBy(() -> SyntheticEstate.premises(0, 1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticEstate.premises(SyntheticEstate.MAX_PREMISES + 1, 1L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
