package io.dccsim.sim.cli;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageTable;
import io.dccsim.sim.coverage.SyntheticCoverage;
import io.dccsim.sim.server.ClientAuthMode;
import io.dccsim.sim.server.ServerSettings;
import io.dccsim.sim.server.TlsSettings;
import io.dccsim.smki.http.SmkiRepositoryServer;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The simulator as a program: a PKI kept under the data directory (its PEM certificates and PKCS#8
 * keys written out for clients in any language), the SMKI store in H2 under the data directory, the
 * SMKI repository interface, coverage from a file or synthetic, and the DUIS server.
 */
public final class StandaloneSimulator implements AutoCloseable {
  /** The files written to the PKI directory. */
  public static final String DCC_CERT = "dcc-dspxmlsign.cert.pem";

  /** The DCC's private key file. */
  public static final String DCC_KEY = "dcc-dspxmlsign.key.pem";

  /** The test supplier's certificate file. */
  public static final String SUPPLIER_CERT = "supplier-xmlsign.cert.pem";

  /** The test supplier's private key file. */
  public static final String SUPPLIER_KEY = "supplier-xmlsign.key.pem";

  private final Simulator simulator;
  private final CertificateRepository repository;
  private final SmkiRepositoryServer smki;
  private final Path pkiDir;

  private StandaloneSimulator(
      Simulator simulator,
      CertificateRepository repository,
      SmkiRepositoryServer smki,
      Path pkiDir) {
    this.simulator = simulator;
    this.repository = repository;
    this.smki = smki;
    this.pkiDir = pkiDir;
  }

  /** Starts everything the configuration asks for. */
  public static StandaloneSimulator start(SimulatorConfig config) throws IOException {
    SimulatedClock clock =
        config
            .clockStart()
            .map(start -> SimulatedClock.advancing(Clock.systemUTC(), start, 1.0))
            .orElseGet(() -> SimulatedClock.offset(Clock.systemUTC(), Duration.ZERO));
    Files.createDirectories(config.dataDir());
    Path pkiDir = config.pkiDir();
    Files.createDirectories(pkiDir);
    TestPki pki = TestPki.loadOrCreate(pkiDir.resolve("hierarchy"), clock);
    Credential dcc =
        config.dccCertFile().isPresent()
            ? CredentialLoader.load(
                config.dccCertFile().get(),
                config
                    .dccKeyFile()
                    .orElseThrow(
                        () -> new IllegalArgumentException("dcc-cert-file needs dcc-key-file")))
            : kept(pkiDir, DCC_CERT, DCC_KEY, () -> pki.dspXmlSigningCredential(Simulator.DCC_EUI));
    Credential supplier =
        kept(
            pkiDir,
            SUPPLIER_CERT,
            SUPPLIER_KEY,
            () -> pki.xmlSigningCredential(Simulator.TEST_SUPPLIER_EUI));
    CertificateRepository repository =
        CertificateRepositories.h2File(config.dataDir().resolve("smki"));
    CoverageModel coverage =
        config.coverageFile().isPresent()
            ? CoverageTable.load(config.coverageFile().get())
            : new SyntheticCoverage();
    ServerSettings settings =
        new ServerSettings(
            config.host(),
            config.port(),
            config.maxBodyBytes(),
            config.maxConnections(),
            config.requestTimeout(),
            config.idleTimeout(),
            config.workerThreads() > 0
                ? config.workerThreads()
                : Math.max(2, Runtime.getRuntime().availableProcessors()),
            config.workQueue(),
            16,
            64 * 1024,
            java.util.Optional.empty());
    if (config.tlsCertFile().isPresent()) {
      ClientAuthMode mode = ClientAuthMode.valueOf(config.tlsClientAuth().toUpperCase(Locale.ROOT));
      settings =
          settings.withTls(
              new TlsSettings(
                  PemMaterial.certificates(config.tlsCertFile().get()),
                  PemMaterial.privateKey(
                      config
                          .tlsKeyFile()
                          .orElseThrow(
                              () ->
                                  new IllegalArgumentException(
                                      "tls-cert-file needs tls-key-file"))),
                  config.tlsClientCaFile().map(PemMaterial::certificates).orElse(List.of()),
                  mode));
    }
    Simulator simulator;
    try {
      simulator =
          Simulator.builder()
              .clock(clock)
              .pki(pki)
              .repository(repository)
              .dccCredential(dcc)
              .supplierCredential(supplier)
              .coverage(coverage)
              .writeUnknownLiterally(config.writeUnknownLiterally())
              .baselinePolicy(BaselinePolicy.parse(config.baseline()))
              .server(settings)
              .start();
    } catch (RuntimeException e) {
      repository.close();
      throw e;
    }
    SmkiRepositoryServer smki = null;
    if (config.smkiPort() >= 0) {
      smki =
          SmkiRepositoryServer.builder(repository)
              .host(config.host())
              .port(config.smkiPort())
              .start();
    }
    return new StandaloneSimulator(simulator, repository, smki, pkiDir);
  }

  /** The credential kept in two PEM files, issued and written there the first time. */
  private static Credential kept(Path dir, String cert, String key, Supplier<Credential> issue)
      throws IOException {
    Path certFile = dir.resolve(cert);
    Path keyFile = dir.resolve(key);
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      return CredentialLoader.load(certFile, keyFile);
    }
    Credential c = issue.get();
    writeAtomically(certFile, c.certificateChainPem());
    writeAtomically(keyFile, c.privateKeyPkcs8Pem());
    return c;
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The in-process simulator. */
  public Simulator simulator() {
    return simulator;
  }

  /** Prints the endpoints and where the credentials are. */
  public void describe(PrintStream out) {
    String base = simulator.baseUrl();
    out.println("dccsim: the simulated DCC is running");
    out.println("  DUIS non-device  POST " + base + "/api/v1/serviceD");
    out.println("  DUIS send        POST " + base + "/api/v1/serviceS");
    out.println("  DUIS transform   POST " + base + "/api/v1/serviceT");
    out.println("  metrics          GET  " + base + "/metrics");
    if (smki != null) {
      out.println("  SMKI repository  POST " + smki.baseUri() + "/services/certificatesearch");
    }
    out.println("  DCC EUI          " + Simulator.DCC_EUI);
    out.println("  test supplier    " + simulator.testSupplier().eui() + " (Import Supplier)");
    out.println("  credentials in   " + pkiDir.toAbsolutePath());
    out.println(
        "    "
            + DCC_CERT
            + " (verify responses), "
            + SUPPLIER_CERT
            + " + "
            + SUPPLIER_KEY
            + " (sign requests)");
    out.println("  baseline policy  " + simulator.baselinePolicy());
  }

  /** Stops the servers and closes the store. */
  @Override
  public void close() {
    if (smki != null) {
      smki.close();
    }
    simulator.close();
    repository.close();
  }
}
