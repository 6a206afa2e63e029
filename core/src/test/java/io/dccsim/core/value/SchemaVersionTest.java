package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {
  @Test
  void knowsWhichVersionsAnswerPerRegion() {
    assertThat(SchemaVersion.parse("5.0").perRegionWanMatrix()).isFalse();
    assertThat(SchemaVersion.parse("5.1").perRegionWanMatrix()).isFalse();
    assertThat(SchemaVersion.parse("5.3").perRegionWanMatrix()).isTrue();
    assertThat(SchemaVersion.parse("5.4").perRegionWanMatrix()).isTrue();
    assertThat(SchemaVersion.parse("5").isPublished()).isTrue();
    // the DCC's reference test messages for 8.4, 8.6, 8.14.1 and 12.2 are written in 5.2
    assertThat(SchemaVersion.parse("5.2").isPublished()).isTrue();
    assertThat(SchemaVersion.parse("5.2").perRegionWanMatrix()).isFalse();
    assertThat(SchemaVersion.parse("5.5").isPublished()).isFalse();
    assertThat(SchemaVersion.parse(" 5.1 ")).isEqualTo(SchemaVersion.V5_1);
  }

  @Test
  void rejectsJunk() {
    for (String s : new String[] {"", ".", "5.", ".1", "5.1.1", "v5", "-5.1", "5,1", "123.1"}) {
      assertThatThrownBy(() -> SchemaVersion.parse(s))
          .as("'%s'", s)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Property
  void roundTrips(
      @ForAll @IntRange(min = 0, max = 99) int major,
      @ForAll @IntRange(min = 0, max = 99) int minor) {
    SchemaVersion v = new SchemaVersion(major, minor);
    assertThat(SchemaVersion.parse(v.toString())).isEqualTo(v);
  }
}
