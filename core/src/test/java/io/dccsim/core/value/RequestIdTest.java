package io.dccsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RequestIdTest {
  private static final String USER = "90-B3-D5-1F-30-01-00-00";
  private static final String DCC = "90-B3-D5-1F-30-00-00-02";

  @Test
  void readsTheDuisForm() {
    RequestId id = RequestId.parse(USER + ":" + DCC + ":1000");
    assertThat(id.originator()).isEqualTo(Eui64.parse(USER));
    assertThat(id.target()).isEqualTo(Eui64.parse(DCC));
    assertThat(id.counter()).isEqualTo(1000L);
    assertThat(id).hasToString(USER + ":" + DCC + ":1000");
  }

  @Test
  void acceptsLowerCaseAndCompactEuisButWritesTheCanonicalForm() {
    RequestId id = RequestId.parse("90-b3-d5-1f-30-01-00-00:90b3d51f30000002:7");
    assertThat(id).hasToString(USER + ":" + DCC + ":7");
  }

  @Test
  void countersAreUnsigned64Bit() {
    RequestId max = RequestId.parse(USER + ":" + DCC + ":18446744073709551615");
    assertThat(max.counter()).isEqualTo(-1L);
    assertThat(max.counterText()).isEqualTo("18446744073709551615");
    assertThat(max.counterValue()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    RequestId small = max.withCounter(Long.MAX_VALUE);
    assertThat(max.compareCounterTo(small)).isPositive();
    assertThat(RequestId.ORDER.compare(small, max)).isNegative();
    assertThat(small.next().counterText()).isEqualTo("9223372036854775808");
    assertThatThrownBy(max::next).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void rejectsJunkNamingThePart() {
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":18446744073709551616"))
        .hasMessageContaining("exceeds 2^64-1");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":-1"))
        .hasMessageContaining("decimal digits");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":+1"))
        .hasMessageContaining("decimal digits");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":"))
        .hasMessageContaining("counter");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":000000000000000000001"))
        .hasMessageContaining("counter");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC))
        .hasMessageContaining("originator:target:counter");
    assertThatThrownBy(() -> RequestId.parse(USER + ":" + DCC + ":1:2"))
        .hasMessageContaining("originator:target:counter");
    assertThatThrownBy(() -> RequestId.parse("90-B3:" + DCC + ":1"))
        .hasMessageContaining("originator");
    assertThatThrownBy(() -> RequestId.parse(USER + ":zz:1")).hasMessageContaining("target");
  }

  @Provide
  Arbitrary<RequestId> requestIds() {
    Arbitrary<Eui64> euis = Arbitraries.longs().map(Eui64::of);
    return net.jqwik.api.Combinators.combine(euis, euis, Arbitraries.longs()).as(RequestId::new);
  }

  @Property
  void textRoundTrips(@ForAll("requestIds") RequestId id) {
    assertThat(RequestId.parse(id.toString())).isEqualTo(id);
    assertThat(id.counterValue().toString()).isEqualTo(id.counterText());
  }

  @Property
  void counterOrderIsNumericOrder(@ForAll long a, @ForAll long b) {
    RequestId x = new RequestId(Eui64.of(1), Eui64.of(2), a);
    RequestId y = x.withCounter(b);
    assertThat(Integer.signum(x.compareCounterTo(y)))
        .isEqualTo(x.counterValue().compareTo(y.counterValue()));
  }

  @Property
  void junkNeverParses(@ForAll String junk) {
    String text = USER + ":" + DCC + ":" + junk;
    boolean digits =
        !junk.isEmpty() && junk.length() <= 20 && junk.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      assertThatThrownBy(() -> RequestId.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
