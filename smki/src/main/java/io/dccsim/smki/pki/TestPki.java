package io.dccsim.smki.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * A test SMKI: a {@link SmkiHierarchy} plus the clock it issues by. Issues Organisation and Device
 * Certificates in one line:
 *
 * <pre>{@code
 * TestPki pki = TestPki.create(clock);
 * Credential supplier = pki.organisation(Eui64.parse("90-B3-D5-1F-30-01-00-00"))
 *     .role(RemotePartyRole.XML_SIGN).digitalSigning().issue();
 * Credential meter = pki.device(Eui64.parse("00-0D-6F-00-00-00-00-01")).keyAgreement().issue();
 * }</pre>
 *
 * <p>Thread-safe: builders are cheap and per use; the CA signers are kept per thread.
 */
public final class TestPki {
  private final SmkiHierarchy hierarchy;
  private final Clock clock;
  private final IssuingAuthority organisationCa;
  private final IssuingAuthority deviceCa;

  private TestPki(SmkiHierarchy hierarchy, Clock clock) {
    this.hierarchy = Objects.requireNonNull(hierarchy, "hierarchy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.organisationCa = new IssuingAuthority(hierarchy.organisationCa());
    this.deviceCa = new IssuingAuthority(hierarchy.deviceCa());
  }

  /** A new hierarchy with the test default OIDs, issuing by this clock. */
  public static TestPki create(Clock clock) {
    return create(clock, ProfileOids.testDefaults());
  }

  /** A new hierarchy with these OIDs, issuing by this clock. */
  public static TestPki create(Clock clock, ProfileOids oids) {
    return new TestPki(SmkiHierarchy.generate(clock, oids), clock);
  }

  /** A test PKI over an existing hierarchy (generated, loaded, or assembled from your own CAs). */
  public static TestPki of(SmkiHierarchy hierarchy, Clock clock) {
    return new TestPki(hierarchy, clock);
  }

  /** The hierarchy saved in {@code dir} (see {@link SmkiHierarchy#load}). */
  public static TestPki load(Path dir, Clock clock) {
    return new TestPki(SmkiHierarchy.load(dir), clock);
  }

  /**
   * The hierarchy in {@code dir} if there is one, else a new one saved there: a stable PKI across
   * runs of a test suite or the simulator.
   */
  public static TestPki loadOrCreate(Path dir, Clock clock) {
    if (SmkiHierarchy.existsIn(dir)) {
      return load(dir, clock);
    }
    TestPki pki = create(clock);
    pki.save(dir);
    return pki;
  }

  /** Saves the hierarchy to a directory. */
  public void save(Path dir) {
    hierarchy.save(dir);
  }

  /** The three CAs and the OIDs. */
  public SmkiHierarchy hierarchy() {
    return hierarchy;
  }

  /** The clock issuance reads. */
  public Clock clock() {
    return clock;
  }

  /** The Root CA. */
  public Credential root() {
    return hierarchy.root();
  }

  /** The Organisation CA. */
  public Credential organisationCa() {
    return hierarchy.organisationCa();
  }

  /** The Device CA. */
  public Credential deviceCa() {
    return hierarchy.deviceCa();
  }

  /** Starts an Organisation Certificate for this organisation EUI (usage DS unless changed). */
  public OrganisationCertificateBuilder organisation(Eui64 eui) {
    return new OrganisationCertificateBuilder(organisationCa, hierarchy.oids(), clock, eui);
  }

  /** Starts a Device Certificate for this device EUI (usage DS unless changed). */
  public DeviceCertificateBuilder device(Eui64 eui) {
    return new DeviceCertificateBuilder(deviceCa, hierarchy.oids(), clock, eui);
  }

  /** A User's XML-signing credential (role {@code xmlSign} 0x87, digital signing). */
  public Credential xmlSigningCredential(Eui64 eui) {
    return organisation(eui).role(RemotePartyRole.XML_SIGN).digitalSigning().issue();
  }

  /** The DCC's XML-signing credential for responses (role {@code dspXmlSign} 0x89, signing). */
  public Credential dspXmlSigningCredential(Eui64 eui) {
    return organisation(eui).role(RemotePartyRole.DSP_XML_SIGN).digitalSigning().issue();
  }

  /** A factory for issuing Device Certificates in bulk, from several threads at once. */
  public DeviceCertificateFactory deviceCertificateFactory() {
    return new DeviceCertificateFactory(deviceCa, hierarchy.oids(), clock);
  }
}
