package io.dccsim.smki.cli;

import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an issuing command puts the one credential it issued: PEM files under {@code --out}, a
 * description on standard output and, with {@code --repository}, a record in the repository.
 */
final class IssuedCredentialOptions {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "PREFIX",
      description = "Output file prefix.")
  Path out;

  @Mixin RepositoryOptions repository;

  @Option(
      names = "--status",
      defaultValue = "I",
      paramLabel = "P|I|N|E|R",
      description = "Status in the repository, if --repository is given. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.StatusConverter.class)
  CertificateStatus status;

  /** Writes the files, describes the certificate on {@code stdout}, and stores it if asked. */
  void deliver(Credential credential, PrintWriter stdout, Instant now) {
    CredentialFiles.write(credential, out);
    stdout.println(ShowCommand.describe(CertificateProfile.read(credential.certificate())));
    if (repository.given()) {
      try (CertificateRepository repo = repository.openOrCreate()) {
        repo.add(CertificateProfile.record(credential.certificate(), status, now));
      }
    }
  }
}
