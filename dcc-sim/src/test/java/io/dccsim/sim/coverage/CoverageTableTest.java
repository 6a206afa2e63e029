package io.dccsim.sim.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageTableTest {
  private static final String HEADER =
      "key,region,covered,anticipated_date,wan_technology,likelihood,auxiliary_equipment,"
          + "additional_information\n";

  /** A coverage file in JSON: a postcode in North, a SMETS1 UPRN. */
  static final String EXAMPLE_JSON =
      """
      [
        {"postcode": "M22 0RR", "regions": [
          {"region": "North", "covered": false, "anticipatedDate": "2022-02-01",
           "wanTechnology": "Long Range Radio", "likelihood": "Low",
           "auxiliaryEquipment": "External aerial", "additionalInformation": "Hill"}]},
        {"uprn": 42, "regions": [
          {"region": "SMETS1", "covered": true, "wanTechnology": "SMETS1", "likelihood": "High"}]}
      ]
      """;

  @TempDir Path dir;

  @Test
  void readsCsvWithSeveralRegionsPerKeyAndUprns() throws IOException {
    CoverageTable table =
        CoverageTable.readCsv(
            new StringReader(
                HEADER
                    + "# a comment\n"
                    + "M22 0RR,South,false,2021-05-01,\" \",Medium,,\n"
                    + "\n"
                    + "m220rr,4G South,true,,4G,High,External aerial,\"Roof, north side\"\n"
                    + "10023336956,North,true,,Long Range Radio,High,,\n"),
            "test.csv");
    assertThat(table.postcodeCount()).isEqualTo(1);
    assertThat(table.uprnCount()).isEqualTo(1);
    CoverageAnswer a = table.answer(new CoverageQuestion.ByAddress("M22 0RR", "anything"));
    assertThat(a).isInstanceOf(CoverageAnswer.Regions.class);
    var regions = ((CoverageAnswer.Regions) a).regions();
    assertThat(regions).hasSize(2);
    assertThat(regions.get(0))
        .isEqualTo(
            new RegionAnswer(
                CspRegion.SOUTH,
                false,
                Optional.of(LocalDate.of(2021, 5, 1)),
                " ",
                ConnectivityLikelihood.MEDIUM,
                Optional.empty(),
                Optional.empty()));
    assertThat(regions.get(1).additionalInformation()).contains("Roof, north side");
    assertThat(table.answer(new CoverageQuestion.ByUprn(10023336956L)).responseCode())
        .isEqualTo("I0");
    assertThat(table.answer(new CoverageQuestion.ByUprn(1)))
        .isInstanceOf(CoverageAnswer.NotFound.class);
    assertThat(table.answer(new CoverageQuestion.ByAddress("SW1A 2AA", "1")))
        .isInstanceOf(CoverageAnswer.NotFound.class);
    assertThat(table.answer(new CoverageQuestion.ByAddress("nonsense", "1")))
        .isInstanceOf(CoverageAnswer.InvalidPostcode.class);
  }

  @Test
  void asksTheFallbackAboutUnknownKeys() throws IOException {
    CoverageTable table =
        CoverageTable.readCsv(new StringReader(HEADER), "empty.csv")
            .withFallback(q -> new CoverageAnswer.Unavailable());
    assertThat(table.answer(new CoverageQuestion.ByUprn(5)))
        .isInstanceOf(CoverageAnswer.Unavailable.class);
  }

  @Test
  void csvErrorsNameTheLine() {
    assertError(HEADER + "M22 0RR,South,maybe,,Mesh,High,,\n", "bad.csv:2", "covered");
    assertError(HEADER + "M22 0RR,Nowhere,true,,Mesh,High,,\n", "bad.csv:2", "CSP region");
    assertError(HEADER + "\n\nM22 0RR,South,true,2021-13-01,Mesh,High,,\n", "bad.csv:4", "date");
    assertError(HEADER + "QQ1 1AA,South,true,,Mesh,High,,\n", "bad.csv:2", "postcode");
    assertError(HEADER + "M22 0RR,South,true,,Mesh,High\n", "bad.csv:2", "expected 8 fields");
    assertError(HEADER + "M22 0RR,South,true,,,High,,\n", "bad.csv:2", "WANTechnology");
    assertError(HEADER + "M22 0RR,South,true,,\"Mesh,High,,\n", "bad.csv:2", "unterminated");
    assertError(HEADER + "M22 0RR,South,true,,Mesh,Often,,\n", "bad.csv:2", "likelihood");
    assertError("postcode,region\n", "bad.csv:1", "header");
    assertError("", "bad.csv", "no header");
  }

  private static void assertError(String csv, String where, String what) {
    assertThatThrownBy(() -> CoverageTable.readCsv(new StringReader(csv), "bad.csv"))
        .isInstanceOf(CoverageFileException.class)
        .hasMessageStartingWith(where + ":")
        .hasMessageContaining(what);
  }

  @Test
  void readsJson() throws IOException {
    Path file = dir.resolve("coverage.json");
    Files.writeString(file, EXAMPLE_JSON, StandardCharsets.UTF_8);
    CoverageTable table = CoverageTable.load(file);
    RegionAnswer north =
        ((CoverageAnswer.Regions) table.answer(new CoverageQuestion.ByAddress("M220RR", "x")))
            .regions()
            .get(0);
    assertThat(north.anticipatedDate()).contains(LocalDate.of(2022, 2, 1));
    assertThat(north.auxiliaryEquipment()).contains("External aerial");
    assertThat(table.answer(new CoverageQuestion.ByUprn(42)).responseCode()).isEqualTo("I0");
  }

  @Test
  void jsonErrorsNameTheLine() {
    assertJsonError("[\n{\"postcode\": \"M22 0RR\",\n \"regions\": []}\n]", 3, "at least one");
    assertJsonError("[\n{\"postcode\": \"M22 0RR\", \"colour\": 1}]", 2, "unknown entry field");
    assertJsonError(
        "[\n{\"uprn\": 1, \"regions\": [\n{\"region\": \"North\", \"covered\": \"yes\"}]}]",
        3,
        "covered");
    assertJsonError("[\n{\"uprn\": 1,,}]", 2, "not valid JSON");
    assertJsonError("{}", 1, "array");
  }

  private static void assertJsonError(String json, int line, String what) {
    assertThatThrownBy(() -> CoverageTable.readJson(new StringReader(json), "bad.json"))
        .isInstanceOf(CoverageFileException.class)
        .hasMessageContaining(what)
        .satisfies(e -> assertThat(((CoverageFileException) e).line()).isEqualTo(line));
  }

  @Test
  void loadsAGeneratedFileOfModerateSizeCompactly() throws IOException {
    Path file = dir.resolve("moderate.csv");
    int count = 100_000;
    CoverageFiles.writeCsv(file, count);
    CoverageTable table = CoverageTable.load(file);
    assertThat(table.postcodeCount()).isEqualTo(count);
    // Seven kinds of row, with or without a 4G row, and nine dates: far fewer lists than keys.
    assertThat(table.distinctAnswerLists()).isLessThan(40);
    for (int i = 0; i < count; i += 997) {
      CoverageAnswer a =
          table.answer(new CoverageQuestion.ByAddress(CoverageFiles.postcode(i), "1"));
      assertThat(((CoverageAnswer.Regions) a).regions()).hasSize(i % 10 == 0 ? 2 : 1);
    }
  }
}
