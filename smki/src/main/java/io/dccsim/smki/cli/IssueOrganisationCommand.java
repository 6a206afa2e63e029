package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.OrganisationCertificateBuilder;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateUsage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki issue-organisation}: one Organisation Certificate, written as PEM files. */
@Command(
    name = "issue-organisation",
    mixinStandardHelpOptions = true,
    description =
        "Issue an Organisation Certificate: writes PREFIX.pem (with chain) and PREFIX.key.pem.")
public final class IssueOrganisationCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;

  @Option(
      names = "--eui",
      required = true,
      paramLabel = "EUI",
      description = "Organisation EUI-64.",
      converter = ArgumentTypes.EuiConverter.class)
  Eui64 eui;

  @Option(
      names = "--role",
      required = true,
      paramLabel = "ROLE",
      description = "Role: GBCS name (xmlSign) or hex (87).",
      converter = ArgumentTypes.RoleConverter.class)
  RemotePartyRole role;

  @Option(
      names = "--usage",
      defaultValue = "DS",
      paramLabel = "DS|KA",
      description = "Key usage. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.UsageConverter.class)
  CertificateUsage usage;

  @Option(names = "--cn", paramLabel = "NAME", description = "Optional subject CN.")
  String commonName;

  @Mixin IssuedCredentialOptions issued;

  @Override
  public Integer call() {
    TestPki p = pki.load(parent.clock());
    OrganisationCertificateBuilder b = p.organisation(eui).role(role).usage(usage);
    if (commonName != null) {
      b.commonName(commonName);
    }
    Credential c = b.issue();
    issued.deliver(c, spec.commandLine().getOut(), parent.clock().instant());
    return 0;
  }
}
