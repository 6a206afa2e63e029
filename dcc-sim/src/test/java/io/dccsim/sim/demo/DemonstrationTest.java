package io.dccsim.sim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Modification;
import io.dccsim.core.release.SecRelease;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemonstrationTest {

  private static DemoReport report;

  @BeforeAll
  static void runTheDemonstrationOnce() {
    report = Demonstration.standard().run();
  }

  private static DemoRow row(DemoSection section, String labelStart) {
    return section.rows().stream()
        .filter(r -> r.label().startsWith(labelStart))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + labelStart + " in " + section));
  }

  @Test
  void hasOneSectionPerModificationInTheReleasesOrder() {
    assertThat(report.sections())
        .extracting(DemoSection::modification)
        .containsExactlyElementsOf(SecRelease.JUNE_2021.modifications());
    String text = report.render();
    for (Modification m : SecRelease.JUNE_2021.modifications()) {
      assertThat(text).contains("== " + m.id() + " " + m.title() + " ==");
    }
  }

  @Test
  void mp144MovesTheAssessmentCostToTheAssessedOtherUser() {
    DemoSection mp144 = report.section(Modification.MP144).orElseThrow();

    assertThat(mp144.failure()).isEmpty();
    assertThat(row(mp144, "baseline applied"))
        .isEqualTo(new DemoRow("baseline applied (by date)", "PRE_JUNE_2021", "JUNE_2021"));
    DemoRow rspa1 = row(mp144, "RSPA-1");
    assertThat(rspa1.changed()).isTrue();
    assertThat(rspa1.before()).isEqualTo("SUPA 1800.01, SUPB 900.00, DNO1 300.00");
    assertThat(rspa1.after()).isEqualTo("OU1 3000.01");
    DemoRow rspa2 = row(mp144, "RSPA-2");
    assertThat(rspa2.changed()).isFalse();
    assertThat(row(mp144, "OU1").before()).isEqualTo("0.00");
    assertThat(row(mp144, "OU1").after()).isEqualTo("3000.01");
    assertThat(row(mp144, "invoiced = charged").before()).doesNotContain("!");
  }

  @Test
  void mp153PutsFinanceChargesOnTheOrdinaryInvoiceUnlessTheAgreementRequiresOtherwise() {
    DemoSection mp153 = report.section(Modification.MP153).orElseThrow();

    assertThat(row(mp153, "CHF-SUPA goes on"))
        .isEqualTo(
            new DemoRow(
                "CHF-SUPA goes on", "separate CH finance invoice (CHF)", "ordinary invoice (ORD)"));
    assertThat(row(mp153, "CHF-SUPB goes on").changed()).isFalse();
    assertThat(mp153.rows()).noneMatch(r -> r.label().startsWith("OU1"));
    assertThat(row(mp153, "SUPA Alpha Energy: invoices issued"))
        .isEqualTo(new DemoRow("SUPA Alpha Energy: invoices issued", "ORD + CHF", "ORD"));
    assertThat(row(mp153, "CH finance invoices issued"))
        .isEqualTo(new DemoRow("CH finance invoices issued", "2", "1"));
  }

  @Test
  void mp106ReadsTheSameSpaceAsUnknownAfterGoLive() {
    DemoSection mp106 = report.section(Modification.MP106).orElseThrow();

    assertThat(mp106.failure()).isEmpty();
    assertThat(row(mp106, "response code").before()).isEqualTo("I0");
    assertThat(row(mp106, "CSPRegion").before()).isIn("South", "Central");
    assertThat(row(mp106, "WANTechnology as sent"))
        .isEqualTo(new DemoRow("WANTechnology as sent", "\" \"", "\" \""));
    assertThat(row(mp106, "meaning to the supplier's client"))
        .isEqualTo(new DemoRow("meaning to the supplier's client", "UNSPECIFIED", "UNKNOWN"));
  }

  @Test
  void mp146ReportsALateAnticipatedDateOnlyAfterGoLive() {
    DemoSection mp146 = report.section(Modification.MP146).orElseThrow();

    assertThat(mp146.failure()).isEmpty();
    DemoRow late = row(mp146, "late address: AnticipatedCoverageDate");
    assertThat(late.before()).isEqualTo("(not reported)");
    assertThat(java.time.LocalDate.parse(late.after())).isAfter("2021-01-01");
    DemoRow early = row(mp146, "early address: AnticipatedCoverageDate");
    assertThat(early.changed()).isFalse();
    assertThat(java.time.LocalDate.parse(early.before())).isBeforeOrEqualTo("2021-01-01");
  }

  @Test
  void everySectionRanAndShowsAChange() {
    assertThat(report.sections())
        .allSatisfy(
            s -> {
              assertThat(s.failure()).as(s.modification().id()).isEmpty();
              assertThat(s.showsAChange()).as(s.modification().id()).isTrue();
            });
  }

  @Test
  void mp147PublishesAWeeklyFullAndDailyDeltasThatRebuildTheRepository() {
    DemoSection mp147 = report.section(Modification.MP147).orElseThrow();

    assertThat(mp147.failure()).isEmpty();
    assertThat(row(mp147, "regime in force"))
        .isEqualTo(new DemoRow("regime in force", "DAILY_FULL", "WEEKLY_FULL_DAILY_DELTA"));
    assertThat(row(mp147, "full extracts published"))
        .isEqualTo(new DemoRow("full extracts published", "14", "2"));
    assertThat(row(mp147, "delta extracts published"))
        .isEqualTo(new DemoRow("delta extracts published", "0", "12"));
    // 2021-07-11 and 2021-07-18 are Sundays: the weekly full extracts.
    assertThat(row(mp147, "published on").after()).contains("11F").contains("18F").contains("12d");
    DemoRow rebuilt = row(mp147, "rebuilt repository equals the live one");
    assertThat(rebuilt.before()).isEqualTo("yes");
    assertThat(rebuilt.after()).isEqualTo("yes");
    long before = Long.parseLong(row(mp147, "bytes written").before().replace(",", ""));
    long after = Long.parseLong(row(mp147, "bytes written").after().replace(",", ""));
    assertThat(after).isLessThan(before);
  }

  @Test
  void aMissingOrFailingDemonstrationIsReportedNotInvented() {
    Demonstration demo =
        new Demonstration(
            SecRelease.JUNE_2021,
            List.of(
                Demonstration.demo(
                    Modification.MP147,
                    () -> {
                      throw new IllegalStateException("no repository");
                    })));
    DemoReport report = demo.run();

    assertThat(report.section(Modification.MP147).orElseThrow().failure())
        .contains("the simulator could not be run: IllegalStateException: no repository");
    assertThat(report.section(Modification.MP106).orElseThrow().failure())
        .contains("this build has no demonstration of MP106");
    assertThat(report.render()).contains("NOT RUN: this build has no demonstration of MP106");
  }

  @Test
  void theCommandRunsChosenSectionsAsJson() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute("--only", "mp144,MP153", "--format", "json")).isZero();

    com.fasterxml.jackson.databind.JsonNode json =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
    assertThat(json.get("goLive").asText()).isEqualTo("2021-06-24");
    assertThat(json.get("sections").findValuesAsText("modification"))
        .containsExactly("MP144", "MP153");
    assertThat(json.at("/sections/0/rows/1/changed").asBoolean()).isTrue();

    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));
    assertThat(cli.execute("--only", "MP999")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown modification 'MP999'");
  }

  @Test
  void theCommandPrintsTheReport() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new DemoCommand());
    cli.setOut(new PrintWriter(out));
    int status = cli.execute("--only", "MP144,MP147");

    assertThat(out.toString())
        .contains("== MP144 ")
        .contains("== MP147 ")
        .contains("before go-live");
    assertThat(out.toString()).doesNotContain("== MP106 ");
    assertThat(status).isZero();
    System.out.println(out);
  }
}
