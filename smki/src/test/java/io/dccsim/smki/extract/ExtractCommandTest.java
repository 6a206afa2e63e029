package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExtractCommandTest {
  @TempDir Path dir;

  @Test
  void runListVerify() throws Exception {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    repo.add(Records.record(1, CertificateStatus.IN_USE));
    ExtractPublisher p = new ExtractPublisher(repo, dir, SimulatedClock.fixed(Records.T0));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl =
        new CommandLine(new ExtractCommand(() -> p))
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err));
    assertThat(cl.execute("--run", "FULL")).isZero();
    assertThat(cl.execute("--run", "DELTA", "--list", "--verify")).isZero();
    assertThat(out.toString())
        .contains("Published smki-extract-0000000001-FULL-")
        .contains("Published smki-extract-0000000002-DELTA-")
        .contains("OK: full extract 1 and 1 deltas verified; 1 certificates");

    Files.write(p.directory().file(p.directory().names().get(1)), new byte[] {1, 2, 3});
    StringWriter err2 = new StringWriter();
    int code =
        new CommandLine(new ExtractCommand())
            .setErr(new PrintWriter(err2))
            .execute("--verify", "--dir", dir.toString());
    assertThat(code).isEqualTo(1);
    assertThat(err2.toString()).startsWith("Error: ").doesNotContain("at io.dccsim");
    assertThat(
            new CommandLine(new ExtractCommand())
                .setErr(new PrintWriter(new StringWriter()))
                .execute())
        .isEqualTo(2);
  }
}
