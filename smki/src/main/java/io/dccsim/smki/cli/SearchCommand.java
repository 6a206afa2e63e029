package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code smki search}: certificates in the repository matching every criterion given. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the repository; prints one line per certificate, ordered by serial.")
public final class SearchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin RepositoryOptions repository;

  @Option(
      names = "--eui",
      paramLabel = "EUI",
      description = "Organisation EUI (subject).",
      converter = ArgumentTypes.EuiConverter.class)
  Eui64 subjectEui;

  @Option(
      names = "--device-eui",
      paramLabel = "EUI",
      description = "Device EUI (subjectAltName).",
      converter = ArgumentTypes.EuiConverter.class)
  Eui64 deviceEui;

  @Option(
      names = "--role",
      paramLabel = "ROLE",
      description = "Role: GBCS name or hex.",
      converter = ArgumentTypes.RoleConverter.class)
  RemotePartyRole role;

  @Option(
      names = "--usage",
      paramLabel = "DS|KA",
      description = "Key usage.",
      converter = ArgumentTypes.UsageConverter.class)
  CertificateUsage usage;

  @Option(
      names = "--status",
      paramLabel = "P|I|N|E|R",
      description = "Status.",
      converter = ArgumentTypes.StatusConverter.class)
  CertificateStatus status;

  @Option(
      names = "--limit",
      defaultValue = "100",
      paramLabel = "N",
      description = "At most N results. Default: ${DEFAULT-VALUE}")
  int limit;

  @Override
  public Integer call() {
    CertificateQuery q = CertificateQuery.all().withLimit(limit);
    if (subjectEui != null) {
      q = q.withSubjectEui(subjectEui);
    }
    if (deviceEui != null) {
      q =
          new CertificateQuery(
              q.subjectEui(),
              java.util.Optional.of(deviceEui),
              q.role(),
              q.usage(),
              q.status(),
              q.limit());
    }
    if (role != null) {
      q = q.withRole(role);
    }
    if (usage != null) {
      q = q.withUsage(usage);
    }
    if (status != null) {
      q = q.withStatus(status);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (CertificateRepository repo = repository.open()) {
      List<CertificateRecord> found = repo.search(q);
      for (CertificateRecord r : found) {
        out.println(ShowCommand.describe(r));
      }
      out.println(found.size() + " found");
      return found.isEmpty() ? 4 : 0;
    }
  }
}
