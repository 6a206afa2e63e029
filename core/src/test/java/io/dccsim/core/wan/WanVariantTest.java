package io.dccsim.core.wan;

import static io.dccsim.core.release.Baseline.JUNE_2021;
import static io.dccsim.core.release.Baseline.PRE_JUNE_2021;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.wan.WanVariant.Kind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WanVariantTest {

  /** The MP106 table of the documentation, row by row. */
  static Stream<Arguments> mp106Table() {
    return Stream.of(
        // raw, kind before, kind after, non-standard
        Arguments.of(" ", Kind.UNSPECIFIED, Kind.UNKNOWN, false),
        Arguments.of("Unknown", Kind.UNKNOWN, Kind.UNKNOWN, false),
        Arguments.of("", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("  ", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("   ", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\t", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\n", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\r\n", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\u00A0", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of(" \u00A0\t", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\u2003", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\u3000", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\u200B", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("\uFEFF", Kind.UNSPECIFIED, Kind.UNKNOWN, true),
        Arguments.of("unknown", Kind.UNKNOWN, Kind.UNKNOWN, true),
        Arguments.of("UNKNOWN", Kind.UNKNOWN, Kind.UNKNOWN, true),
        Arguments.of(" Unknown ", Kind.UNKNOWN, Kind.UNKNOWN, true),
        Arguments.of("4G", Kind.KNOWN, Kind.KNOWN, false),
        Arguments.of("SMWAN 2G/3G", Kind.KNOWN, Kind.KNOWN, false),
        Arguments.of(" 4G ", Kind.KNOWN, Kind.KNOWN, true));
  }

  @ParameterizedTest
  @MethodSource("mp106Table")
  void interpretsEveryRowOfTheTable(String raw, Kind before, Kind after, boolean nonStandard) {
    WanVariant pre = WanVariant.interpret(raw, PRE_JUNE_2021);
    WanVariant post = WanVariant.interpret(raw, JUNE_2021);
    assertThat(pre.kind()).isEqualTo(before);
    assertThat(post.kind()).isEqualTo(after);
    assertThat(pre.nonStandard()).isEqualTo(nonStandard);
    assertThat(post.nonStandard()).isEqualTo(nonStandard);
    assertThat(pre.raw()).isEqualTo(raw);
    assertThat(post.raw()).isEqualTo(raw);
  }

  @Test
  void aSingleSpaceIsUnknownOnlyUnderJune2021() {
    assertThat(WanTechnology.SPACE.interpret(JUNE_2021).isUnknown()).isTrue();
    WanVariant before = WanTechnology.SPACE.interpret(PRE_JUNE_2021);
    assertThat(before.isUnknown()).isFalse();
    assertThat(before.kind()).isEqualTo(Kind.UNSPECIFIED);
    assertThat(before.name()).isEmpty();
    assertThat(before.raw()).isEqualTo(" ");
    assertThat(WanTechnology.SPACE.interpret(JUNE_2021).kind())
        .isEqualTo(WanTechnology.UNKNOWN.interpret(JUNE_2021).kind());
  }

  @Test
  void namedVariantsKeepTheirName() {
    WanVariant v = WanVariant.interpret(" 4G ", JUNE_2021);
    assertThat(v.name()).hasValue("4G");
    assertThat(v.raw()).isEqualTo(" 4G ");
    assertThat(WanVariant.known("4G")).isEqualTo(WanVariant.interpret("4G", PRE_JUNE_2021));
    assertThatThrownBy(() -> WanVariant.known(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WanVariant.known("Unknown"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WanVariant.known(" 4G")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void technologyTextIsBoundedButKeptVerbatim() {
    assertThat(WanTechnology.of("  ").text()).isEqualTo("  ");
    assertThat(WanTechnology.of("x".repeat(30)).text()).hasSize(30);
    assertThatThrownBy(() -> WanTechnology.of("x".repeat(31)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(WanTechnology.SPACE.toString()).contains("\" \"");
  }

  @Provide
  Arbitrary<String> blanks() {
    return Arbitraries.strings()
        .withChars(' ', '\t', '\n', '\r', '\u00A0', '\u2002', '\u2009', '\u3000', '\u200B')
        .ofMinLength(0)
        .ofMaxLength(30);
  }

  @Property
  void blanksAreUnspecifiedBeforeAndUnknownAfter(@ForAll("blanks") String raw) {
    assertThat(WanVariant.interpret(raw, PRE_JUNE_2021).kind()).isEqualTo(Kind.UNSPECIFIED);
    assertThat(WanVariant.interpret(raw, JUNE_2021).kind()).isEqualTo(Kind.UNKNOWN);
    assertThat(WanVariant.interpret(raw, JUNE_2021).nonStandard()).isEqualTo(!raw.equals(" "));
  }

  @Property
  void baselinesOnlyDisagreeAboutBlanks(@ForAll String raw) {
    WanVariant pre = WanVariant.interpret(raw, Baseline.PRE_JUNE_2021);
    WanVariant post = WanVariant.interpret(raw, Baseline.JUNE_2021);
    if (!WanVariant.isBlank(raw)) {
      assertThat(pre).isEqualTo(post);
      assertThat(pre.kind()).isNotEqualTo(Kind.UNSPECIFIED);
    }
    assertThat(post.kind()).isNotEqualTo(Kind.UNSPECIFIED);
  }

  @Test
  void theBaselineCanComeFromAPolicyAndAClock() {
    Clock before = Clock.fixed(Instant.parse("2021-06-23T22:59:59Z"), ZoneOffset.UTC);
    Clock after = Clock.fixed(Instant.parse("2021-06-23T23:00:00Z"), ZoneOffset.UTC);
    BaselinePolicy byDate = BaselinePolicy.byDate();
    assertThat(WanTechnology.SPACE.interpret(byDate, before).kind()).isEqualTo(Kind.UNSPECIFIED);
    assertThat(WanTechnology.SPACE.interpret(byDate, after).kind()).isEqualTo(Kind.UNKNOWN);
  }
}
