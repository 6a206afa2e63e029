package io.dccsim.sim.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Postcode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeKeyTest {

  @ParameterizedTest
  @ValueSource(strings = {"M22 0RR", "m220rr", " M22 0RR ", "EC1A 1BB", "W1A 0AX", "B33 8TH"})
  void acceptsValidPostcodesInAnyCaseAndSpacing(String text) {
    assertThat(PostcodeKey.parse(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "M22",
        "M22 0R",
        "QQ1 1AA",
        "M22 0RC",
        "22M 0RR",
        "M22 ORR",
        "ABCDE 1AA",
        "M22-0RR",
        "M22 0RR X",
        "ZZ1 1AA"
      })
  void refusesInvalidPostcodes(String text) {
    assertThat(PostcodeKey.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"M22 0RR", "EC1A 1BB", "W1A 0AX", "SW1A 2AA", "B3 8TH"})
  void normalisesAndNamesTheArea(String text) {
    Postcode p = PostcodeKey.parse(text.toLowerCase().replace(" ", "")).orElseThrow();
    assertThat(p.toString()).isEqualTo(text);
    assertThat(p.area()).isEqualTo(text.replaceAll("[0-9].*", ""));
  }

  @Property
  void packingRoundTrips(@ForAll("postcodes") String text) {
    Postcode p = PostcodeKey.parse(text).orElseThrow();
    assertThat(PostcodeKey.pack(p)).isBetween(0L, (1L << 37) - 1);
    assertThat(PostcodeKey.unpack(PostcodeKey.pack(p))).isEqualTo(p);
  }

  @Property
  void distinctPostcodesPackDistinctly(
      @ForAll("postcodes") String a, @ForAll("postcodes") String b) {
    Postcode pa = Postcode.parse(a);
    Postcode pb = Postcode.parse(b);
    assertThat(PostcodeKey.pack(pa) == PostcodeKey.pack(pb)).isEqualTo(pa.equals(pb));
  }

  @Provide
  Arbitrary<String> postcodes() {
    Arbitrary<String> area = Arbitraries.of(PostcodeKey.AREAS);
    Arbitrary<Integer> district = Arbitraries.integers().between(0, 99);
    Arbitrary<String> sub = Arbitraries.of("", "A", "W");
    Arbitrary<Integer> sector = Arbitraries.integers().between(0, 9);
    Arbitrary<String> unit = Arbitraries.strings().withChars("ABDEFGHJLNPQRSTUWXYZ").ofLength(2);
    return Combinators.combine(area, district, sub, sector, unit)
        .as(
            (a, d, s, n, u) -> {
              String dist = a.length() == 2 && !s.isEmpty() ? Integer.toString(d % 10) : "" + d;
              return a + dist + s + " " + n + u;
            })
        .filter(t -> PostcodeKey.parse(t).isPresent());
  }
}
