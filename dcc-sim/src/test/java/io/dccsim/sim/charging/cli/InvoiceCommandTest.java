package io.dccsim.sim.charging.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InvoiceCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new InvoiceCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path copy(String resource) throws IOException {
    Path target = dir.resolve(resource);
    try (InputStream in =
        InvoiceCommandTest.class.getResourceAsStream("/io/dccsim/sim/charging/" + resource)) {
      Files.copy(in, target);
    }
    return target;
  }

  @Test
  void printsJsonInvoicesUnderTheSheetsBaseline() throws IOException {
    assertThat(run(copy("june-2021.json").toString())).isZero();

    JsonNode run = new ObjectMapper().readTree(out.toString());
    assertThat(run.get("period").asText()).isEqualTo("2021-06");
    assertThat(run.get("policy").asText()).isEqualTo("by-date");
    assertThat(run.get("reconciled").asBoolean()).isTrue();
    assertThat(run.get("totalCharged").decimalValue()).isEqualByComparingTo("21250.51");
    // RSPA-7 is dated 2021-06-28, after go-live: the Other User pays it in full.
    assertThat(out.toString()).contains("\"number\" : \"2021-06-OU1-ORD\"");
    assertThat(out.toString()).contains("\"amount\" : 3000.01");
  }

  @Test
  void printsCsvForAnotherPeriodAndPinnedBaseline() throws IOException {
    Path yaml = copy("june-2021.yaml");
    Path csv = dir.resolve("out.csv");
    Files.writeString(
        yaml,
        Files.readString(yaml).replace("date: 2021-06-28", "").replace("date: 2021-06-30", ""));
    assertThat(
            run(
                yaml.toString(),
                "--period",
                "2021-05",
                "--baseline",
                "PRE_JUNE_2021",
                "--format",
                "CSV",
                "-o",
                csv.toString()))
        .as(err.toString())
        .isZero();

    String text = Files.readString(csv);
    assertThat(text).startsWith("invoice,party,party_name,kind,period,line,item,category,");
    assertThat(text).contains("2021-05-SUPB-ORD,SUPB,\"Beta Gas, Ltd\",ORDINARY,2021-05,1,FIX-2,");
    assertThat(text).contains("2021-05-SUPA-CHF,SUPA,Alpha Energy,CH_FINANCE,2021-05,1,CHF-SUPA,");
    assertThat(text).doesNotContain("OU1-ORD");
  }

  @Test
  void refusesBadInputNamingTheProblem() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad,
        """
        {"period": "2021-02",
         "parties": [{"id": "A", "name": "A", "roles": ["GAS_SUPPLIER"]}],
         "items": [{"type": "FIXED_CHARGE", "id": "F1", "party": "Z", "amount": -1}]}
        """);
    assertThat(run(bad.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains("refused")
        .contains("FIXED_CHARGE item F1 names unknown party Z")
        .contains("FIXED_CHARGE item F1: amount -1.00 is negative");

    assertThat(run(bad.toString(), "--period", "2021-02-30")).isEqualTo(2);
    assertThat(err.toString()).contains("billing period '2021-02-30' does not exist");

    assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read");
  }
}
