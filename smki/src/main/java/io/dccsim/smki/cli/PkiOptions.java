package io.dccsim.smki.cli;

import io.dccsim.smki.pki.SmkiHierarchy;
import io.dccsim.smki.pki.TestPki;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The {@code --pki} option: the directory holding the hierarchy. */
public final class PkiOptions {
  @Option(
      names = "--pki",
      paramLabel = "DIR",
      defaultValue = "data/pki/hierarchy",
      description =
          "PKI directory (root.pem, oca.pem, dca.pem and their keys). Default: ${DEFAULT-VALUE}")
  Path dir;

  /** The PKI in the directory; fails with a clear message when there is none. */
  TestPki load(Clock clock) {
    if (!SmkiHierarchy.existsIn(dir)) {
      throw new IllegalArgumentException(
          "No PKI in " + dir.toAbsolutePath() + " (create one with: smki init --pki " + dir + ")");
    }
    return TestPki.load(dir, clock);
  }
}
