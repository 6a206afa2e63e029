package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillingPeriodTest {

  @Test
  void parsesAMonth() {
    BillingPeriod june = BillingPeriod.parse("2021-06");
    assertThat(june.firstDay()).isEqualTo(LocalDate.of(2021, 6, 1));
    assertThat(june.lastDay()).isEqualTo(LocalDate.of(2021, 6, 30));
    assertThat(june.contains(LocalDate.of(2021, 6, 24))).isTrue();
    assertThat(june.contains(LocalDate.of(2021, 7, 1))).isFalse();
    assertThat(june).hasToString("2021-06");
    assertThat(BillingPeriod.parse("2024-02").lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-13", "2021-00", "2021-6", "June 2021", "2021-06-01", ""})
  void refusesAPeriodThatDoesNotExist(String text) {
    assertThatThrownBy(() -> BillingPeriod.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesAMonthNumberOutOfRange() {
    assertThatThrownBy(() -> BillingPeriod.of(2021, 13))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2021-13 does not exist");
  }
}
