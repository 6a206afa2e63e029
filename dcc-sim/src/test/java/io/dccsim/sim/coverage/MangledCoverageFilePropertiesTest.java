package io.dccsim.sim.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.xml.Mangling;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Coverage files a user supplies, each mangled in one way: each is either still read (and then
 * answers questions) or refused with a {@link CoverageFileException} naming the file and a line in
 * it, never with any other failure.
 */
class MangledCoverageFilePropertiesTest {
  private static final String CSV =
      "key,region,covered,anticipated_date,wan_technology,likelihood,auxiliary_equipment,"
          + "additional_information\n"
          + "# a comment\n"
          + "M22 0RR,South,false,2021-05-01,\" \",Medium,,\n"
          + "m220rr,4G South,true,,4G,High,External aerial,\"Roof, north side\"\n"
          + "10023336956,North,true,,Long Range Radio,High,,\n";
  private static final String JSON = CoverageTableTest.EXAMPLE_JSON;
  private static final List<String> FRAGMENTS =
      List.of(
          ",",
          "\"",
          "\n",
          "\r\n",
          "\u0000",
          "{",
          "}",
          "[",
          "]",
          "null",
          "-1",
          "2021-02-30",
          "99999999999999999999999",
          "1e999",
          "é",
          "\uFEFF",
          "#",
          ",,,,,,,,,,,,");

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 30);
  }

  @Example
  void theGoodFilesAreRead() throws Exception {
    assertThat(CoverageTable.readCsv(new StringReader(CSV), "good.csv").postcodeCount())
        .isEqualTo(1);
    assertThat(CoverageTable.readJson(new StringReader(JSON), "good.json").uprnCount())
        .isEqualTo(1);
  }

  @Example
  void aUprnBeyondALongIsRefusedWithItsLine() {
    String text = JSON.replace("\"uprn\": 42", "\"uprn\": 9999999999999999999999942");
    assertThatThrownBy(() -> CoverageTable.readJson(new StringReader(text), "big.json"))
        .isInstanceOf(CoverageFileException.class)
        .hasMessageStartingWith("big.json:6:");
  }

  @Property(tries = 1000)
  void aMangledCsvIsReadOrRefusedWithTheLine(@ForAll("manglings") Mangling m) throws Exception {
    readOrRefuse(m.apply(CSV), true);
  }

  @Property(tries = 1000)
  void aMangledJsonFileIsReadOrRefusedWithTheLine(@ForAll("manglings") Mangling m)
      throws Exception {
    readOrRefuse(m.apply(JSON), false);
  }

  private static void readOrRefuse(String text, boolean csv) throws Exception {
    String source = csv ? "mangled.csv" : "mangled.json";
    CoverageTable table;
    try {
      table =
          csv
              ? CoverageTable.readCsv(new StringReader(text), source)
              : CoverageTable.readJson(new StringReader(text), source);
    } catch (CoverageFileException e) {
      assertThat(e.getMessage()).as(text).startsWith(source);
      assertThat(e.line()).as(text).isBetween(0L, text.lines().count() + 1);
      return;
    }
    // Read: every question still gets one of the defined answers.
    for (CoverageQuestion q :
        List.of(
            new CoverageQuestion.ByAddress("M22 0RR", "1"),
            new CoverageQuestion.ByUprn(42),
            new CoverageQuestion.ByUprn(10023336956L))) {
      assertThat(table.answer(q).responseCode()).isIn("I0", "E120101", "E120102", "E120103");
    }
  }
}
