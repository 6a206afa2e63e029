package io.dccsim.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SecReleaseTest {
  private static final Instant GO_LIVE = Instant.parse("2021-06-23T23:00:00Z");

  @Test
  void juneReleaseGoesLiveAtTheStartOfTheDayInGbSummerTime() {
    SecRelease r = SecRelease.JUNE_2021;
    assertThat(r.goLiveDate()).isEqualTo(LocalDate.of(2021, 6, 24));
    assertThat(r.goLive()).isEqualTo(GO_LIVE);
    assertThat(r.isLiveAt(GO_LIVE)).isTrue();
    assertThat(r.isLiveAt(GO_LIVE.minusNanos(1))).isFalse();
  }

  @Test
  void juneReleaseHoldsTheFiveModifications() {
    assertThat(SecRelease.JUNE_2021.modifications())
        .containsExactly(
            Modification.MP106,
            Modification.MP144,
            Modification.MP146,
            Modification.MP147,
            Modification.MP153);
  }

  @Test
  void impactedPartiesFollowTheParticipantMatrix() {
    EnumSet<SecParty> parties =
        EnumSet.of(
            SecParty.SUPPLIERS,
            SecParty.ELECTRICITY_NETWORKS,
            SecParty.GAS_NETWORKS,
            SecParty.OTHER_SEC_PARTIES);
    assertThat(Modification.MP106.impactedParties()).isEqualTo(parties);
    assertThat(Modification.MP144.impactedParties()).isEqualTo(EnumSet.allOf(SecParty.class));
    assertThat(Modification.MP146.impactedParties())
        .containsExactlyInAnyOrder(SecParty.SUPPLIERS, SecParty.DCC);
    assertThat(Modification.MP147.impactedParties()).containsExactly(SecParty.DCC);
    assertThat(Modification.MP153.impactedParties()).containsExactly(SecParty.DCC);
    assertThat(Modification.MP106.affects(SecParty.DCC)).isFalse();
  }

  @Test
  void documentsFollowTheDocumentMatrix() {
    assertThat(Modification.MP106.documents()).containsExactly(SecDocument.APPENDIX_I);
    assertThat(Modification.MP144.documents()).containsExactly(SecDocument.SECTION_I);
    assertThat(Modification.MP146.documents()).containsExactly(SecDocument.SECTION_H);
    assertThat(Modification.MP147.documents()).containsExactly(SecDocument.APPENDIX_O);
    assertThat(Modification.MP153.documents()).containsExactly(SecDocument.SECTION_J);
    for (Modification m : Modification.values()) {
      assertThat(m.documents()).doesNotContain(SecDocument.SCHEDULE_7, SecDocument.APPENDIX_J);
    }
    assertThat(SecDocument.APPENDIX_O.title())
        .hasValue("SMKI Repository Interface Design Specification");
    assertThat(SecDocument.SCHEDULE_7.title()).isEmpty();
  }

  @Test
  void modificationsDescribeThemselves() {
    assertThat(Modification.MP147.title()).isEqualTo("SMKI Full Extract");
    assertThat(Modification.MP147.before()).contains("every day");
    assertThat(Modification.MP147.after()).contains("every week");
    assertThat(Modification.MP144.inclusion()).isEqualTo(Modification.Inclusion.TARGETED);
    assertThat(Modification.MP106.inclusion()).isEqualTo(Modification.Inclusion.APPROVED);
    assertThat(Modification.MP106.page().toString())
        .endsWith("/chism-update-for-unknown-wan-variant/");
    assertThat(Modification.fromId(" mp146 ")).hasValue(Modification.MP146);
    assertThat(Modification.fromId("MP999")).isEmpty();
    assertThat(Modification.fromId(null)).isEmpty();
    assertThatThrownBy(() -> Modification.MP106.documents().add(SecDocument.SECTION_H))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void timelineAndHistoryAreInDateOrder() {
    List<ReleaseEvent> t = SecRelease.JUNE_2021.timeline();
    assertThat(t).hasSize(3);
    assertThat(t.get(2).date()).isEqualTo(SecRelease.JUNE_2021.goLiveDate());
    assertThat(t).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
    List<DocumentVersion> h = SecRelease.JUNE_2021.documentHistory();
    assertThat(h)
        .extracting(DocumentVersion::version)
        .containsExactly("0.1", "1.0", "1.1", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0");
    assertThat(h).isSortedAccordingTo((a, b) -> a.date().compareTo(b.date()));
    assertThat(h.get(8).changes()).contains("MP153");
  }

  @Test
  void baselinesAnswerWhetherAModificationIsInForce() {
    for (Modification m : Modification.values()) {
      assertThat(Baseline.JUNE_2021.isInForce(m)).isTrue();
      assertThat(Baseline.PRE_JUNE_2021.isInForce(m)).isFalse();
    }
    assertThat(Baseline.JUNE_2021.release()).containsSame(SecRelease.JUNE_2021);
    assertThat(Baseline.PRE_JUNE_2021.release()).isEmpty();
  }

  @Test
  void byDatePolicySwitchesAtGoLive() {
    BaselinePolicy p = BaselinePolicy.byDate();
    assertThat(p.at(GO_LIVE.minusSeconds(1))).isEqualTo(Baseline.PRE_JUNE_2021);
    assertThat(p.at(GO_LIVE)).isEqualTo(Baseline.JUNE_2021);
    assertThat(p.current(Clock.fixed(Instant.parse("2021-06-24T12:00:00Z"), ZoneOffset.UTC)))
        .isEqualTo(Baseline.JUNE_2021);
    assertThat(p.isInForce(Modification.MP106, Instant.parse("2021-06-23T22:59:59Z"))).isFalse();
    assertThat(
            p.isInForce(
                Modification.MP147,
                Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC)))
        .isTrue();
  }

  @Test
  void pinnedPolicyIgnoresTheDate() {
    BaselinePolicy pre = BaselinePolicy.pinned(Baseline.PRE_JUNE_2021);
    assertThat(pre.at(Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo(Baseline.PRE_JUNE_2021);
    BaselinePolicy june = BaselinePolicy.pinned(Baseline.JUNE_2021);
    assertThat(june.at(Instant.EPOCH)).isEqualTo(Baseline.JUNE_2021);
    assertThat(june).isEqualTo(BaselinePolicy.pinned(Baseline.JUNE_2021));
  }

  @Test
  void policiesParseFromConfigurationText() {
    assertThat(BaselinePolicy.parse("by-date")).isSameAs(BaselinePolicy.byDate());
    assertThat(BaselinePolicy.parse("BY_DATE")).isSameAs(BaselinePolicy.byDate());
    assertThat(BaselinePolicy.parse("june_2021"))
        .isEqualTo(BaselinePolicy.pinned(Baseline.JUNE_2021));
    assertThat(BaselinePolicy.parse(" pre-june-2021 "))
        .isEqualTo(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021));
    assertThat(BaselinePolicy.parse(BaselinePolicy.byDate().toString()))
        .isSameAs(BaselinePolicy.byDate());
    assertThat(BaselinePolicy.parse(BaselinePolicy.pinned(Baseline.JUNE_2021).toString()))
        .isEqualTo(BaselinePolicy.pinned(Baseline.JUNE_2021));
    assertThatThrownBy(() -> BaselinePolicy.parse("2021"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("by-date");
  }

  @Property
  void byDateIsJune2021ExactlyFromGoLive(
      @ForAll @LongRange(min = -5_000_000_000L, max = 5_000_000_000L) long seconds) {
    Instant when = Instant.ofEpochSecond(seconds);
    Baseline b = BaselinePolicy.byDate().at(when);
    assertThat(b == Baseline.JUNE_2021).isEqualTo(!when.isBefore(GO_LIVE));
    for (Modification m : Modification.values()) {
      assertThat(BaselinePolicy.byDate().isInForce(m, when)).isEqualTo(b == Baseline.JUNE_2021);
    }
  }
}
