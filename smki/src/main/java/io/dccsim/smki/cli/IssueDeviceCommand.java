package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateUsage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki issue-device}: one Device Certificate, written as PEM files. */
@Command(
    name = "issue-device",
    mixinStandardHelpOptions = true,
    description = "Issue a Device Certificate: writes PREFIX.pem (with chain) and PREFIX.key.pem.")
public final class IssueDeviceCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;

  @Option(
      names = "--eui",
      required = true,
      paramLabel = "EUI",
      description = "Device EUI-64.",
      converter = ArgumentTypes.EuiConverter.class)
  Eui64 eui;

  @Option(
      names = "--usage",
      defaultValue = "DS",
      paramLabel = "DS|KA",
      description = "Key usage. Default: ${DEFAULT-VALUE}",
      converter = ArgumentTypes.UsageConverter.class)
  CertificateUsage usage;

  @Mixin IssuedCredentialOptions issued;

  @Override
  public Integer call() {
    TestPki p = pki.load(parent.clock());
    Credential c = p.device(eui).usage(usage).issue();
    issued.deliver(c, spec.commandLine().getOut(), parent.clock().instant());
    return 0;
  }
}
