package io.dccsim.benchmarks.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The crypto limits the rest of the project is measured against: ECDSA P-256 with SHA-256 over a 1
 * KB message, signing, verifying and key generation, on the JDK's provider and on Bouncy Castle's.
 * One thread per benchmark thread; run with {@code -t N} for all cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EcdsaBenchmark {

  /**
   * The provider under test: AWS-LC through {@code ACCP} (where it loads), Bouncy Castle's {@code
   * BC} or the JDK's {@code SunEC}.
   */
  @Param({"ACCP", "BC", "SunEC"})
  public String provider;

  private Provider jca;
  private KeyPair keyPair;
  private KeyPairGenerator generator;
  private Signature signer;
  private Signature verifier;
  private byte[] message;
  private byte[] signature;

  /** Keys, a message and one signature to verify. */
  @Setup
  public void setUp() throws Exception {
    jca = CryptoProviders.byName(provider);
    generator = KeyPairGenerator.getInstance("EC", jca);
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
    keyPair = generator.generateKeyPair();
    message = new byte[1024];
    new SecureRandom().nextBytes(message);
    signer = Signature.getInstance("SHA256withECDSA", jca);
    verifier = Signature.getInstance("SHA256withECDSA", jca);
    signer.initSign(keyPair.getPrivate());
    signer.update(message);
    signature = signer.sign();
  }

  /** One P-256 signature. */
  @Benchmark
  public byte[] sign() throws Exception {
    signer.initSign(keyPair.getPrivate());
    signer.update(message);
    return signer.sign();
  }

  /** One P-256 verification. */
  @Benchmark
  public boolean verify() throws Exception {
    verifier.initVerify(keyPair.getPublic());
    verifier.update(message);
    return verifier.verify(signature);
  }

  /** One P-256 key pair. */
  @Benchmark
  public KeyPair generateKey() {
    return generator.generateKeyPair();
  }

  /** Used only so the class can name the provider class without installing it globally. */
  static final class CryptoProviders {
    private static final Provider BC = new BouncyCastleProvider();

    private CryptoProviders() {}

    static Provider byName(String name) {
      if ("BC".equals(name)) {
        return BC;
      }
      if ("ACCP".equals(name)) {
        com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider accp =
            com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE;
        if (accp.getLoadingError() != null) {
          throw new IllegalArgumentException("ACCP does not load here", accp.getLoadingError());
        }
        return accp;
      }
      Provider p = java.security.Security.getProvider(name);
      if (p == null) {
        throw new IllegalArgumentException("No such provider: " + name);
      }
      return p;
    }
  }
}
