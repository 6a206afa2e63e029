package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.config.SimulatorConfig;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any value for any setting, from a file, the environment or a flag: the settings are built, or
 * refused with an {@link IllegalArgumentException} that names the setting, which is what {@code
 * dccsim: cannot start: ...} prints. Never another failure.
 */
class SettingValuesPropertiesTest {
  private static final List<String> VALUES =
      List.of(
          "",
          " ",
          "0",
          "-1",
          "65536",
          "99999999999999999999",
          "1e3",
          "true",
          "TRUE",
          "yes",
          "nope",
          "PT0S",
          "PT-5S",
          "P99999999999D",
          "2021-06-24T00:00:00Z",
          "2021-02-30T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "by-date",
          "pinned:JUNE_2021",
          "pinned:",
          "require",
          "h2",
          "postgresql",
          "jdbc:postgresql://127.0.0.1:5432/x",
          "127.0.0.1",
          "::1",
          "a,b,,c",
          "/tmp",
          "nul\u0000in-it",
          "é",
          "${x}");

  @Provide
  Arbitrary<String> key() {
    return Arbitraries.of(List.copyOf(SimulatorConfig.KEYS.keySet()));
  }

  @Provide
  Arbitrary<String> value() {
    return Arbitraries.oneOf(Arbitraries.of(VALUES), Arbitraries.strings().ofMaxLength(12));
  }

  @Property(tries = 2000)
  void aSettingIsTakenOrRefusedByName(
      @ForAll("key") String key, @ForAll("value") String value, @ForAll("layer") int layer) {
    Map<String, String> one = Map.of(key, value);
    try {
      SimulatorConfig c =
          SimulatorConfig.from(
              layer == 0 ? one : Map.of(),
              layer == 1 ? one : Map.of(),
              layer == 2 ? one : Map.of());
      assertThat(c).isNotNull();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).as(key + "=" + value).contains(key);
    }
  }

  @Provide
  Arbitrary<Integer> layer() {
    return Arbitraries.integers().between(0, 2);
  }
}
