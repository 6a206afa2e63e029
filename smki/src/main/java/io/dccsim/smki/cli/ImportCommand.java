package io.dccsim.smki.cli;

import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki import}: files certificates someone already holds in the repository. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description =
        "File certificates (PEM or DER; CA, organisation or device) in the repository, their"
            + " EUI, role and usage read from each certificate.")
public final class ImportCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--status",
      defaultValue = "I",
      paramLabel = "P|I|N|E|R",
      description = "Status of imported certificates. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.StatusConverter.class)
  CertificateStatus status;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Certificate files.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = parent.clock().instant();
    int added = 0;
    try (CertificateRepository repo = repository.openOrCreate()) {
      for (Path f : files) {
        for (X509Certificate c : PemMaterial.certificates(f)) {
          CertificateRecord r = CertificateProfile.record(c, status, now);
          boolean isNew = repo.findBySerial(r.serial()).isEmpty();
          CertificateRecord held = repo.add(r);
          added += isNew ? 1 : 0;
          out.println((isNew ? "added   " : "present ") + ShowCommand.describe(held));
        }
      }
    }
    out.println(added + " certificate(s) added");
    return 0;
  }
}
