package io.dccsim.core.signature;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.w3c.dom.Document;

/**
 * A rough single-thread timing of the signature work beside bare ECDSA, for the documentation. Not
 * a test and not a benchmark (those live in the benchmarks module); run it with:
 *
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -pl core -Dmdep.outputFile=/tmp/core.cp
 * java -cp "core/target/test-classes:core/target/classes:$(cat /tmp/core.cp)" \
 *     io.dccsim.core.signature.SignatureTiming
 * </pre>
 *
 * <p>It reports thread CPU time per operation, so that other load on a shared machine distorts the
 * figures less; the ratios at the end are what the documentation quotes.
 */
public final class SignatureTiming {
  private static final long SLICE_NANOS = 300_000_000L;
  private static final int ROUNDS = 8;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
  private static long sink;

  private SignatureTiming() {}

  interface Task {
    void run() throws Exception;
  }

  public static void main(String[] args) throws Exception {
    SigningCredential user =
        TestCredentials.credential("CN=Test Organisation CA,OU=07,O=dccsim", BigInteger.TEN);
    DuisSigner signer = new DuisSigner(user);
    DuisSignatureVerifier verifier =
        new DuisSignatureVerifier(CertificateResolver.of(user.certificate()));
    byte[] unsigned = DuisSignatureTest.resource("sr-12.1-request.xml");
    Document doc = SecureXml.withDefaults().parse(unsigned);
    signer.sign(doc);
    byte[] signed = XmlWriter.toBytes(doc);
    byte[] message = new byte[1024];
    DuisCodec codec = new DuisCodec();
    ServiceRequest request = codec.readRequest(SecureXml.withDefaults().parse(unsigned));
    ServiceResponse response =
        new ServiceResponse(
            request.schemaVersion(),
            ResponseHeader.answering(
                request.header().requestId(),
                ResponseCode.I0,
                Instant.parse("2021-06-24T09:00:00Z")),
            WanMatrixResponse.flat(
                (RequestWanMatrix) request.body(),
                CspRegion.SOUTH,
                WanCoverage.of(true, WanTechnology.SPACE, ConnectivityLikelihood.HIGH)));
    Provider bc = new BouncyCastleProvider();
    PrivateKey key = user.privateKey();
    PublicKey pub = user.certificate().getPublicKey();
    byte[] bcSig = bare(Signature.getInstance("SHA256withECDSA", bc), key, message);
    byte[] jdkSig = bare(Signature.getInstance("SHA256withECDSA", "SunEC"), key, message);

    PrivateKey bcKey = EcdsaP256.toProviderKey(key);
    PublicKey bcPub = EcdsaP256.toProviderKey(pub);
    Signature bcSigner = Signature.getInstance("SHA256withECDSA", bc);
    Signature bcVerifier = Signature.getInstance("SHA256withECDSA", bc);
    Signature jdkSigner = Signature.getInstance("SHA256withECDSA", "SunEC");
    Signature jdkVerifier = Signature.getInstance("SHA256withECDSA", "SunEC");
    System.out.printf(Locale.ROOT, "signed SR 12.1 request: %d bytes%n", signed.length);
    String[] names = {
      "JDK SunEC sign 1 KiB",
      "JDK SunEC verify 1 KiB",
      "BC sign 1 KiB",
      "BC verify 1 KiB",
      "parse only",
      "parse + verify SR 12.1",
      "build + sign + write SR 12.1 response"
    };
    Task[] tasks = {
      () -> bare(jdkSigner, key, message),
      () -> verifyBare(jdkVerifier, pub, message, jdkSig),
      () -> bare(bcSigner, bcKey, message),
      () -> verifyBare(bcVerifier, bcPub, message, bcSig),
      () -> sink += SecureXml.withDefaults().parse(signed).getChildNodes().getLength(),
      () -> verifier.verify(SecureXml.withDefaults().parse(signed)),
      () -> {
        Document d = codec.writeResponse(response);
        signer.sign(d);
        sink += XmlWriter.toBytes(d).length;
      }
    };
    long[] ops = new long[tasks.length];
    long[] nanos = new long[tasks.length];
    // Thread CPU time, in interleaved slices, so that load from elsewhere on a shared machine
    // distorts the figures as little as possible.
    for (int round = 0; round < ROUNDS; round++) {
      for (int i = 0; i < tasks.length; i++) {
        long start = CPU.getCurrentThreadCpuTime();
        long n = 0;
        while (CPU.getCurrentThreadCpuTime() - start < SLICE_NANOS) {
          tasks[i].run();
          n++;
        }
        if (round > 0) { // round 0 warms up
          ops[i] += n;
          nanos[i] += CPU.getCurrentThreadCpuTime() - start;
        }
      }
    }
    for (int i = 0; i < tasks.length; i++) {
      double seconds = nanos[i] / 1e9;
      System.out.printf(
          Locale.ROOT,
          "%-30s %9.0f ops/s  %8.1f us/op (CPU time)%n",
          names[i],
          ops[i] / seconds,
          seconds * 1e6 / ops[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "parse + verify / BC verify = %.2f; build + sign + write / BC sign = %.2f%n",
        (nanos[5] / (double) ops[5]) / (nanos[3] / (double) ops[3]),
        (nanos[6] / (double) ops[6]) / (nanos[2] / (double) ops[2]));
    System.out.println(sink == 42 ? "" : "done");
  }

  private static byte[] bare(Signature s, PrivateKey key, byte[] message) throws Exception {
    s.initSign(key);
    s.update(message);
    return s.sign();
  }

  private static void verifyBare(Signature s, PublicKey key, byte[] message, byte[] value)
      throws Exception {
    s.initVerify(key);
    s.update(message);
    if (!s.verify(value)) {
      throw new IllegalStateException("bare verify failed");
    }
  }
}
