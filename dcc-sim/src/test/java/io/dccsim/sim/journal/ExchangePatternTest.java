package io.dccsim.sim.journal;

import static io.dccsim.sim.journal.ExchangePattern.requestsTo;
import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.T0;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.sim.journal.internal.PostcodeKey;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ExchangePatternTest {

  @Test
  void describesItselfInTheTestsWords() {
    assertThat(
            wanMatrixRequests()
                .forPostcode("m22 0rr")
                .from(SUPPLIER)
                .withResponseCode("I0")
                .describe())
        .isEqualTo("SR 12.1 requests for postcode M22 0RR from " + SUPPLIER + " answered I0");
  }

  @Test
  void matchesTheVariantAndTheRequestIdsTarget() {
    Exchange e = SyntheticExchanges.wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0);
    io.dccsim.core.value.Eui64 dcc = io.dccsim.core.value.Eui64.parse("90-b3-d5-1f-30-00-00-02");
    assertThat(ExchangePattern.anyExchange().forVariant("12.1").to(dcc).matches(e)).isTrue();
    assertThat(ExchangePattern.anyExchange().forVariant("8.14.1").mismatches(e))
        .containsExactly("service reference variant: expected 8.14.1 but was 12.1");
    assertThat(
            ExchangePattern.anyExchange()
                .to(io.dccsim.core.value.Eui64.parse("00-0D-6F-00-00-00-10-05"))
                .mismatches(e))
        .singleElement()
        .asString()
        .startsWith("target: expected 00-0D-6F-00-00-00-10-05 but was 90-B3-D5-1F-30-00-00-02");
    assertThatThrownBy(() -> ExchangePattern.anyExchange().forVariant("eight"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void uprnIgnoresLeadingZeros() {
    Exchange e =
        new Exchange(
            1,
            T0,
            "/api/v1/serviceD",
            "127.0.0.1:1",
            java.util.Optional.empty(),
            java.util.Optional.of(SyntheticExchanges.wanMatrixFacts(SUPPLIER, null, "00123")),
            Verdict.ANSWERED,
            "",
            200,
            java.util.Optional.of("I0"),
            new byte[0],
            new byte[0],
            java.time.Duration.ZERO);
    assertThat(wanMatrixRequests().forUprn(123).matches(e)).isTrue();
    assertThat(wanMatrixRequests().forUprn("124").mismatches(e))
        .containsExactly("UPRN: expected 124 but was 123");
  }

  @Test
  void pathAndStatus() {
    Exchange e = wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0);
    assertThat(requestsTo("/api/v1/serviceD").withHttpStatus(200).matches(e)).isTrue();
    assertThat(requestsTo("/api/v1/serviceS").mismatches(e))
        .containsExactly("path: expected /api/v1/serviceS but was /api/v1/serviceD");
  }

  @Property
  void postcodeSpacingAndCaseDoNotMatter(
      @ForAll @AlphaChars @StringLength(min = 2, max = 4) String outward,
      @ForAll @AlphaChars @StringLength(3) String inward) {
    String canonical = PostcodeKey.canonical(outward + " " + inward);
    assertThat(PostcodeKey.canonical(outward.toLowerCase() + inward.toLowerCase()))
        .isEqualTo(canonical);
    assertThat(PostcodeKey.canonical("  " + outward + "   " + inward + " ")).isEqualTo(canonical);
    assertThat(canonical).endsWith(" " + inward.toUpperCase());
  }
}
