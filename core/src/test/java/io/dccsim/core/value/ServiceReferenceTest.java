package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ServiceReferenceTest {
  @Test
  void readsReferencesAndVariants() {
    assertThat(ServiceReference.parse("12.1")).isEqualTo(ServiceReference.REQUEST_WAN_MATRIX);
    ServiceReferenceVariant v = ServiceReferenceVariant.parse("6.15.1");
    assertThat(v.reference()).isEqualTo(new ServiceReference(6, 15));
    assertThat(v.variant()).isEqualTo(1);
    assertThat(v.hasVariantNumber()).isTrue();
    assertThat(v).hasToString("6.15.1");
    assertThat(ServiceReferenceVariant.parse("12.1"))
        .isEqualTo(ServiceReferenceVariant.REQUEST_WAN_MATRIX)
        .isEqualTo(ServiceReferenceVariant.of(ServiceReference.REQUEST_WAN_MATRIX));
  }

  @Test
  void rejectsJunk() {
    for (String s :
        new String[] {
          "", "12", "12.", ".1", "12.1.1", "012.1", "12.01", "123.1", "12.0", "a.b", "12,1", "12..1"
        }) {
      assertThatThrownBy(() -> ServiceReference.parse(s))
          .as("'%s'", s)
          .isInstanceOf(IllegalArgumentException.class);
    }
    for (String s : new String[] {"12", "12.1.1.1", "12.1.0", "12.1.100", "12.1."}) {
      assertThatThrownBy(() -> ServiceReferenceVariant.parse(s))
          .as(s)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void referencesRoundTrip(
      @ForAll @IntRange(min = 1, max = 99) int major,
      @ForAll @IntRange(min = 1, max = 99) int minor,
      @ForAll @IntRange(min = 0, max = 99) int variant) {
    ServiceReference r = new ServiceReference(major, minor);
    assertThat(ServiceReference.parse(r.toString())).isEqualTo(r);
    ServiceReferenceVariant v = new ServiceReferenceVariant(r, variant);
    assertThat(ServiceReferenceVariant.parse(v.toString())).isEqualTo(v);
  }
}
