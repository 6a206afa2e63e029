package io.dccsim.smki.cli;

import io.dccsim.smki.pki.ProfileOids;
import io.dccsim.smki.pki.SmkiHierarchy;
import io.dccsim.smki.pki.TestPki;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code smki init}: creates a PKI directory, or shows the one already there. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Create a Root, Organisation CA and Device CA in the PKI directory (kept if present).")
public final class InitCommand implements Callable<Integer> {
  @ParentCommand SmkiCommand parent;
  @Spec CommandSpec spec;
  @Mixin PkiOptions pki;

  @Option(names = "--force", description = "Replace a PKI already in the directory.")
  boolean force;

  @Option(
      names = "--authority-policy",
      paramLabel = "OID",
      description = "Policy OID of CA certificates.")
  String authorityPolicy;

  @Option(
      names = "--organisation-policy",
      paramLabel = "OID",
      description = "Policy OID of Organisation Certificates.")
  String organisationPolicy;

  @Option(
      names = "--device-policy",
      paramLabel = "OID",
      description = "Policy OID of Device Certificates.")
  String devicePolicy;

  @Option(
      names = "--hw-type",
      paramLabel = "OID",
      description = "hwType OID of a device's HardwareModuleName.")
  String hardwareType;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (SmkiHierarchy.existsIn(pki.dir) && !force) {
      TestPki existing = pki.load(parent.clock());
      out.println(
          "PKI already in "
              + pki.dir.toAbsolutePath().normalize()
              + " (use --force to replace it)");
      describe(out, existing);
      return 0;
    }
    ProfileOids d = ProfileOids.testDefaults();
    ProfileOids oids =
        new ProfileOids(
            authorityPolicy != null ? authorityPolicy : d.authorityPolicy(),
            organisationPolicy != null ? organisationPolicy : d.organisationPolicy(),
            devicePolicy != null ? devicePolicy : d.devicePolicy(),
            hardwareType != null ? hardwareType : d.hardwareModuleType());
    TestPki created = TestPki.create(parent.clock(), oids);
    created.save(pki.dir);
    out.println("Created PKI in " + pki.dir.toAbsolutePath().normalize());
    describe(out, created);
    return 0;
  }

  static void describe(PrintWriter out, TestPki pki) {
    out.println("  root " + line(pki.root().certificate()));
    out.println("  oca  " + line(pki.organisationCa().certificate()));
    out.println("  dca  " + line(pki.deviceCa().certificate()));
  }

  private static String line(java.security.cert.X509Certificate c) {
    return c.getSubjectX500Principal().getName()
        + " serial "
        + c.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT);
  }
}
