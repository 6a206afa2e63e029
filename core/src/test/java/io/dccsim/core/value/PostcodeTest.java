package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PostcodeTest {
  @Test
  void normalisesCaseAndSpacing() {
    assertThat(Postcode.parse("m220rr")).hasToString("M22 0RR");
    assertThat(Postcode.parse(" M22   0RR ")).hasToString("M22 0RR");
    Postcode p = Postcode.parse("M22 0RR");
    assertThat(p.outward()).isEqualTo("M22");
    assertThat(p.inward()).isEqualTo("0RR");
    assertThat(p.area()).isEqualTo("M");
    assertThat(p.sector()).isEqualTo("M22 0");
  }

  @Test
  void acceptsEveryOutwardShape() {
    assertThat(Postcode.parse("M1 1AE")).hasToString("M1 1AE"); // A9
    assertThat(Postcode.parse("B33 8TH")).hasToString("B33 8TH"); // A99
    assertThat(Postcode.parse("W1A 0AX")).hasToString("W1A 0AX"); // A9A
    assertThat(Postcode.parse("CR2 6XH")).hasToString("CR2 6XH"); // AA9
    assertThat(Postcode.parse("DN55 1PT")).hasToString("DN55 1PT"); // AA99
    assertThat(Postcode.parse("EC1A 1BB")).hasToString("EC1A 1BB"); // AA9A
    assertThat(Postcode.parse("sw1a2aa")).hasToString("SW1A 2AA");
    assertThat(Postcode.parse("GIR 0AA")).hasToString("GIR 0AA");
    assertThat(Postcode.parse("EC1A 1BB").area()).isEqualTo("EC");
  }

  @Test
  void rejectsWhatCannotBeAPostcode() {
    for (String s :
        new String[] {
          "",
          "M2",
          "M22",
          "0RR",
          "M22 ORR", // letter O for zero
          "M22 0CR",
          "M22 0RI", // inward letters never C, I, K, M, O, V
          "Q1 1AA",
          "V1 1AA",
          "X1 1AA", // first letter
          "AI1 1AA",
          "AJ1 1AA",
          "AZ1 1AA", // second letter
          "W1I 1AA", // A9A third letter
          "EC1C 1AA", // AA9A fourth letter
          "M123 1AA",
          "MM 1AA",
          "MMMM 1AA",
          "1M 1AA",
          "M1AA 1AA",
          "ABC1 1AA",
          "M2-2 0RR",
          "M 22 0RR",
          "M22\t0RR",
          "M22 0R",
          "M22 0RRR",
          "\uFF2D22 0RR",
          "M22 0RR extra",
          "STRASSE 1AA",
          "\u00DF1 1AA",
          "\u0131V1 1AA"
        }) {
      assertThat(Postcode.isValid(s)).as("'%s' is valid", s).isFalse();
      assertThatThrownBy(() -> Postcode.parse(s))
          .as(s)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Not a postcode");
    }
  }

  @Test
  void theConstructorChecksToo() {
    assertThatThrownBy(() -> new Postcode("M22", "ORR"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Postcode("m22", "0RR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Arbitrary<Character> from(String chars) {
    return Arbitraries.of(chars.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
  }

  @Provide
  Arbitrary<String> postcodes() {
    Arbitrary<Character> first = from("ABCDEFGHIJKLMNOPRSTUWYZ");
    Arbitrary<Character> second = from("ABCDEFGHKLMNOPQRSTUVWXY");
    Arbitrary<Character> digit = from("0123456789");
    Arbitrary<Character> third = from("ABCDEFGHJKPSTUW");
    Arbitrary<Character> fourth = from("ABEHMNPRVWXY");
    Arbitrary<Character> in = from("ABDEFGHJLNPQRSTUWXYZ");
    Arbitrary<String> outward =
        Arbitraries.oneOf(
            Combinators.combine(first, digit).as((a, b) -> "" + a + b),
            Combinators.combine(first, digit, digit).as((a, b, c) -> "" + a + b + c),
            Combinators.combine(first, digit, third).as((a, b, c) -> "" + a + b + c),
            Combinators.combine(first, second, digit).as((a, b, c) -> "" + a + b + c),
            Combinators.combine(first, second, digit, digit).as((a, b, c, d) -> "" + a + b + c + d),
            Combinators.combine(first, second, digit, fourth)
                .as((a, b, c, d) -> "" + a + b + c + d));
    Arbitrary<String> inward = Combinators.combine(digit, in, in).as((a, b, c) -> "" + a + b + c);
    return Combinators.combine(outward, inward).as((o, i) -> o + " " + i);
  }

  @Property
  void validPostcodesRoundTripInAnySpacingAndCase(
      @ForAll("postcodes") String code, @ForAll boolean lower, @ForAll boolean squeeze) {
    String text = squeeze ? code.replace(" ", "") : code;
    if (lower) {
      text = text.toLowerCase(java.util.Locale.ROOT);
    }
    Postcode p = Postcode.parse(text);
    assertThat(p).hasToString(code);
    assertThat(Postcode.parse(p.toString())).isEqualTo(p);
    assertThat(p.toString().length()).isBetween(6, 8);
  }

  @Property
  void parsingNeverFailsOtherThanWithIllegalArgument(@ForAll String junk) {
    try {
      Postcode p = Postcode.parse(junk);
      assertThat(Postcode.parse(p.toString())).isEqualTo(p);
    } catch (IllegalArgumentException expected) {
      assertThat(expected).hasMessageStartingWith("Not a postcode");
    }
  }
}
