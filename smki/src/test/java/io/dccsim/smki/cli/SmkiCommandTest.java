package io.dccsim.smki.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SmkiCommandTest {
  static final Instant NOW = Instant.parse("2021-06-24T08:00:00Z");

  @TempDir Path tmp;
  Path pki;
  Path repo;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void paths() {
    pki = tmp.resolve("pki");
    repo = tmp.resolve("repo");
  }

  int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    CommandLine cl = SmkiCommand.commandLine(Clock.fixed(NOW, ZoneOffset.UTC));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void initCreatesThenKeepsAPki() throws Exception {
    assertThat(run("init", "--pki", pki.toString())).isZero();
    assertThat(out.toString())
        .contains("Created PKI")
        .contains("OU=07,CN=dccsim Test Organisation CA");
    byte[] root = Files.readAllBytes(pki.resolve("root.pem"));
    assertThat(run("init", "--pki", pki.toString())).isZero();
    assertThat(out.toString()).contains("already");
    assertThat(Files.readAllBytes(pki.resolve("root.pem"))).isEqualTo(root);
    assertThat(run("init", "--pki", pki.toString(), "--force")).isZero();
    assertThat(Files.readAllBytes(pki.resolve("root.pem"))).isNotEqualTo(root);
  }

  @Test
  void issueOrganisationWritesACredentialAndFilesIt() throws Exception {
    run("init", "--pki", pki.toString());
    Path prefix = tmp.resolve("supplier");
    int code =
        run(
            "issue-organisation",
            "--pki",
            pki.toString(),
            "--eui",
            "90-B3-D5-1F-30-01-00-00",
            "--role",
            "xmlSign",
            "--usage",
            "DS",
            "--cn",
            "Supplier A",
            "--out",
            prefix.toString(),
            "--repository",
            repo.toString());
    assertThat(code).as(err.toString()).isZero();
    Credential c =
        CredentialLoader.load(tmp.resolve("supplier.pem"), tmp.resolve("supplier.key.pem"));
    CertificateProfile p = CertificateProfile.read(c.certificate());
    assertThat(p.role()).contains(RemotePartyRole.XML_SIGN);
    assertThat(c.chain()).hasSize(2);
    try (CertificateRepository r = CertificateRepositories.h2File(repo)) {
      CertificateRecord held = r.findBySerial(c.serial()).orElseThrow();
      assertThat(held.status()).isEqualTo(CertificateStatus.IN_USE);
      assertThat(held.statusChangedAt()).isEqualTo(NOW);
    }
  }

  @Test
  void issueDeviceWithHexRoleFreeOptions() throws Exception {
    run("init", "--pki", pki.toString());
    assertThat(
            run(
                "issue-device",
                "--pki",
                pki.toString(),
                "--eui",
                "000d6f0000000001",
                "--usage",
                "ka",
                "--out",
                tmp.resolve("meter").toString()))
        .as(err.toString())
        .isZero();
    CertificateProfile p =
        CertificateProfile.read(PemMaterial.certificate(tmp.resolve("meter.pem")));
    assertThat(p.kind()).isEqualTo(CertificateKind.DEVICE);
    assertThat(p.usage()).isEqualTo(CertificateUsage.KA);
    assertThat(p.subjectAltNameEui()).contains(Eui64.parse("00-0D-6F-00-00-00-00-01"));
  }

  @Test
  void bulkDevicesSearchShowRevokeAndLists() throws Exception {
    run("init", "--pki", pki.toString());
    int code =
        run(
            "bulk-devices",
            "--pki",
            pki.toString(),
            "--repository",
            repo.toString(),
            "--count",
            "250",
            "--threads",
            "2",
            "--batch",
            "40",
            "--first-eui",
            "00-0D-6F-00-00-00-10-00",
            "--no-progress");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("Issued 250 device certificates (250 new)");
    try (CertificateRepository r = CertificateRepositories.h2File(repo)) {
      assertThat(r.count()).isEqualTo(250);
      List<CertificateRecord> last =
          r.search(CertificateQuery.bySubjectAltNameEui(Eui64.parse("00-0D-6F-00-00-00-10-F9")));
      assertThat(last).hasSize(1);
      assertThat(
              r.search(
                  CertificateQuery.bySubjectAltNameEui(Eui64.parse("00-0D-6F-00-00-00-10-FA"))))
          .isEmpty();
    }

    assertThat(
            run(
                "search",
                "--repository",
                repo.toString(),
                "--device-eui",
                "00-0D-6F-00-00-00-10-05"))
        .isZero();
    assertThat(out.toString())
        .contains("DEVICE 00-0D-6F-00-00-00-10-05 - DS I")
        .contains("1 found");
    String serial = out.toString().split(" ")[0];
    assertThat(run("search", "--repository", repo.toString(), "--eui", "11-11-11-11-11-11-11-11"))
        .isEqualTo(4);

    assertThat(run("show", "--repository", repo.toString(), "--serial", serial)).isZero();
    assertThat(out.toString()).contains("kind:       DEVICE").contains("status:     I");

    // Import the supplier's certificate, revoke it, and find it on the CRL.
    TestPki p = TestPki.load(pki, Clock.fixed(NOW, ZoneOffset.UTC));
    Credential supplier = p.xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-07"));
    Path pem = tmp.resolve("supplier.pem");
    Files.writeString(pem, supplier.certificatePem());
    Path der = tmp.resolve("oca.der");
    Files.write(der, p.organisationCa().certificateDer());
    assertThat(run("import", "--repository", repo.toString(), pem.toString(), der.toString()))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("2 certificate(s) added");
    assertThat(run("import", "--repository", repo.toString(), pem.toString())).isZero();
    assertThat(out.toString()).contains("present").contains("0 certificate(s) added");

    String hex = supplier.serial().toString(16);
    assertThat(
            run(
                "revoke",
                "--pki",
                pki.toString(),
                "--repository",
                repo.toString(),
                "--serial",
                hex,
                "--reason",
                "keyCompromise"))
        .as(err.toString())
        .isZero();
    X509CRL crl =
        (X509CRL)
            CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(Files.readAllBytes(pki.resolve("oca.crl"))));
    assertThat(crl.isRevoked(supplier.certificate())).isTrue();
    assertThat(pki.resolve("root.arl")).exists();

    assertThat(run("revocation-lists", "--pki", pki.toString(), "--repository", repo.toString()))
        .isZero();
    assertThat(out.toString()).contains("CRL number 1").contains("ARL number 1");
    assertThat(run("search", "--repository", repo.toString(), "--status", "R")).isZero();
    assertThat(out.toString()).contains("xmlSign DS R").contains("1 found");
  }

  @Test
  void showReadsPemAndDerFiles() throws Exception {
    TestPki p = TestPki.create(Clock.fixed(NOW, ZoneOffset.UTC));
    Path f = tmp.resolve("dsp.pem");
    Files.writeString(
        f, p.dspXmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-00-00-02")).certificatePem());
    assertThat(run("show", f.toString())).isZero();
    assertThat(out.toString())
        .contains("kind:       ORGANISATION")
        .contains("subject:    90-B3-D5-1F-30-00-00-02")
        .contains("role:       dspXmlSign (89)")
        .contains("notAfter:   2031-06-24T08:00:00Z");
  }

  @Test
  void mistakesGetAShortMessageAndANonZeroCode() {
    assertThat(
            run(
                "issue-organisation",
                "--pki",
                pki.toString(),
                "--eui",
                "90-B3-D5-1F-30-01-00-00",
                "--role",
                "xmlSign",
                "--out",
                "x"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("No PKI in")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    run("init", "--pki", pki.toString());
    assertThat(
            run(
                "issue-organisation",
                "--pki",
                pki.toString(),
                "--eui",
                "not-an-eui",
                "--role",
                "xmlSign",
                "--out",
                "x"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--eui");
    assertThat(
            run(
                "issue-organisation",
                "--pki",
                pki.toString(),
                "--eui",
                "90-B3-D5-1F-30-01-00-00",
                "--role",
                "nobody",
                "--out",
                "x"))
        .isEqualTo(2);
    assertThat(run("search")).isEqualTo(2);
    assertThat(err.toString()).contains("--repository");
    CertificateRepositories.h2File(repo).close();
    assertThat(
            run(
                "revoke",
                "--pki",
                pki.toString(),
                "--repository",
                repo.toString(),
                "--serial",
                "ABC"))
        .isEqualTo(3);
  }

  @picocli.CommandLine.Command(name = "launcher")
  static final class Launcher implements Runnable {
    @Override
    public void run() {}
  }

  @Test
  void worksAsASubcommandOfAnotherLauncher() throws Exception {
    CommandLine launcher =
        new CommandLine(new Launcher())
            .addSubcommand(new CommandLine(new SmkiCommand(Clock.fixed(NOW, ZoneOffset.UTC))));
    StringWriter o = new StringWriter();
    launcher.setOut(new PrintWriter(o, true));
    assertThat(launcher.execute("smki", "init", "--pki", pki.toString())).isZero();
    int code =
        launcher.execute(
            "smki",
            "issue-organisation",
            "--pki",
            pki.toString(),
            "--eui",
            "90b3d51f30010000",
            "--role",
            "87",
            "--usage",
            "ka",
            "--out",
            tmp.resolve("u").toString());
    assertThat(code).isZero();
    CertificateProfile p = CertificateProfile.read(PemMaterial.certificate(tmp.resolve("u.pem")));
    assertThat(p.role()).contains(RemotePartyRole.XML_SIGN);
    assertThat(p.usage()).isEqualTo(CertificateUsage.KA);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "init",
            "issue-organisation",
            "issue-device",
            "bulk-devices",
            "import",
            "revoke",
            "revocation-lists",
            "search",
            "show");
  }

  @Test
  void importTakesATestPkiDirectoryFilingItsCertificatesAndCountingTheKeysItLeaves()
      throws Exception {
    TestPki p = TestPki.create(Clock.systemUTC());
    Credential supplier = p.xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-08"));
    Path bundle = tmp.resolve("their-pki");
    Files.createDirectories(bundle.resolve("key"));
    Files.writeString(bundle.resolve("supplier.pem"), supplier.certificateChainPem());
    Files.writeString(bundle.resolve("key/supplier.key"), supplier.privateKeyPkcs8Pem());
    Path repo = tmp.resolve("bundle-repo");

    assertThat(run("import", "--repository", repo.toString(), bundle.toString()))
        .as(err.toString())
        .isZero();

    assertThat(out.toString())
        .contains((1 + supplier.chain().size()) + " certificate(s) added")
        .contains("1 private key(s) found and not filed");
  }

  @Test
  void aRepositoryThatIsNotThereIsRefusedNotCreated() {
    Path missing = tmp.resolve("typo");
    assertThat(run("search", "--repository", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("No repository in").contains("typo");
    assertThat(err.toString().lines().count()).isEqualTo(1);
    assertThat(Files.exists(missing)).isFalse();
    assertThat(
            run(
                "revoke",
                "--pki",
                pki.toString(),
                "--repository",
                missing.toString(),
                "--serial",
                "AB"))
        .isNotZero();
    assertThat(Files.exists(missing.resolve("smki.mv.db"))).isFalse();
  }

  @Test
  void theDefaultsAreTheSimulatorsDataLayout() {
    CommandLine cl = SmkiCommand.commandLine(Clock.fixed(NOW, ZoneOffset.UTC));
    CommandLine search = cl.getSubcommands().get("search");
    assertThat(search.getCommandSpec().findOption("--repository").description()[0])
        .contains("data/smki");
    CommandLine init = cl.getSubcommands().get("init");
    assertThat(init.getCommandSpec().findOption("--pki").defaultValue())
        .isEqualTo("data/pki/hierarchy");
  }
}
