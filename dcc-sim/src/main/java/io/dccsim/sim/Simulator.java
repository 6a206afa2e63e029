package io.dccsim.sim;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.SyntheticCoverage;
import io.dccsim.sim.metrics.SimulatorMetrics;
import io.dccsim.sim.pipeline.Authorisation;
import io.dccsim.sim.pipeline.DeviceDirectory;
import io.dccsim.sim.pipeline.DuisPipeline;
import io.dccsim.sim.pipeline.ReplayGuard;
import io.dccsim.sim.pipeline.RepositoryCertificateResolver;
import io.dccsim.sim.pipeline.RequestCounterPersistence;
import io.dccsim.sim.pipeline.RequestReader;
import io.dccsim.sim.pipeline.ResponseWriter;
import io.dccsim.sim.pipeline.SignerAuthentication;
import io.dccsim.sim.pipeline.TargetCheck;
import io.dccsim.sim.pipeline.UserRegistry;
import io.dccsim.sim.schedule.SimulatedScheduler;
import io.dccsim.sim.server.DuisServer;
import io.dccsim.sim.server.ServerSettings;
import io.dccsim.sim.service.Alerts;
import io.dccsim.sim.service.CommsHubStatusUpdateService;
import io.dccsim.sim.service.DecommissionDeviceService;
import io.dccsim.sim.service.DeviceBehaviours;
import io.dccsim.sim.service.DeviceCommandService;
import io.dccsim.sim.service.DevicePrenotificationService;
import io.dccsim.sim.service.DspSchedules;
import io.dccsim.sim.service.FirmwareUpdateService;
import io.dccsim.sim.service.LocalCommandResponseService;
import io.dccsim.sim.service.PlaceholderGbcs;
import io.dccsim.sim.service.ReadInventoryService;
import io.dccsim.sim.service.ScheduleRunner;
import io.dccsim.sim.service.ScheduleServices;
import io.dccsim.sim.service.ServiceHandler;
import io.dccsim.sim.service.ServiceOptInService;
import io.dccsim.sim.service.UpdateInventoryService;
import io.dccsim.sim.service.WanMatrixService;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.InterventionSource;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulated DCC, in process. Build, start on a free loopback port, point a DUIS client at
 * {@link #baseUrl()}, close:
 *
 * <pre>{@code
 * try (Simulator dcc = Simulator.builder().start()) {
 *   DuisClient supplier = dcc.newClient();   // the registered test supplier, verifying the DCC
 *   WanMatrixResult answer = supplier.requestWanMatrix(new PartialAddress("M22 0RR", "1"));
 * }
 * }</pre>
 *
 * <p>What it holds, all reachable from here: the simulator's {@link SimulatedClock} (also the clock
 * of its PKI), the {@link BaselinePolicy} deciding which SEC rules apply (by date by default), the
 * SMKI {@link CertificateRepository} and {@link TestPki}, the DCC's {@code dspXmlSign} credential,
 * the {@link UserRegistry}, the {@link CoverageModel} answering SR 12.1 (replaceable at runtime),
 * the {@link InterventionSource} (replaceable at runtime) and the exchange listeners. Thread-safe.
 */
