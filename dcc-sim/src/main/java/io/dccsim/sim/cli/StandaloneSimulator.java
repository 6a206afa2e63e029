package io.dccsim.sim.cli;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.TestUser;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.sim.control.BaselineSetting;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.control.ControlRoute;
import io.dccsim.sim.control.ControlServer;
import io.dccsim.sim.control.ControlTokenFile;
import io.dccsim.sim.control.HarnessState;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageTable;
import io.dccsim.sim.coverage.SyntheticCoverage;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import io.dccsim.sim.server.ClientAuthMode;
import io.dccsim.sim.server.ServerSettings;
import io.dccsim.sim.server.TlsSettings;
import io.dccsim.smki.http.SmkiRepositoryServer;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.pki.TransportPki;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The simulator as a program: a PKI kept under the data directory (its PEM certificates and PKCS#8
 * keys written out for clients in any language), the SMKI store (H2 under the data directory, or
 * PostgreSQL), the SMKI repository interface, coverage from a file or synthetic, and the DUIS
 * server over HTTP, or HTTPS with supplied or generated ({@link GeneratedTls}) certificates; and,
 * unless {@code control-port} is -1, the control API ({@link ControlServer}) on its own port, with
 * a journal, scenarios and a coverage overlay installed and its token kept in a file ({@link
 * ControlTokenFile}).
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

  /** The DCC's generated TLS client certificate chain, presented to https receiving URLs. */
  public static final String DCC_TLS_CERT = "dcc-tls-client.cert.pem";

  /** The DCC's generated TLS client private key. */
  public static final String DCC_TLS_KEY = "dcc-tls-client.key.pem";

  private final Simulator simulator;
  private final CertificateRepository repository;
  private final SmkiRepositoryServer smki;
  private final SimulatorConfig config;
  private final boolean tlsGenerated;
  private final ControlServer control;
  private final SmkiPublication publication;
  private final Optional<PkiImport> imported;

  private StandaloneSimulator(
      Simulator simulator,
      CertificateRepository repository,
      SmkiRepositoryServer smki,
      SimulatorConfig config,
      boolean tlsGenerated,
      ControlServer control,
      SmkiPublication publication,
      Optional<PkiImport> imported) {
    this.imported = imported;
    this.simulator = simulator;
    this.repository = repository;
    this.smki = smki;
    this.config = config;
    this.tlsGenerated = tlsGenerated;
    this.control = control;
    this.publication = publication;
  }

  /**
   * Starts everything the configuration asks for.
   *
   * @throws io.dccsim.smki.repository.CertificateRepositoryException when the store cannot be
   *     opened (for example PostgreSQL cannot be reached)
   */
  public static StandaloneSimulator start(SimulatorConfig config) throws IOException {
    // Before anything signs: the provider is chosen once per JVM.
    io.dccsim.core.signature.EcdsaProvider.select(config.cryptoProvider());
    // an unusable schema file stops the start before anything is created
    io.dccsim.core.schema.DuisSchema schema = DuisSchemaSetting.load(config.duisSchemaFile());
    // so is a scenarios file with a mistake in it
    List<io.dccsim.sim.scenario.ScenarioDefinition> fileScenarios = scenariosFromFile(config);
    // and an estate file
    Optional<List<io.dccsim.core.inventory.Device>> estate =
        config.inventoryFile().map(io.dccsim.core.inventory.EstateFile::read);
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
            : keptFor(config.dccEui(), pkiDir, () -> pki.dspXmlSigningCredential(config.dccEui()));
    Optional<Eui64> signer = CertificateProfile.read(dcc.certificate()).eui();
    if (signer.isPresent() && !signer.get().equals(config.dccEui())) {
      throw new IllegalArgumentException(
          "Setting 'dcc-eui' is "
              + config.dccEui()
              + " but the certificate in dcc-cert-file belongs to "
              + signer.get());
    }
    Credential supplier =
        kept(
            pkiDir,
            SUPPLIER_CERT,
            SUPPLIER_KEY,
            () -> pki.xmlSigningCredential(Simulator.TEST_SUPPLIER_EUI));
    // Every other User's credential is kept too, so what a client saved stays valid.
    java.util.function.Function<Eui64, Credential> keptUserCredential =
        eui -> {
          String base = "user-" + eui.toString().replace("-", "") + "-xmlsign";
          return kept(
              pkiDir, base + ".cert.pem", base + ".key.pem", () -> pki.xmlSigningCredential(eui));
        };
    // and each User's Digital Signing and Key Agreement credentials, per remote party role
    java.util.function.BiFunction<Eui64, io.dccsim.core.value.RemotePartyRole, Credential>
        keptDigitalSigning =
            (eui, role) ->
                keptOrganisation(
                    pkiDir,
                    eui,
                    role,
                    "ds",
                    () -> pki.organisation(eui).role(role).digitalSigning().issue());
    java.util.function.BiFunction<Eui64, io.dccsim.core.value.RemotePartyRole, Credential>
        keptKeyAgreement =
            (eui, role) ->
                keptOrganisation(
                    pkiDir,
                    eui,
                    role,
                    "ka",
                    () -> pki.organisation(eui).role(role).keyAgreement().issue());
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
    // Delivery to https receiving URLs: the server's own certificate (supplied) or the generated
    // DCC
    // client certificate, trusting delivery-ca-file, else the generated CA, else the JDK's.
    List<X509Certificate> deliveryTrust =
        config.deliveryCaFile().map(PemMaterial::certificates).orElse(List.of());
    io.dccsim.sim.delivery.DeliveryTls deliveryTls =
        new io.dccsim.sim.delivery.DeliveryTls(List.of(), Optional.empty(), deliveryTrust);
    if (config.tlsCertFile().isPresent()) {
      deliveryTls =
          io.dccsim.sim.delivery.DeliveryTls.of(
              PemMaterial.certificates(config.tlsCertFile().get()),
              PemMaterial.privateKey(config.tlsKeyFile().orElseThrow()),
              deliveryTrust);
    }
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
      deliveryTls =
          io.dccsim.sim.delivery.DeliveryTls.of(
              tls.dccClient().certificateChain(),
              tls.dccClient().privateKey(),
              deliveryTrust.isEmpty() ? List.of(tls.ca()) : deliveryTrust);
    }
    CertificateRepository repository = openStore(config);
    Simulator simulator;
    PkiImport importedPki = null;
    try {
      Simulator.Builder builder = Simulator.builder();
      if (estate.isPresent()) {
        // an empty store gets the file's devices, not the synthetic estate
        builder.syntheticEstate(0);
        repository
            .deviceInventory()
            .filter(held -> held.count() == 0)
            .ifPresent(held -> held.addAll(estate.get()));
      }
      if (config.pkiImport().isPresent()) {
        importedPki =
            PkiImport.apply(
                config.pkiImport().get(), repository, clock, config, builder, dcc, supplier);
        dcc = importedPki.dcc();
        supplier = importedPki.supplier();
      }
      simulator =
          builder
              .clock(clock)
              .pki(pki)
              .repository(repository)
              .dccEui(config.dccEui())
              .dccCredential(dcc)
              .schema(schema)
              .supplierCredential(supplier)
              .credentialIssuer(keptUserCredential)
              .digitalSigningIssuer(keptDigitalSigning)
              .keyAgreementIssuer(keptKeyAgreement)
              // the devices' keys, issued on first use, outlive a restart
              .deviceKeyStore(
                  io.dccsim.sim.device.DeviceKeyStore.directory(pkiDir.resolve("devices")))
              .users(config.users())
              .delivery(config.deliverySettings())
              .deliveryTls(deliveryTls)
              .receiveUrls(config.receiveUrls())
              .deviceBehaviour(config.deviceBehaviour())
              .deviceResponseTimeout(config.deviceResponseTimeout())
              .preCommandForm(config.preCommandForm())
              .maxWaitingDeviceResponses(config.deviceResponsesWaiting())
              .stateChangeAlerts(config.stateChangeAlerts())
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
    SmkiPublication publication;
    try {
      publication =
          SmkiPublication.start(
              simulator,
              pki.hierarchy(),
              repository,
              config.extractSchedule(),
              config.extractDir(),
              pkiDir.resolve("hierarchy"));
    } catch (RuntimeException e) {
      simulator.close();
      repository.close();
      throw e;
    }
    SmkiRepositoryServer smki = null;
    if (config.smkiPort() >= 0) {
      try {
        SmkiRepositoryServer.Builder b =
            SmkiRepositoryServer.builder(repository).host(config.host()).port(config.smkiPort());
        b.revocationLists((io.dccsim.smki.http.RevocationListSource) publication.revocation())
            .extracts(publication.publisher().directory());
        config.smkiApiKey().ifPresent(b::apiKey);
        if (servesOrgCrypto(config)) {
          b.orgCrypto(
              () ->
                  OrgCryptoZip.of(
                      simulator.testUsers(),
                      simulator::digitalSigningCredential,
                      simulator.dccEui(),
                      simulator.dccCertificate()));
        }
        // The repository interface presents the same certificate and client policy as DUIS.
        if (settings.tls().isPresent()) {
          b.tls(settings.tls().get().serverContext());
        }
        smki = b.start();
      } catch (RuntimeException e) {
        publication.close();
        simulator.close();
        repository.close();
        throw e;
      }
    }
    ControlServer control = null;
    if (config.controlPort() < 0 && config.scenariosFile().isPresent()) {
      // no control API to reset them: installed once
      Scenarios installed = new Scenarios();
      fileScenarios.forEach(installed::add);
      simulator.interventions(installed);
    }
    if (config.controlPort() >= 0) {
      try {
        control =
            startControl(
                config,
                simulator,
                clock,
                new SmkiControlRoutes(
                        publication,
                        clock,
                        Optional.ofNullable(smki).map(SmkiRepositoryServer::baseUri))
                    .routes(),
                fileScenarios,
                Optional.ofNullable(smki).map(SmkiRepositoryServer::baseUri),
                settings.tls());
      } catch (IOException | RuntimeException e) {
        if (smki != null) {
          smki.close();
        }
        publication.close();
        simulator.close();
        repository.close();
        throw e;
      }
    }
    return new StandaloneSimulator(
        simulator,
        repository,
        smki,
        config,
        generated,
        control,
        publication,
        Optional.ofNullable(importedPki));
  }

  /**
   * The control API over this simulator: a journal, scenarios and a coverage overlay installed in
   * it, its clock, baseline and Users, on its own port with the token kept in the token file. The
   * routes of the API are extended here (see {@link ControlRoute}).
   */
  private static ControlServer startControl(
      SimulatorConfig config,
      Simulator simulator,
      SimulatedClock clock,
      List<ControlRoute> extra,
      List<io.dccsim.sim.scenario.ScenarioDefinition> fromFile,
      Optional<java.net.URI> smkiBase,
      Optional<io.dccsim.sim.server.TlsSettings> duisTls)
      throws IOException {
    BearerToken token = ControlTokenFile.loadOrCreate(config.controlTokenFile());
    CoverageOverlay overlay = new CoverageOverlay(simulator.coverage());
    Scenarios scenarios = new Scenarios();
    RequestJournal journal = new RequestJournal(config.journalCapacity());
    Runnable install =
        () -> {
          simulator.coverage(overlay);
          simulator.interventions(scenarios);
          fromFile.forEach(scenarios::add);
        };
    install.run();
    simulator.addExchangeListener(journal);
    HarnessState state =
        new HarnessState(
            journal,
            scenarios,
            clock,
            BaselinePolicy.parse(config.baseline()),
            BaselineSetting.of(simulator::baselinePolicy, simulator::baselinePolicy),
            Optional.of(overlay),
            Optional.of(simulator.users()),
            () -> {
              simulator.forgetRequestCounters();
              simulator.schedules().clear();
              simulator.deviceBehaviours().reset();
              simulator.preCommands().clear();
              install.run();
              if (config.clockStart().isEmpty()) {
                // No configured start: a reset goes back to the real time, not to when it started.
                clock.set(Clock.systemUTC().instant());
              }
            });
    state
        .userCredentials(simulator.userCredentials())
        .catalogue(simulator.catalogue())
        .inventory(simulator.inventory())
        .schedules(simulator.schedules())
        .deviceBehaviours(simulator.deviceBehaviours())
        .alerts(simulator.alerts())
        .deviceCredentials(simulator.deviceCredentials())
        .deliveries(simulator.outbox());
    return ControlServer.start(
        state,
        token,
        new InetSocketAddress(InetAddress.getByName(config.controlHost()), config.controlPort()),
        extra,
        Optional.of(console(config, simulator, state, smkiBase, duisTls)));
  }

  /** The web console over the control API: it signs as the test Users and sends to DUIS. */
  private static io.dccsim.sim.console.Console console(
      SimulatorConfig config,
      Simulator simulator,
      HarnessState state,
      Optional<java.net.URI> smkiBase,
      Optional<io.dccsim.sim.server.TlsSettings> duisTls) {
    // Over HTTPS the console trusts the DUIS server's own certificate; it has no client
    // certificate to present, so it cannot send where DUIS requires one.
    Optional<javax.net.ssl.SSLContext> trust =
        duisTls
            .filter(t -> t.clientAuth() != io.dccsim.sim.server.ClientAuthMode.REQUIRE)
            .map(t -> trusting(t.certificateChain()));
    io.dccsim.sim.console.Console.Builder b =
        io.dccsim.sim.console.Console.builder(state, simulator, trust);
    smkiBase.ifPresent(
        u -> {
          String base = u.toString().replaceAll("/+$", "");
          b.endpoint("smki", base + "/services/certificatesearch");
          b.endpoint("extracts", base + "/services/extracts");
          b.endpoint("crl", base + "/services/crl");
          b.endpoint("arl", base + "/services/arl");
          if (servesOrgCrypto(config)) {
            b.endpoint("orgCrypto", base + "/assets/crypto/org-crypto.zip");
          }
        });
    return b.build();
  }

  /** A client context trusting exactly {@code chain}'s certificates. */
  private static javax.net.ssl.SSLContext trusting(List<java.security.cert.X509Certificate> chain) {
    try {
      java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < chain.size(); i++) {
        store.setCertificateEntry("duis-" + i, chain.get(i));
      }
      javax.net.ssl.TrustManagerFactory f =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, f.getTrustManagers(), null);
      return context;
    } catch (java.security.GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot trust the DUIS certificate: " + e.getMessage(), e);
    }
  }

  /** The scenarios of {@code scenarios-file}, none without one. */
  private static List<io.dccsim.sim.scenario.ScenarioDefinition> scenariosFromFile(
      SimulatorConfig config) {
    return config.scenariosFile().map(io.dccsim.sim.control.ScenarioFile::read).orElse(List.of());
  }

  /** Whether the test Users' keys are offered: by {@code org-crypto}, and the SMKI address. */
  static boolean servesOrgCrypto(SimulatorConfig config) {
    return switch (config.orgCrypto()) {
      case ANY -> true;
      case OFF -> false;
      case LOOPBACK -> {
        try {
          yield InetAddress.getByName(config.host()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
          yield false;
        }
      }
    };
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

  /**
   * The DCC's credential kept in the PKI directory, issued again (and the files replaced) when the
   * kept one belongs to another EUI than {@code dcc-eui}, as after changing that setting.
   */
  private static Credential keptFor(Eui64 dccEui, Path dir, Supplier<Credential> issue) {
    Credential kept = kept(dir, DCC_CERT, DCC_KEY, issue);
    if (CertificateProfile.read(kept.certificate()).eui().equals(Optional.of(dccEui))) {
      return kept;
    }
    Credential fresh = issue.get();
    PemMaterial.write(fresh, dir.resolve(DCC_CERT), dir.resolve(DCC_KEY));
    return fresh;
  }

  /** The credential kept in two PEM files, issued and written there the first time. */
  /** A User's organisation credential for {@code role} and {@code usage} (ds, ka), kept. */
  private static Credential keptOrganisation(
      Path pkiDir,
      Eui64 eui,
      io.dccsim.core.value.RemotePartyRole role,
      String usage,
      java.util.function.Supplier<Credential> issue) {
    String base = "user-" + eui.toString().replace("-", "") + "-" + role.gbcsName() + "-" + usage;
    return kept(pkiDir, base + ".cert.pem", base + ".key.pem", issue);
  }

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

  /** The control API, unless {@code control-port} is -1. */
  public Optional<ControlServer> control() {
    return Optional.ofNullable(control);
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
      String smkiBase = smki.baseUri().toString();
      out.println("  SMKI repository  POST " + smkiBase + "/services/certificatesearch");
      out.println("  SMKI extracts    GET  " + smkiBase + "/services/extracts");
      out.println("  CRL and ARL      GET  " + smkiBase + "/services/crl, /services/arl");
      if (servesOrgCrypto(config)) {
        out.println("  test Users' keys GET  " + smkiBase + "/assets/crypto/org-crypto.zip");
      }
      if (config.smkiApiKey().isPresent()) {
        out.println("    SMKI requests need ?apikey= (the smki-api-key setting)");
      }
    }
    describeControl(out);
    out.println("  DCC EUI          " + simulator.dccEui());
    out.println(
        "  test supplier    "
            + simulator.testSupplier().eui()
            + " ("
            + simulator.testSupplier().role().displayName()
            + ")");
    StringBuilder others = new StringBuilder();
    for (TestUser u : simulator.testUsers()) {
      if (!u.eui().equals(simulator.testSupplier().eui())) {
        others
            .append(others.length() == 0 ? "" : ", ")
            .append(u.eui())
            .append(' ')
            .append(u.role().abbreviation());
      }
    }
    String keysIn =
        smki != null && servesOrgCrypto(config) ? "org-crypto.zip and pki-dir" : "pki-dir";
    out.println("  other test Users " + others + " (keys in " + keysIn + ")");
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
    imported.ifPresent(i -> out.println("  PKI imported     " + i.describe()));
    out.println(
        "  inventory        "
            + simulator.inventory().count()
            + " devices"
            + config
                .inventoryFile()
                .map(f -> " (estate file " + f.toAbsolutePath().normalize() + " when empty)")
                .orElse(" (the synthetic estate when empty)"));
    out.println(
        "  extracts         "
            + publication.spec().describe()
            + " -> "
            + config.extractDir().toAbsolutePath().normalize());
    out.println("  ECDSA            " + io.dccsim.core.signature.EcdsaProvider.description());
    describeTime(out);
    out.println(
        "  coverage         "
            + config
                .coverageFile()
                .map(f -> "table " + f.toAbsolutePath().normalize())
                .orElse("synthetic (every postcode has a deterministic answer)"));
    if (!simulator.checksSignatures()) {
      out.println(
          "  WARNING          signature checks are OFF (load-test setting): requests are not"
              + " authenticated");
    }
  }

  /** The simulated clock, the baseline policy and what it puts in force now. */
  private void describeTime(PrintStream out) {
    SimulatedClock clock = simulator.clock();
    Instant now = clock.instant();
    out.println(
        "  clock            "
            + now.truncatedTo(ChronoUnit.SECONDS)
            + (config.clockStart().isPresent()
                ? " (from clock-start, rate " + clock.rate() + "x)"
                : " (real time; the control API can move it)"));
    BaselinePolicy policy = simulator.baselinePolicy();
    Baseline baseline = policy.at(now);
    List<String> inForce = new ArrayList<>();
    for (Modification m : Modification.values()) {
      if (baseline.isInForce(m)) {
        inForce.add(m.name());
      }
    }
    out.println(
        "  baseline policy  "
            + policy
            + ": "
            + baseline
            + " now"
            + (inForce.isEmpty()
                ? ", no June 2021 change in force"
                : " (" + String.join(", ", inForce) + " in force)"));
  }

  /** The control API's URLs, where its token is and a command using it; never the token. */
  private void describeControl(PrintStream out) {
    if (control == null) {
      return;
    }
    String tokenFile = config.controlTokenFile().toAbsolutePath().normalize().toString();
    out.println(
        "  control API      " + control.baseUri() + " (OpenAPI " + control.openApiUri() + ")");
    out.println("    token in       " + tokenFile);
    out.println(
        "    try            curl -H \"Authorization: Bearer $(cat "
            + shellWord(tokenFile)
            + ")\" "
            + control.baseUri()
            + "clock");
    out.println(
        "  web console      "
            + control.baseUri().resolve(io.dccsim.sim.console.Console.PATH)
            + " (log in with the token)");
    if (!control.address().getAddress().isLoopbackAddress()) {
      out.println(
          "  WARNING          the control API listens beyond loopback ("
              + config.controlHost()
              + "): plain HTTP, protected only by its token");
    }
  }

  /** A path as one shell word: as it is when plain, else single-quoted. */
  static String shellWord(String s) {
    if (s.matches("[A-Za-z0-9/._+:@%-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
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

  /** The SMKI repository interface's base URI (its extracts, CRL and ARL), if it is on. */
  java.net.URI smkiBaseUri() {
    if (smki == null) {
      throw new IllegalStateException("The SMKI repository interface is off (smki-port -1)");
    }
    return smki.baseUri();
  }

  /** The settings it was started with. */
  SimulatorConfig configuration() {
    return config;
  }

  /** What the SMKI repository publishes: extracts on their schedule, the CRL and ARL. */
  SmkiPublication publication() {
    return publication;
  }

  /** Stops the servers and closes the store. */
  @Override
  public void close() {
    if (control != null) {
      control.close();
    }
    publication.close();
    if (smki != null) {
      smki.close();
    }
    simulator.close();
    repository.close();
  }
}
