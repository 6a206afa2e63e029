package io.dccsim.sim.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Modification;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReleaseCommandTest {

  @Test
  void printsTheReleaseFromTheModel() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new ReleaseCommand());
    cli.setOut(new PrintWriter(out));

    assertThat(cli.execute()).isZero();
    String text = out.toString();
    System.out.println(text);
    assertThat(text).startsWith("June 2021 SEC Release: go-live 2021-06-24");
    for (Modification m : Modification.values()) {
      assertThat(text).contains(m.id() + "  " + m.title());
    }
    assertThat(text)
        .contains("Participant impact matrix")
        .contains("SEC document impact matrix")
        .contains("Timeline")
        .contains("2021-06-24  Release go-live");
    // The matrix rows: MP147 affects only the DCC; Appendix O is changed by MP147 only.
    assertThat(
            text.lines()
                .filter(l -> l.strip().startsWith("MP147") && !l.contains("SMKI"))
                .findFirst()
                .orElseThrow())
        .matches("\\s*MP147\\s+x");
    assertThat(
            text.lines().filter(l -> l.strip().startsWith("Appendix O")).findFirst().orElseThrow())
        .endsWith("x");
  }
}
