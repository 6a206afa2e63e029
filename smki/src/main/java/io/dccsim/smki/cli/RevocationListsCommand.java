package io.dccsim.smki.cli;

import io.dccsim.smki.crl.RevocationAuthority;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki revocation-lists}: writes the current CRL and ARL to the PKI directory. */
@Command(
    name = "revocation-lists",
    aliases = "crl",
    mixinStandardHelpOptions = true,
    description =
        "Write the OCA's current CRL (oca.crl) and the Root's ARL (root.arl), DER, to the PKI directory.")
public final class RevocationListsCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--next-update",
      defaultValue = "P1D",
      paramLabel = "DURATION",
      description = "ISO-8601 time to nextUpdate. Default: ${DEFAULT-VALUE}")
  Duration nextUpdate;

  @Override
  public Integer call() {
    TestPki p = pki.load(parent.clock());
    try (CertificateRepository repo = repository.open()) {
      RevocationAuthority ra =
          RevocationAuthority.builder(p.hierarchy(), repo)
              .clock(parent.clock())
              .nextUpdate(nextUpdate)
              .stateDirectory(pki.dir)
              .build();
      publish(ra, pki.dir, spec.commandLine().getOut());
    }
    return 0;
  }

  static void publish(RevocationAuthority ra, Path dir, PrintWriter out) {
    int crlBytes = ra.currentCrlDer().length;
    int arlBytes = ra.currentArlDer().length;
    out.println(
        "CRL number "
            + ra.lastCrlNumber()
            + " -> "
            + dir.resolve("oca.crl")
            + " ("
            + crlBytes
            + " bytes)");
    out.println(
        "ARL number "
            + ra.lastArlNumber()
            + " -> "
            + dir.resolve("root.arl")
            + " ("
            + arlBytes
            + " bytes)");
  }
}
