package io.dccsim.smki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractsCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2021-06-27T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;
  String out;
  String err;

  int run(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = SmkiCommand.commandLine(CLOCK);
    cl.setOut(new PrintWriter(o, true));
    cl.setErr(new PrintWriter(e, true));
    int code = cl.execute(args);
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void publishesListsAndVerifies() throws Exception {
    Path repo = tmp.resolve("repo");
    Path dir = tmp.resolve("extracts");
    TestPki pki = TestPki.create(CLOCK);
    try (CertificateRepository r = CertificateRepositories.h2File(repo)) {
      for (int i = 0; i < 4; i++) {
        r.add(
            pki.deviceCertificateFactory()
                .issueRecord(
                    Eui64.of(0x0011_2233_4455_0000L + i),
                    CertificateUsage.KA,
                    CertificateStatus.IN_USE));
      }
    }
    assertThat(
            run(
                "extract",
                "--run",
                "DELTA",
                "--repository",
                repo.toString(),
                "--dir",
                dir.toString()))
        .as(err)
        .isZero();
    // With no full extract yet, the delta asked for is published as a full.
    assertThat(out).contains("-FULL-").contains("FULL, 4 entries");
    try (CertificateRepository r = CertificateRepositories.h2File(repo)) {
      r.add(
          pki.deviceCertificateFactory()
              .issueRecord(
                  Eui64.of(0x0011_2233_4455_0100L), CertificateUsage.DS, CertificateStatus.IN_USE));
    }
    assertThat(
            run(
                "extract",
                "--run",
                "delta",
                "--repository",
                repo.toString(),
                "--dir",
                dir.toString(),
                "--list"))
        .as(err)
        .isZero();
    assertThat(out).contains("DELTA, 1 entries").contains("  DELTA  entries=1");
    assertThat(run("extract", "--verify", dir.toString())).as(err).isZero();
    assertThat(out.strip())
        .isEqualTo(
            "OK: full extract 1 and 1 deltas verified; 5 certificates as of sequence 5"
                + " (2021-06-27T00:00:00Z)");
  }

  @Test
  void failuresAreOneLineWithTheirExitCodes() throws Exception {
    assertThat(run("extract")).isEqualTo(2);
    assertThat(err).contains("nothing to do");
    assertThat(run("extract", "--run", "WEEKLY", "--repository", tmp.resolve("r").toString()))
        .isEqualTo(2);
    assertThat(err.strip()).isEqualTo("smki extract: --run is FULL or DELTA, not 'WEEKLY'");
    assertThat(run("extract", "--verify", tmp.resolve("none").toString())).isEqualTo(1);
    assertThat(err.strip()).isEqualTo("smki extract: not a directory: " + tmp.resolve("none"));
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThat(run("extract", "--verify", empty.toString())).isEqualTo(1);
    assertThat(err.strip()).startsWith("smki extract: No full extract");
    assertThat(run("extract", "--verify", empty.toString(), "--run", "FULL")).isEqualTo(2);

    // A repository that is not there is refused, not created empty.
    Path repo = tmp.resolve("repo");
    Path dir = tmp.resolve("extracts");
    assertThat(run("extract", "--run", "FULL", "--repository", repo.toString()))
        .as(err)
        .isEqualTo(2);
    assertThat(err.strip()).startsWith("smki extract: No repository in " + repo);
    assertThat(dir).doesNotExist();
    CertificateRepositories.h2File(repo).close();

    // A damaged extract: one line naming the file, exit status 1.
    assertThat(
            run(
                "extract",
                "--run",
                "FULL",
                "--repository",
                repo.toString(),
                "--dir",
                dir.toString()))
        .isZero();
    Path file;
    try (Stream<Path> s = Files.list(dir)) {
      file = s.filter(p -> p.toString().endsWith(".smkx")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    assertThat(run("extract", "--verify", dir.toString())).isEqualTo(1);
    assertThat(err.strip()).startsWith("smki extract: " + file.getFileName()).doesNotContain("\n");
    assertThat(List.of(err)).noneMatch(e -> e.contains("Exception"));
  }
}