public final class Simulator implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Simulator.class);

  /**
   * The DCC's EUI-64 by default: the DSP / Access Control Broker of the DCC's reference test data
   * and DCC Boxed, target of every non-device request and signer of every answer. {@link
   * Builder#dccEui(Eui64)} sets another; {@link #dccEui()} says which one a simulator uses.
   */
  public static final Eui64 DCC_EUI = Eui64.parse("90-B3-D5-1F-30-00-00-02");

  /** The ready test supplier's User ID. */
  public static final Eui64 TEST_SUPPLIER_EUI = Eui64.parse("90-B3-D5-1F-30-01-00-00");

  /**
   * The Users registered by default: the identities of the DCC's public test data (the EUIs and
   * roles are facts; the keys are the simulator's own, issued by its test PKI): two suppliers, a
   * network operator and an Other User. The first is the {@linkplain #testSupplier() test
   * supplier}.
   */
  public static final Map<Eui64, UserRole> DEFAULT_USERS = defaultUsers();

  private static Map<Eui64, UserRole> defaultUsers() {
    Map<Eui64, UserRole> m = new java.util.LinkedHashMap<>();
    m.put(TEST_SUPPLIER_EUI, UserRole.IMPORT_SUPPLIER);
    m.put(Eui64.parse("90-B3-D5-1F-30-03-00-00"), UserRole.GAS_SUPPLIER);
    m.put(Eui64.parse("90-B3-D5-1F-30-02-00-00"), UserRole.ELECTRICITY_DISTRIBUTOR);
    m.put(Eui64.parse("00-DB-12-34-56-78-00-04"), UserRole.OTHER_USER);
    return java.util.Collections.unmodifiableMap(m);
  }

  private final SimulatedClock clock;
  private final TestPki pki;
  private final CertificateRepository repository;
  private final boolean ownsRepository;
  private final Eui64 dccEui;
  private final Credential dcc;
  private final TestUser supplier;
  // insertion order: the test supplier first; guarded by itself
  private final Map<Eui64, TestUser> testUsers = new java.util.LinkedHashMap<>();
  private final UserRegistry users;
  private final java.util.function.Function<Eui64, Credential> issuer;
  private final java.util.function.BiFunction<Eui64, RemotePartyRole, Credential>
      digitalSigningIssuer;
  // each User's Digital Signing organisation credential; guarded by testUsers
  private final Map<Eui64, Credential> digitalSigning = new java.util.HashMap<>();
  private final java.util.function.BiFunction<Eui64, RemotePartyRole, Credential>
      keyAgreementIssuer;
  // each User's Key Agreement organisation credential; guarded by testUsers
  private final Map<Eui64, Credential> keyAgreement = new java.util.HashMap<>();
  // the simulated devices' DS and KA credentials, issued on first use
  private final io.dccsim.sim.device.DeviceCredentials deviceCredentials;
  private final Map<Eui64, Credential> givenCredentials;
  // the store hears of registry changes only once the start-up registrations are done
  private final AtomicReference<UserRegistry.Listener> userChanges =
      new AtomicReference<>((user, role) -> {});
  private final ReplayGuard replays = new ReplayGuard();
  private final Optional<RequestCounterPersistence> counterPersistence;
  private final io.dccsim.sim.delivery.ResponseDelivery outbox;
  private final boolean signatureChecks;
  private final CoverageModel initialCoverage;
  private final AtomicReference<CoverageModel> coverage;
  private final AtomicReference<InterventionSource> interventions =
      new AtomicReference<>(InterventionSource.NONE);
  private final AtomicReference<BaselinePolicy> baselines;
  private final List<ExchangeListener> listeners = new CopyOnWriteArrayList<>();
  private final SimulatorMetrics metrics = new SimulatorMetrics();
  private final DuisServer server;
  private final ServiceCatalogue catalogue;
  private final io.dccsim.core.inventory.DeviceInventory inventory;
  private final DspSchedules schedules = new DspSchedules();
  private final DeviceBehaviours deviceBehaviours;
  private final io.dccsim.sim.service.PreCommands preCommands =
      new io.dccsim.sim.service.PreCommands();
  private final SimulatedScheduler deviceScheduler;
  // where the device flow and alerts put what they send: the delivery, or the builder's own
  private final io.dccsim.sim.delivery.Outbox sink;
  private final Alerts alerts;
  // what the simulated devices send (real GBCS for the reads it builds, else the placeholder), and
  // the one counter of the ResponseIDs of everything sent later
  private final io.dccsim.sim.device.DeviceGbcs gbcs;
  private final io.dccsim.sim.service.ResponseCounter responseCounter;
  private ServiceOptInService.BrokerCertificates broker;
  private Credential brokerKeyAgreement;
  private final RequestCounter counter = RequestCounter.fromClock(Clock.systemUTC());

  private Simulator(Builder b) throws InterruptedException {
    this.signatureChecks = b.signatureChecks;
    this.catalogue = b.catalogue;
    this.deviceBehaviours = new DeviceBehaviours(b.deviceBehaviour);
    this.clock =
        b.clock != null ? b.clock : SimulatedClock.offset(Clock.systemUTC(), Duration.ZERO);
    this.pki = b.pki != null ? b.pki : TestPki.create(clock);
    this.ownsRepository = b.repository == null;
    this.repository = b.repository != null ? b.repository : new InMemoryCertificateRepository();
    io.dccsim.core.inventory.DeviceInventory held = inventoryOf(b, repository);
    this.deviceCredentials =
        new io.dccsim.sim.device.DeviceCredentials(pki, repository, held, b.deviceKeyStore, clock);
    // whatever commissions a device (SR 8.1.1, an SR's status change, the control API, a test
    // through inventory()) puts its certificates in use
    this.inventory =
        new io.dccsim.sim.device.internal.CommissioningInventory(
            held, deviceCredentials::commissioned);
    this.gbcs =
        new io.dccsim.sim.device.DeviceGbcs(
            inventory, deviceCredentials, this::keyAgreementKey, new PlaceholderGbcs());
    this.dccEui = b.dccEui;
    this.dcc =
        b.dccCredential != null
            ? matchingDcc(b.dccCredential, dccEui)
            : pki.dspXmlSigningCredential(dccEui);
    Credential supplierCredential =
        b.supplierCredential != null
            ? b.supplierCredential
            : pki.xmlSigningCredential(TEST_SUPPLIER_EUI);
    this.supplier = new TestUser(TEST_SUPPLIER_EUI, UserRole.IMPORT_SUPPLIER, supplierCredential);
    this.users = new UserRegistry(this::userChanged);
    this.issuer = b.credentialIssuer != null ? b.credentialIssuer : pki::xmlSigningCredential;
    this.digitalSigningIssuer =
        b.digitalSigningIssuer != null
            ? b.digitalSigningIssuer
            : (eui, role) -> pki.organisation(eui).role(role).digitalSigning().issue();
    this.keyAgreementIssuer =
        b.keyAgreementIssuer != null
            ? b.keyAgreementIssuer
            : (eui, role) -> pki.organisation(eui).role(role).keyAgreement().issue();
    this.givenCredentials = Map.copyOf(b.userCredentials);
    trust(dcc.certificate());
    addUser(supplier.eui(), supplier.role(), supplier.credential());
    Map<Eui64, UserRole> startUsers = new java.util.LinkedHashMap<>(DEFAULT_USERS);
    startUsers.putAll(b.extraUsers);
    startUsers.forEach(this::addUser);
    // What the control API or a caller changed in an earlier run wins over the defaults.
    repository
        .userRegistrations()
        .ifPresent(
            store -> {
              store
                  .load()
                  .forEach(
                      (user, role) -> {
                        Optional<UserRole> known = role.flatMap(UserRole::parse);
                        if (known.isPresent()) {
                          addUser(user, known.get());
                        } else {
                          if (role.isPresent()) {
                            LOG.warn(
                                "The store registers {} in an unknown role '{}': not registered",
                                user,
                                role.get());
                          }
                          removeUser(user);
                        }
                      });
              userChanges.set((user, role) -> store.save(user, role.map(UserRole::name)));
            });
    this.initialCoverage = b.coverage != null ? b.coverage : new SyntheticCoverage();
    this.coverage = new AtomicReference<>(initialCoverage);
    this.baselines = new AtomicReference<>(b.baselinePolicy);
    SecureXml xml = SecureXml.withDefaults();
    ResponseWriter writer =
        new ResponseWriter(
            new DuisSigner(SigningCredential.of(dcc.privateKey(), dcc.certificate())));
    this.deviceScheduler =
        new SimulatedScheduler(clock, b.maxWaitingDeviceResponses, "dccsim-devices");
    // What the DCC sends Users later, kept where the store keeps it (a database), else in memory.
    this.outbox =
        new io.dccsim.sim.delivery.ResponseDelivery(
            repository.outbox().orElseGet(io.dccsim.smki.repository.InMemoryOutboxStore::new),
            clock,
            b.delivery,
            b.deliveryTls,
            metrics.registry());
    // A test's own outbox gets what is due later when the simulated clock reaches it.
    this.sink =
        b.outbox != null
            ? new io.dccsim.sim.delivery.internal.TimedOutbox(b.outbox, deviceScheduler, clock)
            : outbox;
    this.responseCounter = new io.dccsim.sim.service.ResponseCounter(clock);
    this.alerts = new Alerts(dccEui, sink, writer, gbcs, deviceScheduler, clock, responseCounter);
    DuisPipeline pipeline =
        new DuisPipeline(
            new RequestReader(xml, b.schema),
            new SignerAuthentication(
                new RepositoryCertificateResolver(repository), replays, b.signatureChecks),
            new Authorisation(users, b.catalogue),
            new TargetCheck(
                dccEui, b.catalogue, b.devices != null ? b.devices : DeviceDirectory.of(inventory)),
            handlers(b, writer),
            deviceRequests(b, writer),
            interventions::get,
            writer,
            clock,
            baselines::get,
            xml,
            (request, code, after) -> {
              if (!alerts.forRequest(request, code, after)) {
                LOG.warn("A scenario's alert {} was not raised: too many alerts wait", code);
              }
            });
    // Counters outlive a restart where the store does (a database), as the DCC's do.
    this.counterPersistence =
        repository
            .requestCounters()
            .map(store -> RequestCounterPersistence.start(replays, store, metrics.registry()));
    try {
      b.receiveUrls.forEach(outbox::receiveUrl);
      // chosen here, late: loading it ran beside the key generation above
      metrics.cryptoProvider(io.dccsim.core.signature.EcdsaProvider.inUse());
      this.server = DuisServer.start(b.settings, pipeline, listeners, metrics, clock);
    } catch (RuntimeException | InterruptedException e) {
      deviceScheduler.close();
      outbox.close();
      counterPersistence.ifPresent(RequestCounterPersistence::close);
      throw e;
    }
  }

  /** A builder with every default: loopback, a free port, a fresh test PKI, synthetic coverage. */
  public static Builder builder() {
    io.dccsim.core.signature.EcdsaProvider.warmUpInBackground();
    return new Builder();
  }

  /** Adds a certificate to the SMKI repository as in use (idempotent by serial). */
  public void trust(X509Certificate certificate) {
    repository.add(
        CertificateProfile.record(certificate, CertificateStatus.IN_USE, clock.instant()));
  }

  /** False when the load-test setting switched request signature checks off. */
  public boolean checksSignatures() {
    return signatureChecks;
  }

  /** E.g. {@code http://127.0.0.1:40123}; the DUIS paths are below it. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The URL of a DUIS path, e.g. {@code endpoint("/api/v1/serviceD")}. */
  public String endpoint(String path) {
    return baseUrl() + path;
  }

  /**
   * A DUIS client for the test supplier, pointed at this simulator: it signs with the supplier's
   * credential, verifies answers with the DCC's certificate and reads them under the baseline in
   * force now. Clients share one request counter, so their RequestIDs never collide.
   */
  public DuisClient newClient() {
    return newClient(supplier);
  }

  /**
   * A DUIS client signing as the test User {@code eui} (one of {@link #testUsers()}), otherwise as
   * {@link #newClient()}.
   *
   * @throws IllegalArgumentException when {@code eui} is not a test User
   */
  public DuisClient newClient(Eui64 eui) {
    return newClient(
        testUser(eui)
            .orElseThrow(
                () -> new IllegalArgumentException("Not a test User of this simulator: " + eui)));
  }

  private DuisClient newClient(TestUser user) {
    return DuisClient.builder()
        .user(
            user.eui(),
            SigningCredential.of(user.credential().privateKey(), user.credential().certificate()))
        .dcc(dccEui, dcc.certificate())
        .transport(HttpDuisTransport.builder(URI.create(baseUrl())).build())
        .counter(counter)
        .inOrder(true)
        .baseline(baselines.get().current(clock))
        .build();
  }

  /** The DCC's EUI-64: the target non-device requests must name, the subject of its credential. */
  public Eui64 dccEui() {
    return dccEui;
  }

  /** The DCC's credential, refused when its certificate names another EUI than the DCC's. */
  private static Credential matchingDcc(Credential credential, Eui64 dccEui) {
    Optional<Eui64> subject = CertificateProfile.read(credential.certificate()).eui();
    if (subject.isPresent() && !subject.get().equals(dccEui)) {
      throw new IllegalArgumentException(
          "The DCC's credential belongs to "
              + subject.get()
              + " but the DCC's EUI is "
              + dccEui
              + " (set dccEui to the certificate's EUI, or issue a certificate for "
              + dccEui
              + ")");
    }
    return credential;
  }

  /** The DCC's {@code dspXmlSign} credential (it signs every response). */
  public Credential dccCredential() {
    return dcc;
  }

  /** The DCC's response-signing certificate, to verify responses with. */
  public X509Certificate dccCertificate() {
    return dcc.certificate();
  }

  /** The ready test supplier: registered as Import Supplier, its certificate in use. */
  public TestUser testSupplier() {
    return testUser(TEST_SUPPLIER_EUI).orElse(supplier);
  }

  /**
   * The test Users with their credentials: those of {@link #DEFAULT_USERS}, registered with their
   * roles and their certificates in use; the test supplier first.
   */
  public List<TestUser> testUsers() {
    synchronized (testUsers) {
      return List.copyOf(testUsers.values());
    }
  }

  /** The test User {@code eui}, if it is one. */
  public Optional<TestUser> testUser(Eui64 eui) {
    synchronized (testUsers) {
      return Optional.ofNullable(testUsers.get(eui));
    }
  }

  /**
   * Registers a User in {@code role} with an {@code xmlSign} credential, ready to send requests:
   * the credential it already has here, else one given to the builder, else a new one from the
   * credential issuer (by default the test PKI). Its certificate is put in the SMKI repository as
   * in use. Where the store keeps User registrations, a registration made after start is kept.
   *
   * @return the User with its credential
   */
  public TestUser addUser(Eui64 eui, UserRole role) {
    Credential credential =
        testUser(eui)
            .map(TestUser::credential)
            .orElseGet(
                () ->
                    Optional.ofNullable(givenCredentials.get(eui))
                        .orElseGet(() -> issuer.apply(eui)));
    return addUser(eui, role, credential);
  }

  /**
   * Registers a User in {@code role} signing with {@code credential} (for example one imported from
   * an existing test PKI); otherwise as {@link #addUser(Eui64, UserRole)}.
   */
  public TestUser addUser(Eui64 eui, UserRole role, Credential credential) {
    TestUser user = new TestUser(eui, role, credential);
    trust(credential.certificate());
    digitalSigningFor(eui, role);
    keyAgreementFor(eui, role);
    synchronized (testUsers) {
      testUsers.put(eui, user);
    }
    users.register(eui, role);
    return user;
  }

  /**
   * The User's Digital Signing organisation credential, with which it signs the pre-commands of
   * critical commands (command variants 5 to 7): issued when the User was registered, its role the
   * User's remote party role ({@link UserRole#remotePartyRole()}), its certificate in the SMKI
   * repository as in use.
   */
  public Optional<Credential> digitalSigningCredential(Eui64 user) {
    synchronized (testUsers) {
      return Optional.ofNullable(digitalSigning.get(user));
    }
  }

  /**
   * The User's Key Agreement organisation credential, with which the devices' MACs and encrypted
   * register values addressed to it are agreed: issued when the User was registered, its role the
   * User's remote party role, its certificate in the SMKI repository as in use.
   */
  public Optional<Credential> keyAgreementCredential(Eui64 user) {
    synchronized (testUsers) {
      return Optional.ofNullable(keyAgreement.get(user));
    }
  }

  /**
   * The simulated devices' Digital Signing and Key Agreement credentials, issued the first time a
   * device is used and filed in the SMKI repository.
   */
  public io.dccsim.sim.device.DeviceCredentials deviceCredentials() {
    return deviceCredentials;
  }

  /**
   * The KA public key a device agrees its keys with for {@code party}: the DCC's own (issued with
   * its SR 8.6 certificates), or a User's.
   */
  private Optional<java.security.PublicKey> keyAgreementKey(Eui64 party) {
    if (party.equals(dccEui)) {
      return Optional.of(dspKeyAgreementCredential().certificate().getPublicKey());
    }
    return keyAgreementCredential(party).map(c -> c.certificate().getPublicKey());
  }

  /**
   * The DCC's (the DSP's) Key Agreement credential, the recipient of what devices answer to the
   * commands it sends itself (DCC schedules); issued the first time it is needed, as are its SR 8.6
   * certificates.
   */
  public synchronized Credential dspKeyAgreementCredential() {
    brokerCertificates();
    return brokerKeyAgreement;
  }

  /** The User's Key Agreement credential for {@code role}: the one held if it fits, else new. */
  private void keyAgreementFor(Eui64 eui, UserRole role) {
    RemotePartyRole wanted = role.remotePartyRole();
    synchronized (testUsers) {
      Credential held = keyAgreement.get(eui);
      if (held != null
          && CertificateProfile.read(held.certificate()).role().equals(Optional.of(wanted))) {
        return;
      }
    }
    Credential issued = keyAgreementIssuer.apply(eui, wanted);
    trust(issued.certificate());
    synchronized (testUsers) {
      keyAgreement.put(eui, issued);
    }
  }

  /** The User's Digital Signing credential for {@code role}: the one held if it fits, else new. */
  private void digitalSigningFor(Eui64 eui, UserRole role) {
    RemotePartyRole wanted = role.remotePartyRole();
    synchronized (testUsers) {
      Credential held = digitalSigning.get(eui);
      if (held != null
          && CertificateProfile.read(held.certificate()).role().equals(Optional.of(wanted))) {
        return;
      }
    }
    Credential issued = digitalSigningIssuer.apply(eui, wanted);
    trust(issued.certificate());
    synchronized (testUsers) {
      digitalSigning.put(eui, issued);
    }
  }

  /**
   * Keeps the test Users in step with the registry, however it was changed, and tells the store.
   */
  private void userChanged(Eui64 user, Optional<UserRole> role) {
    synchronized (testUsers) {
      if (role.isEmpty()) {
        testUsers.remove(user);
      } else {
        testUsers.computeIfPresent(
            user, (eui, held) -> new TestUser(eui, role.get(), held.credential()));
      }
    }
    if (role.isPresent() && digitalSigningCredential(user).isPresent()) {
      // a new role may need a Digital Signing certificate of another remote party role
      digitalSigningFor(user, role.get());
    }
    if (role.isPresent() && keyAgreementCredential(user).isPresent()) {
      keyAgreementFor(user, role.get());
    }
    userChanges.get().changed(user, role);
  }

  /** This simulator's Users' credentials, as the control API gives them out. */
  public io.dccsim.sim.control.UserCredentials userCredentials() {
    return new io.dccsim.sim.control.UserCredentials() {
      @Override
      public Optional<Credential> of(Eui64 user) {
        return testUser(user).map(TestUser::credential);
      }

      @Override
      public Optional<Credential> digitalSigningOf(Eui64 user) {
        return testUser(user).flatMap(u -> digitalSigningCredential(user));
      }

      @Override
      public Optional<Credential> keyAgreementOf(Eui64 user) {
        return testUser(user).flatMap(u -> keyAgreementCredential(user));
      }

      @Override
      public Credential register(Eui64 user, UserRole role) {
        return addUser(user, role).credential();
      }
    };
  }

  /**
   * Forgets a User: its requests are refused with E1 from now on (its certificate stays in the
   * repository). Kept in the store as {@link #addUser(Eui64, UserRole)} is.
   *
   * @return whether it was registered
   */
  public boolean removeUser(Eui64 eui) {
    boolean known = users.roleOf(eui).isPresent();
    users.remove(eui);
    return known;
  }

  /**
   * The builder's inventory, else the store's where it keeps one, else one in memory; filled with
   * the synthetic estate when it is empty (unless the builder asked for none).
   */
  private static io.dccsim.core.inventory.DeviceInventory inventoryOf(
      Builder b, CertificateRepository repository) {
    io.dccsim.core.inventory.DeviceInventory chosen =
        b.inventory != null
            ? b.inventory
            : repository
                .deviceInventory()
                .orElseGet(io.dccsim.core.inventory.InMemoryDeviceInventory::new);
    if (b.syntheticPremises > 0 && chosen.count() == 0) {
      chosen.addAll(
          io.dccsim.core.inventory.SyntheticEstate.devices(b.syntheticPremises, ESTATE_SEED));
    }
    return chosen;
  }

  /** The seed of the synthetic estate: the same devices in every run. */
  private static final long ESTATE_SEED = 2021L;

  /** The device inventory (the DCC's Smart Metering Inventory) target checks look devices up in. */
  public io.dccsim.core.inventory.DeviceInventory inventory() {
    return inventory;
  }

  /** The service catalogue requests are checked against. */
  public ServiceCatalogue catalogue() {
    return catalogue;
  }

  /** The registry of Users (add more users here). */
  public UserRegistry users() {
    return users;
  }

  /** The SMKI repository the signers are looked up in. */
  public CertificateRepository repository() {
    return repository;
  }

  /** The test PKI that issued the DCC's and the supplier's certificates. */
  public TestPki pki() {
    return pki;
  }

  /** The simulator's clock (set it, advance it, freeze it). */
  public SimulatedClock clock() {
    return clock;
  }

  /** Which SEC baseline applies. */
  public BaselinePolicy baselinePolicy() {
    return baselines.get();
  }

  /** Changes which SEC baseline applies, from the next request. */
  public void baselinePolicy(BaselinePolicy policy) {
    baselines.set(Objects.requireNonNull(policy, "policy"));
  }

  /** The coverage model answering SR 12.1. */
  public CoverageModel coverage() {
    return coverage.get();
  }

  /** Replaces the coverage model, from the next request. */
  public void coverage(CoverageModel model) {
    coverage.set(Objects.requireNonNull(model, "model"));
  }

  /** The intervention source consulted once per authenticated request. */
  public InterventionSource interventions() {
    return interventions.get();
  }

  /** Replaces the intervention source, from the next request. */
  public void interventions(InterventionSource source) {
    interventions.set(Objects.requireNonNull(source, "source"));
  }

  /** Adds an exchange listener. */
  public void addExchangeListener(ExchangeListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes an exchange listener. */
  public void removeExchangeListener(ExchangeListener listener) {
    listeners.remove(listener);
  }

  /** The metrics (Prometheus text on {@code /metrics}). */
  public SimulatorMetrics metrics() {
    return metrics;
  }

  /**
   * Back to the state after start for everything a test can change: replay counters forgotten, no
   * interventions, the initial coverage model, no DCC schedules, every device answering at once, no
   * pre-commands held. Users, certificates, the device inventory, clock, baseline and listeners
   * stay as they are; device answers already waiting still come.
   */
  public void reset() {
    forgetRequestCounters();
    schedules.clear();
    deviceBehaviours.reset();
    preCommands.clear();
    interventions.set(InterventionSource.NONE);
    coverage.set(initialCoverage);
  }

  /**
   * Forgets the last accepted RequestID counter of every originator, so a client may start its
   * counters again (also in the store, where counters are kept across restarts); nothing else
   * changes.
   */
  public void forgetRequestCounters() {
    counterPersistence.ifPresentOrElse(RequestCounterPersistence::clear, replays::reset);
  }

  /** Stops the server (gracefully) and closes the repository if the simulator created it. */
  @Override
  public void close() {
    server.close();
    deviceScheduler.close();
    outbox.close();
    counterPersistence.ifPresent(RequestCounterPersistence::close);
    if (ownsRepository) {
      repository.close();
    }
  }

  /** The most device answers that wait for their simulated time at once, by default. */
  public static final int DEFAULT_MAX_WAITING_DEVICE_RESPONSES = 100_000;

  /** The premises of the synthetic estate an empty inventory gets by default. */
  public static final int DEFAULT_SYNTHETIC_PREMISES = 300;

  /** Device SRs without a handler of their own: acknowledged, answered later by the device. */
  private ServiceHandler deviceRequests(Builder b, ResponseWriter writer) {
    return new DeviceCommandService(
        inventory,
        deviceBehaviours,
        gbcs,
        deviceScheduler,
        sink,
        writer,
        clock,
        b.deviceResponseTimeout,
        preCommands,
        this::digitalSigningKeys,
        b.preCommandForm,
        responseCounter);
  }

  /**
   * The keys of the User's Digital Signing organisation certificates in use in the SMKI repository
   * whose remote party role is that of the User's role now.
   */
  private List<java.security.PublicKey> digitalSigningKeys(Eui64 user) {
    Optional<UserRole> role = users.roleOf(user);
    if (role.isEmpty()) {
      return List.of();
    }
    List<java.security.PublicKey> keys = new ArrayList<>();
    for (io.dccsim.smki.repository.CertificateRecord r :
        repository.search(
            io.dccsim.smki.repository.CertificateQuery.bySubjectEui(user)
                .withRole(role.get().remotePartyRole())
                .withUsage(io.dccsim.smki.repository.CertificateUsage.DS)
                .withStatus(CertificateStatus.IN_USE))) {
      if (r.kind() != io.dccsim.smki.repository.CertificateKind.ORGANISATION) {
        continue;
      }
      try {
        keys.add(
            java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(r.der()))
                .getPublicKey());
      } catch (java.security.cert.CertificateException e) {
        LOG.warn("certificate {} of {} unreadable: {}", r.serialHex(), user, e.getMessage());
      }
    }
    return keys;
  }

  /** The pre-commands given with command variant 4, until they come back signed. */
  public io.dccsim.sim.service.PreCommands preCommands() {
    return preCommands;
  }

  /** Raises device and DCC alerts to Users, now or at an instant of the simulated clock. */
  public Alerts alerts() {
    return alerts;
  }

  /** How each simulated device answers device Service Requests (reset by {@link #reset()}). */
  public DeviceBehaviours deviceBehaviours() {
    return deviceBehaviours;
  }

  /** The handlers of every Service Request this simulator answers beyond its envelope checks. */
  private List<ServiceHandler> handlers(Builder b, ResponseWriter writer) {
    List<ServiceHandler> out = new ArrayList<>();
    out.add(new WanMatrixService(coverage::get, b.writeUnknownLiterally));
    out.add(new DevicePrenotificationService(inventory));
    out.add(new ReadInventoryService(inventory));
    out.add(new DecommissionDeviceService(inventory));
    out.add(new UpdateInventoryService(inventory));
    out.add(new ServiceOptInService(inventory, this::brokerCertificates));
    out.add(new LocalCommandResponseService());
    Optional<io.dccsim.sim.service.StateChangeAlerts> changes =
        Optional.of(
            new io.dccsim.sim.service.StateChangeAlerts(alerts, inventory, b.stateChangeAlerts));
    out.addAll(CommsHubStatusUpdateService.all(inventory, changes));
    out.add(new FirmwareUpdateService(inventory, FirmwareUpdateService.Kind.METERS, changes));
    out.add(new FirmwareUpdateService(inventory, FirmwareUpdateService.Kind.PPMID, changes));
    out.addAll(
        new ScheduleServices(
                schedules,
                inventory,
                b.catalogue,
                users::roleOf,
                Optional.of(
                    new ScheduleRunner(
                        schedules,
                        deviceScheduler,
                        sink,
                        writer,
                        gbcs,
                        clock,
                        responseCounter,
                        dccEui)))
            .handlers());
    return out;
  }

  /**
   * The DCC Access Control Broker's Digital Signing and Key Agreement certificates SR 8.6 answers
   * with: issued by the PKI for the DCC's EUI the first time they are asked for, and filed in the
   * repository as in use.
   */
  private synchronized ServiceOptInService.BrokerCertificates brokerCertificates() {
    if (broker == null) {
      Credential signing =
          pki.organisation(dccEui)
              .role(RemotePartyRole.ACCESS_CONTROL_BROKER)
              .digitalSigning()
              .issue();
      Credential agreement =
          pki.organisation(dccEui)
              .role(RemotePartyRole.ACCESS_CONTROL_BROKER)
              .keyAgreement()
              .issue();
      trust(signing.certificate());
      trust(agreement.certificate());
      brokerKeyAgreement = agreement;
      broker =
          new ServiceOptInService.BrokerCertificates(
              signing.certificateDer(), agreement.certificateDer());
    }
    return broker;
  }

  /** The DCC schedules Users created with SR 5.1 (cleared by {@link #reset()}). */
  public DspSchedules schedules() {
    return schedules;
  }

  /**
   * The outbox of what the DCC sends Users later (asynchronous responses, alerts): it delivers to
   * each User's receiving URL, kept in the store where the repository keeps one (a database), else
   * in memory. Closed with the simulator.
   */
  public io.dccsim.sim.delivery.ResponseDelivery outbox() {
    return outbox;
  }

  /**
   * Registers (or replaces) a User's receiving URL, where its responses and alerts are posted.
   *
   * @throws IllegalArgumentException unless it is an absolute http or https URL
   */
  public void receiveUrl(Eui64 user, URI url) {
    outbox.receiveUrl(user, url);
  }

  /** Configures a {@link Simulator}. */
  public static final class Builder {
    private SimulatedClock clock;
    private TestPki pki;
    private CertificateRepository repository;
    private Eui64 dccEui = DCC_EUI;
    private Credential dccCredential;
    private Credential supplierCredential;
    private final Map<Eui64, Credential> userCredentials = new java.util.HashMap<>();
    private final Map<Eui64, UserRole> extraUsers = new java.util.LinkedHashMap<>();
    private java.util.function.Function<Eui64, Credential> credentialIssuer;
    private java.util.function.BiFunction<Eui64, RemotePartyRole, Credential> digitalSigningIssuer;
    private java.util.function.BiFunction<Eui64, RemotePartyRole, Credential> keyAgreementIssuer;
    private io.dccsim.sim.device.DeviceKeyStore deviceKeyStore =
        io.dccsim.sim.device.DeviceKeyStore.NONE;
    private CoverageModel coverage;
    private boolean writeUnknownLiterally;
    private BaselinePolicy baselinePolicy = BaselinePolicy.byDate();
    private ServiceCatalogue catalogue = ServiceCatalogue.duis54();
    private io.dccsim.sim.delivery.Outbox outbox;
    private java.time.Duration deviceResponseTimeout = DeviceCommandService.DEFAULT_TIMEOUT;
    private io.dccsim.sim.service.PreCommandSignature.Form preCommandForm =
        io.dccsim.sim.service.PreCommandSignature.Form.NULL_SIGNATURE;
    private int maxWaitingDeviceResponses = DEFAULT_MAX_WAITING_DEVICE_RESPONSES;
    private io.dccsim.sim.service.DeviceBehaviour deviceBehaviour =
        io.dccsim.sim.service.DeviceBehaviour.ANSWERS_AT_ONCE;
    private io.dccsim.sim.service.StateChangeAlerts.Rules stateChangeAlerts =
        io.dccsim.sim.service.StateChangeAlerts.Rules.DEFAULTS;
    private DeviceDirectory devices;
    private io.dccsim.core.inventory.DeviceInventory inventory;
    private int syntheticPremises = DEFAULT_SYNTHETIC_PREMISES;
    private ServerSettings settings = ServerSettings.defaults();
    private DuisSchema schema;
    private boolean signatureChecks = true;
    private io.dccsim.sim.delivery.DeliverySettings delivery =
        io.dccsim.sim.delivery.DeliverySettings.defaults();
    private io.dccsim.sim.delivery.DeliveryTls deliveryTls =
        io.dccsim.sim.delivery.DeliveryTls.none();
    private final Map<Eui64, URI> receiveUrls = new java.util.LinkedHashMap<>();

    private Builder() {}

    /**
     * How responses and alerts are delivered to Users (default {@link
     * io.dccsim.sim.delivery.DeliverySettings#defaults()}).
     */
    public Builder delivery(io.dccsim.sim.delivery.DeliverySettings settings) {
      this.delivery = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * The delivery retry schedule: the wait after the first failed attempt (doubling after each
     * later one) and the attempts in all before a message is a dead letter (default 30 s, 5).
     */
    public Builder deliveryRetries(Duration firstRetry, int attempts) {
      this.delivery = delivery.withRetries(firstRetry, attempts);
      return this;
    }

    /**
     * The client certificate presented to {@code https} receiving URLs and the issuers their
     * certificates must chain to (default: none, and the JDK's trust store).
     */
    public Builder deliveryTls(io.dccsim.sim.delivery.DeliveryTls tls) {
      this.deliveryTls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Users' receiving URLs registered at start (replacing those the store kept for the same
     * Users).
     */
    public Builder receiveUrls(Map<Eui64, URI> urls) {
      urls.forEach(
          (user, url) ->
              receiveUrls.put(
                  Objects.requireNonNull(user, "user"),
                  io.dccsim.sim.delivery.ResponseDelivery.checkedUrl(url)));
      return this;
    }

    /**
     * Whether request signatures, signer certificates and counters are checked (default true).
     * False is a load-test setting: the pipeline still parses, validates, authorises, answers and
     * signs, but trusts the RequestID's originator. It measures everything but the request's ECDSA
     * verification; never use it to test a client's security.
     */
    public Builder signatureChecks(boolean value) {
      this.signatureChecks = value;
      return this;
    }

    /** The simulator's clock (default: the system clock, adjustable). */
    public Builder clock(SimulatedClock clock) {
      this.clock = clock;
      return this;
    }

    /** The PKI issuing the default credentials (default: a fresh one). */
    public Builder pki(TestPki pki) {
      this.pki = pki;
      return this;
    }

    /** The SMKI repository (default: in memory, closed with the simulator). */
    public Builder repository(CertificateRepository repository) {
      this.repository = repository;
      return this;
    }

    /**
     * The DCC's EUI-64 (default {@link #DCC_EUI}): non-device requests must be addressed to it, and
     * the DCC's credential is issued for it (a credential given with {@link #dccCredential} must
     * belong to it).
     */
    public Builder dccEui(Eui64 eui) {
      this.dccEui = Objects.requireNonNull(eui, "eui");
      return this;
    }

    /** The DCC's {@code dspXmlSign} credential (default: issued by the PKI for the DCC's EUI). */
    public Builder dccCredential(Credential credential) {
      this.dccCredential = credential;
      return this;
    }

    /** {@link #userCredential(Eui64, Credential)} for each entry. */
    public Builder userCredentials(Map<Eui64, Credential> credentials) {
      credentials.forEach(this::userCredential);
      return this;
    }

    /**
     * The {@code xmlSign} credential a User signs with whenever it is registered (one of the {@link
     * #DEFAULT_USERS}, one of {@link #users(Map)}, or one registered later), e.g. kept from an
     * earlier run or imported; the test supplier's is {@link #supplierCredential}.
     */
    public Builder userCredential(Eui64 user, Credential credential) {
      if (user.equals(TEST_SUPPLIER_EUI)) {
        throw new IllegalArgumentException(
            "The test supplier's credential is given with supplierCredential");
      }
      userCredentials.put(user, Objects.requireNonNull(credential, "credential"));
      return this;
    }

    /**
     * More Users registered at start, beside the {@link #DEFAULT_USERS} (a role given here for a
     * default User replaces its default role).
     */
    public Builder users(Map<Eui64, UserRole> users) {
      users.forEach(
          (eui, role) ->
              extraUsers.put(
                  Objects.requireNonNull(eui, "eui"), Objects.requireNonNull(role, "role")));
      return this;
    }

    /**
     * How the {@code xmlSign} credential of a User without one is issued (default: by the test PKI,
     * kept in memory); the standalone server keeps each as PEM files.
     */
    public Builder credentialIssuer(java.util.function.Function<Eui64, Credential> issuer) {
      this.credentialIssuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * How a User's Digital Signing organisation credential (for the pre-commands of critical
     * commands) is issued for its remote party role (default: by the test PKI, kept in memory); the
     * standalone server keeps each as PEM files.
     */
    public Builder digitalSigningIssuer(
        java.util.function.BiFunction<Eui64, RemotePartyRole, Credential> issuer) {
      this.digitalSigningIssuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * How a User's Key Agreement organisation credential (what the devices' MACs and encrypted
     * register values are agreed with) is issued for its remote party role (default: by the test
     * PKI, kept in memory); the standalone server keeps each as PEM files.
     */
    public Builder keyAgreementIssuer(
        java.util.function.BiFunction<Eui64, RemotePartyRole, Credential> issuer) {
      this.keyAgreementIssuer = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /**
     * Where the simulated devices' keys are kept so that a restart reuses them (default {@link
     * io.dccsim.sim.device.DeviceKeyStore#NONE}: issued again in each run); the standalone server
     * keeps them in {@code pki-dir/devices}.
     */
    public Builder deviceKeyStore(io.dccsim.sim.device.DeviceKeyStore store) {
      this.deviceKeyStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The test supplier's {@code xmlSign} credential (default: issued by the PKI). */
    public Builder supplierCredential(Credential credential) {
      this.supplierCredential = credential;
      return this;
    }

    /** The SR 12.1 coverage model (default: {@link SyntheticCoverage}). */
    public Builder coverage(CoverageModel coverage) {
      this.coverage = coverage;
      return this;
    }

    /** Write {@code Unknown} instead of {@code " "} for an unconfirmed WAN variant (MP106). */
    public Builder writeUnknownLiterally(boolean value) {
      this.writeUnknownLiterally = value;
      return this;
    }

    /** Which SEC baseline applies (default: by the simulator's date). */
    public Builder baselinePolicy(BaselinePolicy policy) {
      this.baselinePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Where the asynchronous responses to device Service Requests, schedule runs and alerts go
     * instead of the simulator's own delivery to the Users' receiving URLs (default: that delivery,
     * {@link Simulator#outbox()}); for tests that look at the messages themselves.
     */
    public Builder outbox(io.dccsim.sim.delivery.Outbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * How long the DCC waits for a device's response before it reports {@code E21} (default {@link
     * DeviceCommandService#DEFAULT_TIMEOUT}, simulated time).
     */
    public Builder deviceResponseTimeout(java.time.Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the device response timeout must be positive");
      }
      this.deviceResponseTimeout = timeout;
      return this;
    }

    /**
     * The form of the pre-commands command variant 4 hands out (default {@link
     * io.dccsim.sim.service.PreCommandSignature.Form#NULL_SIGNATURE}, as GBCS says; {@link
     * io.dccsim.sim.service.PreCommandSignature.Form#NO_SIGNATURE_FIELD} as DCC Boxed gives them,
     * for the signing tools made for it).
     */
    public Builder preCommandForm(io.dccsim.sim.service.PreCommandSignature.Form form) {
      this.preCommandForm = Objects.requireNonNull(form, "form");
      return this;
    }

    /**
     * The alert codes raised when a Communications Hub changes status (SR 8.14.x) and when firmware
     * has been distributed (SR 11.1, 11.4), and how long distribution takes (default {@link
     * io.dccsim.sim.service.StateChangeAlerts.Rules#DEFAULTS}).
     */
    public Builder stateChangeAlerts(io.dccsim.sim.service.StateChangeAlerts.Rules rules) {
      this.stateChangeAlerts = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * How every device behaves unless one is given its own behaviour (default: it answers at once);
     * a reset goes back to this.
     */
    public Builder deviceBehaviour(io.dccsim.sim.service.DeviceBehaviour behaviour) {
      this.deviceBehaviour = Objects.requireNonNull(behaviour, "behaviour");
      return this;
    }

    /**
     * The most tasks that may wait in memory for their simulated time at once (default {@value
     * #DEFAULT_MAX_WAITING_DEVICE_RESPONSES}): alerts raised for later, commissionings, and the
     * device answers given to an {@link #outbox(io.dccsim.sim.delivery.Outbox) outbox of a test's
     * own}; beyond it a device request is answered HTTP 503. The simulator's own outbox keeps
     * device answers in its store, bounded by its delivery settings.
     */
    public Builder maxWaitingDeviceResponses(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxWaitingDeviceResponses must be positive: " + max);
      }
      this.maxWaitingDeviceResponses = max;
      return this;
    }

    /**
     * The service catalogue used for the envelope checks (default: every Service Request of DUIS
     * 5.4, {@link ServiceCatalogue#duis54()}).
     */
    public Builder catalogue(ServiceCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    /**
     * The devices the DCC knows, for the target check of device Service Requests (default: those of
     * the {@link #inventory}); {@link DeviceDirectory#ANY_DEVICE} takes every device as known.
     */
    public Builder devices(DeviceDirectory devices) {
      this.devices = Objects.requireNonNull(devices, "devices");
      return this;
    }

    /** Where to listen and the server's bounds (default: loopback, free port). */
    public Builder server(ServerSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The schema requests are validated against (default: core's built-in DUIS schema). */
    public Builder schema(DuisSchema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
      return this;
    }

    /**
     * The device inventory (default: the store's where it keeps one, as H2 and PostgreSQL do, else
     * one in memory). An empty one is filled with the synthetic estate.
     */
    public Builder inventory(io.dccsim.core.inventory.DeviceInventory inventory) {
      this.inventory = Objects.requireNonNull(inventory, "inventory");
      return this;
    }

    /**
     * How many premises of the synthetic estate (six devices each: ESME, GSME, GPF, CHF, PPMID,
     * IHD) fill an empty inventory at start (default {@value #DEFAULT_SYNTHETIC_PREMISES}; 0:
     * none).
     */
    public Builder syntheticEstate(int premises) {
      if (premises < 0 || premises > io.dccsim.core.inventory.SyntheticEstate.MAX_PREMISES) {
        throw new IllegalArgumentException(
            "Premises of the synthetic estate: 0 to "
                + io.dccsim.core.inventory.SyntheticEstate.MAX_PREMISES
                + ", not "
                + premises);
      }
      this.syntheticPremises = premises;
      return this;
    }

    /** Starts the simulator. */
    public Simulator start() {
      if (schema == null) {
        schema = DuisSchema.builtIn();
      }
      try {
        return new Simulator(this);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while starting", e);
      }
    }
  }
}
