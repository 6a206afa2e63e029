package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void parsesPoundsToExactPence() {
    assertThat(Money.parse("1200").pence()).isEqualTo(120000);
    assertThat(Money.parse("1200.5").pence()).isEqualTo(120050);
    assertThat(Money.parse(" 0.01 ").pence()).isEqualTo(1);
    assertThat(Money.parse("12.300").pence()).isEqualTo(1230);
  }

  @Test
  void refusesFractionsOfAPennyAndJunk() {
    assertThatThrownBy(() -> Money.parse("0.001"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fraction of a penny");
    assertThatThrownBy(() -> Money.parse("ten pounds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a decimal amount");
    assertThatThrownBy(() -> Money.parse("1e30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void writesTwoDecimalPlaces() {
    assertThat(Money.ofPence(5).toString()).isEqualTo("0.05");
    assertThat(Money.ofPence(120000).toPounds()).isEqualByComparingTo("1200").hasScaleOf(2);
    assertThat(Money.ofPence(-150).toString()).isEqualTo("-1.50");
  }

  @Test
  void refusesToOverflow() {
    assertThatThrownBy(() -> Money.ofPence(Long.MAX_VALUE).plus(Money.ofPence(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Property
  void textRoundTrips(@ForAll long pence) {
    Money m = Money.ofPence(pence);
    assertThat(Money.parse(m.toString())).isEqualTo(m);
    assertThat(Money.ofPounds(new BigDecimal(m.toString()))).isEqualTo(m);
  }
}
