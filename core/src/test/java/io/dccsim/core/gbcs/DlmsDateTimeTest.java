package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DlmsDateTimeTest {

  @Test
  void anInstantInUtcToTheHundredth() {
    DlmsDateTime t = DlmsDateTime.of(Instant.parse("2021-06-24T23:59:58.129Z"));
    assertThat(Octets.of(t.toBytes())).isEqualTo(Octets.fromHex("07E5061804173B 3A 0C 0000 00"));
    assertThat(t.toInstant()).contains(Instant.parse("2021-06-24T23:59:58.12Z"));
    assertThat(DlmsDateTime.fromBytes(t.toBytes())).isEqualTo(t);
  }

  @Test
  void unspecifiedFieldsAndOtherZonesHaveNoInstant() {
    assertThat(
            DlmsDateTime.fromBytes(Octets.fromHex("FFFF061804173B 3A 0C 0000 00").toByteArray())
                .toInstant())
        .isEmpty();
    assertThat(
            DlmsDateTime.fromBytes(Octets.fromHex("07E5061804173B 3A FF 8000 FF").toByteArray())
                .toInstant())
        .contains(Instant.parse("2021-06-24T23:59:58Z"));
    assertThat(
            DlmsDateTime.fromBytes(Octets.fromHex("07E5061804173B 3A 00 FFC4 00").toByteArray())
                .toInstant())
        .isEmpty();
    assertThat(
            DlmsDateTime.fromBytes(Octets.fromHex("07E50D1804173B 3A 00 0000 00").toByteArray())
                .toInstant())
        .as("month 13")
        .isEmpty();
  }

  @Test
  void twelveBytesExactly() {
    assertThatThrownBy(() -> DlmsDateTime.fromBytes(new byte[11]))
        .isInstanceOf(GbcsFormatException.class);
    assertThatThrownBy(() -> DlmsDateTime.fromBytes(new byte[13]))
        .isInstanceOf(GbcsFormatException.class);
    assertThatThrownBy(() -> new DlmsDateTime(2021, 256, 1, 1, 0, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
