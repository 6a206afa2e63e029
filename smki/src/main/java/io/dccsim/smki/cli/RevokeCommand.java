package io.dccsim.smki.cli;

import io.dccsim.smki.crl.RevocationAuthority;
import io.dccsim.smki.crl.RevocationReason;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki revoke}: marks a certificate R and publishes new revocation lists. */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description =
        "Revoke a certificate: status R in the repository, then the OCA's CRL and the Root's ARL"
            + " are written to the PKI directory (oca.crl, root.arl).")
public final class RevokeCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--serial",
      required = true,
      paramLabel = "HEX",
      description = "Serial number in hex.")
  String serial;

  @Option(
      names = "--reason",
      defaultValue = "unspecified",
      paramLabel = "REASON",
      description =
          "keyCompromise, superseded, ... or the CRLReason code. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.ReasonConverter.class)
  RevocationReason reason;

  @Option(
      names = "--next-update",
      defaultValue = "P1D",
      paramLabel = "DURATION",
      description = "ISO-8601 time to nextUpdate. Default: ${DEFAULT-VALUE}")
  Duration nextUpdate;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    TestPki p = pki.load(parent.clock());
    try (CertificateRepository repo = repository.open()) {
      RevocationAuthority ra =
          RevocationAuthority.builder(p.hierarchy(), repo)
              .clock(parent.clock())
              .nextUpdate(nextUpdate)
              .stateDirectory(pki.dir)
              .build();
      Optional<CertificateRecord> r =
          ra.revoke(ArgumentTypes.serial(serial), reason, parent.clock().instant());
      if (r.isEmpty()) {
        spec.commandLine().getErr().println("smki: no certificate with serial " + serial);
        return 3;
      }
      out.println("revoked " + ShowCommand.describe(r.get()));
      RevocationListsCommand.publish(ra, pki.dir, out);
    }
    return 0;
  }
}
