package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class UprnTest {
  @Test
  void readsPositiveNumbersOfUpToTwelveDigits() {
    assertThat(Uprn.parse("100023336956")).isEqualTo(Uprn.of(100023336956L));
    assertThat(Uprn.parse("999999999999").value()).isEqualTo(Uprn.MAX);
    assertThat(Uprn.parse("0007")).hasToString("7");
    assertThat(Uprn.parse(" 42 ").value()).isEqualTo(42);
  }

  @Test
  void rejectsJunk() {
    for (String s :
        new String[] {"", "0", "000", "-1", "+1", "1000000000000", "12a", "1 2", "1.0"}) {
      assertThatThrownBy(() -> Uprn.parse(s)).as(s).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> Uprn.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Uprn.of(Uprn.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void textRoundTrips(@ForAll @LongRange(min = 1, max = Uprn.MAX) long v) {
    Uprn u = Uprn.of(v);
    assertThat(Uprn.parse(u.toString())).isEqualTo(u);
  }

  @Property
  void outOfRangeValuesAreRejected(@ForAll long v) {
    if (v < 1 || v > Uprn.MAX) {
      assertThatThrownBy(() -> Uprn.of(v)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
