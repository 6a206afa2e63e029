package io.dccsim.sim.junit;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.TestUser;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.journal.RequestJournal;
import io.dccsim.sim.junit.internal.RunningSimulator;
import io.dccsim.sim.scenario.CoverageOverlay;
import io.dccsim.sim.scenario.Scenarios;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRepository;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;

/**
 * What a test sees of its simulator: injected by {@link DccSimulatorExtension} into any test,
 * lifecycle or constructor parameter of this type.
 */
public final class DccSimulatorHandle {
  private final RunningSimulator running;

  DccSimulatorHandle(RunningSimulator running) {
    this.running = running;
  }

  /**
   * The test supplier's receiving endpoint: started on first use, on loopback, and registered as
   * the supplier's receiving URL, so the device responses, schedule runs and alerts the simulator
   * delivers to the supplier arrive here. One per simulator; closed with it; emptied between tests
   * by the extension's reset.
   */
  public Inbox inbox() {
    return running.inbox();
  }

  /** The simulator's base URL, e.g. {@code http://127.0.0.1:40123}; DUIS paths are below it. */
  public String baseUrl() {
    return running.simulator().baseUrl();
  }

  /** The URL of a DUIS path, e.g. {@code endpoint("/api/v1/serviceD")}. */
  public String endpoint(String path) {
    return running.simulator().endpoint(path);
  }

  /** The ready test supplier: its User ID, DUIS role and XML-signing credential. */
  public TestUser supplier() {
    return running.simulator().testSupplier();
  }

  /** The certificate the simulated DCC signs its responses with. */
  public X509Certificate dccCertificate() {
    return running.simulator().dccCertificate();
  }

  /**
   * A ready DUIS client for the test supplier: it signs with the supplier's credential, verifies
   * answers against the DCC's certificate, and reads WAN variants under the baseline in force at
   * the simulated time now.
   */
  public DuisClient newClient() {
    return running.simulator().newClient();
  }

  /** A ready DUIS client for the test supplier, reading WAN variants under {@code baseline}. */
  public DuisClient newClient(Baseline baseline) {
    Simulator sim = running.simulator();
    TestUser user = sim.testSupplier();
    return DuisClient.builder()
        .user(
            user.eui(),
            SigningCredential.of(user.credential().privateKey(), user.credential().certificate()))
        .dcc(sim.dccEui(), sim.dccCertificate())
        .transport(HttpDuisTransport.builder(URI.create(sim.baseUrl())).build())
        .counter(running.requestCounter())
        .inOrder(true)
        .baseline(baseline)
        .build();
  }

  /** The SMKI repository the simulator looks signers up in. */
  public CertificateRepository repository() {
    return running.simulator().repository();
  }

  /** The test PKI that issued the DCC's and the supplier's certificates; issue more with it. */
  public TestPki pki() {
    return running.simulator().pki();
  }

  /**
   * The simulator's device inventory (the DCC's Smart Metering Inventory), as {@link
   * Simulator#inventory()} gives it: add, change and remove the devices its target check knows.
   */
  public DeviceInventory inventory() {
    return running.simulator().inventory();
  }

  /** The simulator itself, for everything else (users, metrics, ...). */
  public Simulator simulator() {
    return running.simulator();
  }

  /** The request journal, for queries and verification. */
  public RequestJournal journal() {
    return running.state().journal();
  }

  /** The scenarios: answers and faults for postcodes, UPRNs and originators. */
  public Scenarios scenarios() {
    return running.state().scenarios();
  }

  /** SR 12.1 answers for named postcodes and UPRNs (covered, not covered, unknown, not found). */
  public CoverageOverlay coverage() {
    return running.coverage();
  }

  /** The simulated clock: set, advance, freeze, rate. */
  public SimulatedClock clock() {
    return running.state().clock();
  }

  /** The baseline policy in force now. */
  public BaselinePolicy baselinePolicy() {
    return running.state().baselinePolicy();
  }

  /** The baseline in force at the simulated time now. */
  public Baseline baseline() {
    return baselinePolicy().current(clock());
  }

  /** Pins the baseline whatever the date (until unpinned or reset). */
  public void pinBaseline(Baseline baseline) {
    running.state().pinBaseline(baseline);
  }

  /** Returns to the configured baseline policy. */
  public void unpinBaseline() {
    running.state().unpinBaseline();
  }

  /** Resets journal, scenarios, coverage overlay, clock and baseline now. */
  public void reset() {
    running.state().reset();
  }

  /** The control API's base URI ({@code http://127.0.0.1:<port>/control/}), when started. */
  public Optional<URI> controlUri() {
    return running.control().map(c -> c.baseUri());
  }

  /** The control API's token, when started. */
  public Optional<BearerToken> controlToken() {
    return running.control().map(c -> c.token());
  }

  /** How long this simulator took to start. */
  public Duration startupTime() {
    return running.startup();
  }

  /** The options it was started with. */
  public SimulatorOptions options() {
    return running.options();
  }
}
