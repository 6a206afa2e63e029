package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What a newcomer types first: flags without a subcommand, the version, the help text. */
class LauncherTest {

  @Test
  void aSettingFlagWithoutSubcommandMeansServe() {
    assertThat(DccSimCommand.withDefaultCommand(new String[] {"--port", "8079"}))
        .containsExactly("serve", "--port", "8079");
    CommandLine.ParseResult parsed =
        DccSimCommand.commandLine()
            .parseArgs(DccSimCommand.withDefaultCommand(new String[] {"--port", "8079"}));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
    assertThat(parsed.subcommand().matchedOptionValue("--port", "")).isEqualTo("8079");
  }

  @Test
  void rootOptionsAndSubcommandsAreLeftAlone() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"-V"},
            new String[] {"--version"},
            new String[] {"--help"},
            new String[] {"-h"},
            new String[] {"smki", "--help"},
            new String[] {"serve", "--port", "1"})) {
      assertThat(DccSimCommand.withDefaultCommand(args)).as(Arrays.toString(args)).isEqualTo(args);
    }
  }

  @Test
  void versionIsPrinted() {
    StringWriter out = new StringWriter();
    CommandLine line = DccSimCommand.commandLine();
    line.setOut(new PrintWriter(out));
    assertThat(line.execute("-V")).isZero();
    assertThat(out.toString()).startsWith("dccsim ");
  }

  @Test
  void helpWrapsAtSpacesAndNeverSplitsAValue() {
    String help = DccSimCommand.commandLine().getSubcommands().get("serve").getUsageMessage();
    for (String value : List.of("./data", "127.0.0.1", "PT10S", "jdbc:postgresql://127.0.0.1")) {
      assertThat(help).as(value).contains(value);
    }
    for (String line : help.split("\n")) {
      assertThat(line.length()).as(line).isLessThanOrEqualTo(80);
    }
  }

  @Test
  void wrappingBreaksOnlyBetweenWords() {
    String text = "where the H2 store and the PKI live (default ./data) and 127.0.0.1 too";
    String[] lines = ServeCommand.wrapped(text, 20);
    assertThat(String.join(" ", lines)).isEqualTo(text);
    for (String l : lines) {
      assertThat(l.length() <= 20 || !l.contains(" ")).as(l).isTrue();
    }
    assertThat(ServeCommand.wrapped("averyveryverylongword x", 5))
        .containsExactly("averyveryverylongword", "x");
  }

  @Test
  void aFailingSubcommandAnswersInOneLine() throws Exception {
    java.nio.file.Path missing =
        java.nio.file.Files.createTempDirectory("launcher").resolve("none");
    StringWriter err = new StringWriter();
    CommandLine line = DccSimCommand.commandLine();
    line.setErr(new PrintWriter(err));
    line.getSubcommands().get("smki").setErr(new PrintWriter(err));
    int code = line.execute("smki", "search", "--repository", missing.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("dccsim smki search: No repository in");
    assertThat(err.toString().strip().lines()).hasSize(1);
  }

  @Test
  void oneLineKeepsEachCauseOnce() {
    Exception e =
        new IllegalStateException(
            "Cannot connect to jdbc:postgresql://h/db?password=secret",
            new RuntimeException("The file is locked: x.mv.db\n\tat somewhere"));
    String line = DccSimCommand.oneLine(e);
    assertThat(line).contains("The file is locked: x.mv.db").doesNotContain("somewhere");
    assertThat(line).doesNotContain("secret");
  }

  @Test
  void aTakenPortIsNamedWithItsSetting() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      java.nio.file.Path data = java.nio.file.Files.createTempDirectory("launcher");
      StringWriter err = new StringWriter();
      CommandLine line = DccSimCommand.commandLine();
      line.getSubcommands().get("serve").setErr(new PrintWriter(err));
      int code =
          line.execute(
              "serve",
              "--smki-port",
              String.valueOf(port),
              "--port",
              "0",
              "--data-dir",
              data.toString());
      assertThat(code).isEqualTo(1);
      assertThat(err.toString().strip())
          .isEqualTo(
              "dccsim: cannot start: port "
                  + port
                  + " on 127.0.0.1 is already in use (setting 'smki-port': choose another with"
                  + " --smki-port, or 0 for any free port)");
    }
  }
}
