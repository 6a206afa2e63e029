package io.dccsim.benchmarks.gbcs;

import io.dccsim.core.gbcs.DerivedKey;
import io.dccsim.core.gbcs.EncryptedData;
import io.dccsim.core.gbcs.Octets;
import io.dccsim.core.gbcs.SharedSecret;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.InMemoryDeviceInventory;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.sim.device.DeviceCredentials;
import io.dccsim.sim.device.DeviceGbcs;
import io.dccsim.sim.device.DeviceKeyStore;
import io.dccsim.sim.device.DeviceKeys;
import io.dccsim.sim.service.PlaceholderGbcs;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a simulated meter's real GBCS costs: building the MACed, encrypted response to SR 4.1.1
 * (ECS17b: the meter state, one ECDH, two key derivations, the registers AES-GCM encrypted, the
 * DLMS content and General-Signing APDU encoded, the AES-GCM MAC) against the floor of one ECDH and
 * one AES-GCM encryption on the same provider (the one the simulator's ECDH runs on, as {@code
 * EcdsaProvider} chooses). The goal: at most twice the floor. The meter's credentials are issued in
 * the set-up, so issuance is not measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class GbcsResponseBenchmark {
  private static final Instant AT = Instant.parse("2021-07-01T09:00:00Z");
  private static final Eui64 USER = Eui64.parse("90-B3-D5-1F-30-01-00-00");

  private InMemoryCertificateRepository repository;
  private DeviceGbcs gbcs;
  private Eui64 meter;
  private DeviceKeys keys;
  private Credential user;
  private long counter = 1;
  private byte[] registers;

  /** One meter with its credentials, and the User's Key Agreement credential. */
  @Setup
  public void setUp() {
    SimulatedClock clock = SimulatedClock.fixed(AT);
    TestPki pki = TestPki.create(clock);
    DeviceInventory inventory = new InMemoryDeviceInventory();
    inventory.addAll(SyntheticEstate.devices(1, 1));
    meter = SyntheticEstate.eui(DeviceType.ESME, 0);
    repository = new InMemoryCertificateRepository();
    DeviceCredentials credentials =
        new DeviceCredentials(pki, repository, inventory, DeviceKeyStore.NONE, clock);
    keys = credentials.of(meter);
    user =
        pki.organisation(USER)
            .role(io.dccsim.core.value.RemotePartyRole.SUPPLIER)
            .keyAgreement()
            .issue();
    gbcs =
        new DeviceGbcs(
            inventory,
            credentials,
            party -> Optional.of(user.certificate().getPublicKey()),
            new PlaceholderGbcs());
    // what ECS17b encrypts: structure{double-long-unsigned, double-long-unsigned}
    registers = new byte[] {0x02, 0x02, 0x06, 0, 1, 2, 3, 0x06, 0, 0, 1, 2};
  }

  /** Closes the repository. */
  @TearDown
  public void tearDown() {
    repository.close();
  }

  /** The meter the benchmark reads. */
  public Eui64 meter() {
    return meter;
  }

  /** The User's Key Agreement credential (the recipient). */
  public Credential user() {
    return user;
  }

  /** The meter's credentials. */
  public DeviceKeys keys() {
    return keys;
  }

  /** The MACed, encrypted ECS17b response to one SR 4.1.1, as the simulator sends it. */
  @Benchmark
  public byte[] instantaneousRegistersResponse() {
    return gbcs.response(
        meter, DeviceGbcs.READ_INSTANTANEOUS, new RequestId(USER, meter, counter++), AT);
  }

  /** The floor: one ECDH on P-256 and one AES-128-GCM encryption of the registers. */
  @Benchmark
  public byte[] ecdhAndAesGcm() {
    SharedSecret z =
        SharedSecret.agree(keys.keyAgreement().privateKey(), user.certificate().getPublicKey());
    // the first 16 bytes of Z stand in for a derived key: only the AES-GCM cost matters here
    DerivedKey key = new DerivedKey(Octets.of(Arrays.copyOf(z.z().toByteArray(), 16)));
    return EncryptedData.encrypt(key, meter, registers).encode();
  }
}
