package io.dccsim.smki.cli;

import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.PkiBundle;
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
            + " EUI, role and usage read from each certificate. A FILE may be a directory or a"
            + " zip of a test PKI (such as org-crypto.zip); its private keys are not filed (give"
            + " the bundle to the simulator's pki-import setting to sign with them).")
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

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Certificate files, directories or zips.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = parent.clock().instant();
    int added = 0;
    try (CertificateRepository repo = repository.openOrCreate()) {
      int keys = 0;
      for (Path f : files) {
        List<X509Certificate> found;
        if (java.nio.file.Files.isDirectory(f)
            || f.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
          PkiBundle bundle = PkiBundle.read(f);
          found = bundle.certificates();
          keys += bundle.credentials().size();
          bundle.skipped().forEach(name -> out.println("skipped " + name));
        } else {
          found = PemMaterial.certificates(f);
        }
        for (X509Certificate c : found) {
          CertificateRecord r = CertificateProfile.record(c, status, now);
          boolean isNew = repo.findBySerial(r.serial()).isEmpty();
          CertificateRecord held = repo.add(r);
          added += isNew ? 1 : 0;
          out.println((isNew ? "added   " : "present ") + ShowCommand.describe(held));
        }
      }
      if (keys > 0) {
        out.println(
            keys
                + " private key(s) found and not filed: the simulator signs with them when given"
                + " the bundle as pki-import");
      }
    }
    out.println(added + " certificate(s) added");
    return 0;
  }
}
