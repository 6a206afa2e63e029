package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class Eui64Test {
  @Test
  void acceptsDuisAndCompactFormsWithOneCanonicalForm() {
    Eui64 a = Eui64.parse("90-B3-D5-1F-30-01-00-00");
    Eui64 b = Eui64.parse("90b3d51f30010000");
    Eui64 c = Eui64.parse("90:b3:d5:1f:30:01:00:00");
    assertThat(a).isEqualTo(b).isEqualTo(c);
    assertThat(b.toString()).isEqualTo("90-B3-D5-1F-30-01-00-00");
    assertThat(a.toCompactHex()).isEqualTo("90b3d51f30010000");
  }

  @Test
  void rejectsWhatIsNotAnEui() {
    assertThatThrownBy(() -> Eui64.parse("90-B3-D5-1F-30-01-00"))
        .hasMessageContaining("expected 8 hex octets");
    assertThatThrownBy(() -> Eui64.parse("90-B3-D5-1F-30-01-00-0G"))
        .hasMessageContaining("not a hex digit");
    assertThatThrownBy(() -> Eui64.parse("90-B3-D5:1F-30-01-00-00"))
        .hasMessageContaining("expected '-'");
  }

  @Property
  void textRoundTrips(@ForAll long bits) {
    Eui64 e = Eui64.of(bits);
    assertThat(Eui64.parse(e.toString())).isEqualTo(e);
    assertThat(Eui64.parse(e.toCompactHex())).isEqualTo(e);
    assertThat(Eui64.fromBytes(e.toBytes())).isEqualTo(e);
  }
}
