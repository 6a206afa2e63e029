package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smki show}: the SMKI profile of certificates in files or in the repository. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print the SMKI profile (kind, EUI, role, usage, policies, validity) of certificates.")
public final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--serial",
      paramLabel = "HEX",
      description = "A certificate in the repository (needs --repository).")
  String serial;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Certificate files (PEM or DER).")
  List<Path> files = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (serial == null && files.isEmpty()) {
      throw new IllegalArgumentException("Give certificate files, or --serial with --repository");
    }
    for (Path f : files) {
      for (X509Certificate c : PemMaterial.certificates(f)) {
        out.println(f + ":");
        out.print(profile(CertificateProfile.read(c)));
      }
    }
    if (serial != null) {
      try (CertificateRepository repo = repository.open()) {
        Optional<CertificateRecord> r = repo.findBySerial(ArgumentTypes.serial(serial));
        if (r.isEmpty()) {
          spec.commandLine().getErr().println("smki: no certificate with serial " + serial);
          return 3;
        }
        out.print(profile(CertificateProfile.read(r.get().der())));
        out.println(
            "  status:     " + r.get().status().code() + " since " + r.get().statusChangedAt());
      }
    }
    return 0;
  }

  static String profile(CertificateProfile p) {
    StringBuilder b = new StringBuilder();
    b.append("  serial:     ").append(hex(p)).append('\n');
    b.append("  kind:       ").append(p.kind()).append('\n');
    p.subjectEui().ifPresent(e -> b.append("  subject:    ").append(e).append('\n'));
    p.subjectAltNameEui().ifPresent(e -> b.append("  device:     ").append(e).append('\n'));
    p.role()
        .ifPresent(
            r ->
                b.append("  role:       ")
                    .append(r.gbcsName())
                    .append(" (")
                    .append(r.hexCode())
                    .append(")\n"));
    b.append("  usage:      ").append(p.usage()).append('\n');
    b.append("  issuer:     ").append(p.issuer()).append('\n');
    b.append("  policies:   ").append(String.join(", ", p.policies())).append('\n');
    b.append("  notBefore:  ").append(p.notBefore()).append('\n');
    b.append("  notAfter:   ").append(p.notAfter()).append('\n');
    return b.toString();
  }

  /** One line about a profile. */
  static String describe(CertificateProfile p) {
    return hex(p)
        + " "
        + p.kind()
        + " "
        + p.eui().map(Eui64::toString).orElse("-")
        + " "
        + p.role().map(RemotePartyRole::gbcsName).orElse("-")
        + " "
        + p.usage();
  }

  /** One line about a repository record. */
  static String describe(CertificateRecord r) {
    return r.serialHex()
        + " "
        + r.kind()
        + " "
        + r.eui().map(Eui64::toString).orElse("-")
        + " "
        + r.role().map(RemotePartyRole::gbcsName).orElse("-")
        + " "
        + r.usage()
        + " "
        + r.status().code()
        + " "
        + r.statusChangedAt();
  }

  private static String hex(CertificateProfile p) {
    return p.serial().toString(16).toUpperCase(Locale.ROOT);
  }
}
