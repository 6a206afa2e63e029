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
import io.dccsim.smki.pki.TransportPki;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The simulator as a program: a PKI kept under the data directory (its PEM certificates and PKCS#8
 * keys written out for clients in any language), the SMKI store (H2 under the data directory, or
 * PostgreSQL), the SMKI repository interface, coverage from a file or synthetic, and the DUIS
 * server over HTTP, or HTTPS with supplied or generated ({@link GeneratedTls}) certificates.
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

  /** The transport CA's certificate, what HTTPS clients trust when TLS is generated. */
  public static final String TLS_CA_CERT = TransportPki.CA_CERT_FILE;

  /** The generated TLS server certificate chain. */
  public static final String TLS_SERVER_CERT = "tls-server.cert.pem";

  /** The generated TLS server private key. */
  public static final String TLS_SERVER_KEY = "tls-server.key.pem";

  /** The test supplier's generated TLS client certificate chain. */
  public static final String SUPPLIER_TLS_CERT = "supplier-tls.cert.pem";

  /** The test supplier's generated TLS client private key. */
  public static final String SUPPLIER_TLS_KEY = "supplier-tls.key.pem";

  private final Simulator simulator;
  private final CertificateRepository repository;
  private final SmkiRepositoryServer smki;
  private final SimulatorConfig config;
  private final boolean tlsGenerated;

  private StandaloneSimulator(
      Simulator simulator,
      CertificateRepository repository,
      SmkiRepositoryServer smki,
      SimulatorConfig config,
      boolean tlsGenerated) {
    this.simulator = simulator;
    this.repository = repository;
    this.smki = smki;
    this.config = config;
    this.tlsGenerated = tlsGenerated;
  }

  /**
   * Starts everything the configuration asks for.
   *
   * @throws io.dccsim.smki.repository.CertificateRepositoryException when the store cannot be
   *     opened (for example PostgreSQL cannot be reached)
   */
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
    CoverageModel coverage =
        config.coverageFile().isPresent()
            ? CoverageTable.load(config.coverageFile().get())
            : new SyntheticCoverage();
    ServerSettings defaults = ServerSettings.defaults();
    ServerSettings settings =
        defaults
            .withAddress(config.host(), config.port())
            .withLimits(
                config.maxBodyBytes(),
                config.maxConnections(),
                config.workerThreads() > 0 ? config.workerThreads() : defaults.workerThreads(),
                config.workQueue())
            .withTimeouts(config.requestTimeout(), config.idleTimeout());
    ClientAuthMode mode = ClientAuthMode.valueOf(config.tlsClientAuth().toUpperCase(Locale.ROOT));
    List<X509Certificate> clientIssuers =
        config.tlsClientCaFile().map(PemMaterial::certificates).orElse(List.of());
    boolean generated = false;
    if (config.tlsCertFile().isPresent()) {
      // Supplied files win over tls-generate.
      settings =
          settings.withTls(
              new TlsSettings(
                  PemMaterial.certificates(config.tlsCertFile().get()),
                  PemMaterial.privateKey(config.tlsKeyFile().orElseThrow()),
                  clientIssuers,
                  mode));
    } else if (config.tlsGenerate()) {
      GeneratedTls tls =
          GeneratedTls.prepare(
              pkiDir,
              config.host(),
              config.tlsNames(),
              Simulator.TEST_SUPPLIER_EUI.toString(),
              Clock.systemUTC());
      settings =
          settings.withTls(
              new TlsSettings(
                  tls.server().certificateChain(),
                  tls.server().privateKey(),
                  clientIssuers.isEmpty() ? List.of(tls.ca()) : clientIssuers,
                  mode));
      generated = true;
    }
    CertificateRepository repository = openStore(config);
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
              .signatureChecks(config.signatureChecks())
              .baselinePolicy(BaselinePolicy.parse(config.baseline()))
              .server(settings)
              .start();
    } catch (RuntimeException e) {
      repository.close();
      throw e;
    }
    SmkiRepositoryServer smki = null;
    if (config.smkiPort() >= 0) {
      try {
        SmkiRepositoryServer.Builder b =
            SmkiRepositoryServer.builder(repository).host(config.host()).port(config.smkiPort());
        // The repository interface presents the same certificate and client policy as DUIS.
        if (settings.tls().isPresent()) {
          b.tls(settings.tls().get().serverContext());
        }
        smki = b.start();
      } catch (RuntimeException e) {
        simulator.close();
        repository.close();
        throw e;
      }
    }
    return new StandaloneSimulator(simulator, repository, smki, config, generated);
  }

  /** The SMKI store the configuration names: H2 under the data directory, or PostgreSQL. */
  private static CertificateRepository openStore(SimulatorConfig config) {
    if (config.postgresStore()) {
      return CertificateRepositories.postgres(
          config.storeUrl().orElseThrow(),
          config.storeUser(),
          config.storePassword(),
          config.storeSchema());
    }
    return CertificateRepositories.h2File(config.dataDir().resolve("smki"));
  }

  /** The credential kept in two PEM files, issued and written there the first time. */
  private static Credential kept(Path dir, String cert, String key, Supplier<Credential> issue) {
    Path certFile = dir.resolve(cert);
    Path keyFile = dir.resolve(key);
    if (Files.exists(certFile) && Files.exists(keyFile)) {
      return CredentialLoader.load(certFile, keyFile);
    }
    Credential c = issue.get();
    // The key owner-only; each file whole or not at all.
    PemMaterial.write(c, certFile, keyFile);
    return c;
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
    Path pkiDir = config.pkiDir().toAbsolutePath().normalize();
    out.println("  credentials in   " + pkiDir);
    out.println(
        "    "
            + DCC_CERT
            + " (verify responses), "
            + SUPPLIER_CERT
            + " + "
            + SUPPLIER_KEY
            + " (sign requests)");
    describeTls(out, pkiDir);
    out.println("  SMKI store       " + storeDescription());
    out.println("  baseline policy  " + simulator.baselinePolicy());
    if (!simulator.checksSignatures()) {
      out.println(
          "  WARNING          signature checks are OFF (load-test setting): requests are not"
              + " authenticated");
    }
  }

  private void describeTls(PrintStream out, Path pkiDir) {
    String clientAuth = config.tlsClientAuth();
    if (tlsGenerated) {
      out.println("  TLS              generated; clients trust " + pkiDir.resolve(TLS_CA_CERT));
      out.println("    " + TLS_SERVER_CERT + " + " + TLS_SERVER_KEY + " (the server's)");
      out.println(
          "    "
              + SUPPLIER_TLS_CERT
              + " + "
              + SUPPLIER_TLS_KEY
              + " (the test supplier's client certificate; client auth "
              + clientAuth
              + ")");
      if (config.tlsClientCaFile().isPresent()) {
        out.println(
            "    client certificates chain to "
                + config.tlsClientCaFile().get().toAbsolutePath().normalize());
      }
    } else if (config.tlsCertFile().isPresent()) {
      out.println(
          "  TLS              "
              + config.tlsCertFile().get().toAbsolutePath().normalize()
              + " (client auth "
              + clientAuth
              + ")"
              + (config.tlsGenerate() ? "; tls-generate is ignored: tls-cert-file is given" : ""));
    }
  }

  private String storeDescription() {
    if (config.postgresStore()) {
      return "PostgreSQL "
          + SimulatorConfig.redactUrl(config.storeUrl().orElseThrow())
          + " (user "
          + config.storeUser()
          + ", schema "
          + config.storeSchema()
          + ")";
    }
    return "H2 " + config.dataDir().resolve("smki").toAbsolutePath().normalize();
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
