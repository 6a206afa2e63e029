package io.dccsim.benchmarks.pki;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.DeviceCertificateFactory;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SMKI certificate issuance beside its crypto limit, in one run: each certificate needs one fresh
 * P-256 key pair and one ECDSA signature by its CA, so {@link #keyPairAndSignature} (on Bouncy
 * Castle, the fastest provider here, over a message as long as a device certificate's signed part)
 * bounds every issuance rate. Goal (issue: SMKI): issuance at least 70% of that limit. One thread.
 *
 * <ul>
 *   <li>{@link #deviceCertificate}: a Device Certificate with its key, decoded as a credential.
 *   <li>{@link #deviceRecord}: the bulk path: a Device Certificate straight to its repository
 *       record, key dropped, certificate not decoded again.
 *   <li>{@link #organisationCertificate}: an Organisation Certificate (supplier, signing) through
 *       the one-line builder.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@Threads(1)
public class IssuanceBenchmark {
  private static final Provider BC = new BouncyCastleProvider();
  private static final Instant NOW = Instant.parse("2021-06-24T09:00:00Z");

  private TestPki pki;
  private DeviceCertificateFactory devices;
  private long nextEui = 0x000D_6F00_0000_0000L;

  private KeyPairGenerator generator;
  private Signature signer;
  private byte[] toBeSigned;

  /** A test SMKI, and a message as long as a Device Certificate's to-be-signed part. */
  @Setup
  public void setUp() throws Exception {
    pki = TestPki.create(Clock.fixed(NOW, ZoneOffset.UTC));
    devices = pki.deviceCertificateFactory();
    toBeSigned = new byte[deviceTbsLength(devices)];
    new SecureRandom().nextBytes(toBeSigned);
    generator = KeyPairGenerator.getInstance("EC", BC);
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    signer = Signature.getInstance("SHA256withECDSA", BC);
  }

  /** The length of the part of a Device Certificate its CA signs. */
  static int deviceTbsLength(DeviceCertificateFactory factory) throws Exception {
    Credential sample = factory.issue(Eui64.of(0x000D_6F00_FFFF_FFFFL), CertificateUsage.DS);
    return sample.certificate().getTBSCertificate().length;
  }

  /** The limit: one P-256 key pair plus one ECDSA P-256 signature. */
  @Benchmark
  public byte[] keyPairAndSignature() throws Exception {
    KeyPair keys = generator.generateKeyPair();
    signer.initSign(keys.getPrivate());
    signer.update(toBeSigned);
    return signer.sign();
  }

  /** One Device Certificate, returned as a credential (key, certificate, chain). */
  @Benchmark
  public Credential deviceCertificate() {
    return devices.issue(Eui64.of(nextEui++), CertificateUsage.KA);
  }

  /** One Device Certificate, returned as the repository record the bulk load stores. */
  @Benchmark
  public CertificateRecord deviceRecord() {
    return devices.issueRecord(Eui64.of(nextEui++), CertificateUsage.KA, CertificateStatus.IN_USE);
  }

  /** One Organisation Certificate for a supplier, digital signing, through the builder. */
  @Benchmark
  public Credential organisationCertificate() {
    return pki.organisation(Eui64.of(0x90B3_D51F_3000_0000L | (nextEui++ & 0xFFFF_FFFFL)))
        .role(RemotePartyRole.SUPPLIER)
        .digitalSigning()
        .issue();
  }

  /** The PKI the benchmarks issue from (for checks of the set-up). */
  TestPki pki() {
    return pki;
  }
}
