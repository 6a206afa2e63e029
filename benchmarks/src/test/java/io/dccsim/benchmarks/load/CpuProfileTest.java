package io.dccsim.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The profile sorts real samples: signing shows as ECDSA sign, the client's threads as its own. */
class CpuProfileTest {

  @Test
  void sortsSigningAndClientSamplesIntoTheirStages() throws Exception {
    Credential credential =
        TestPki.create(Clock.systemUTC()).xmlSigningCredential(Eui64.of(0x90B3D51F30010000L));
    DuisSigner signer =
        new DuisSigner(SigningCredential.of(credential.privateKey(), credential.certificate()));
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    byte[] xml =
        "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"><sr:Header/>"
            .concat("<sr:Body/></sr:Request>")
            .getBytes(StandardCharsets.UTF_8);
    CpuProfile.Breakdown b;
    // Armed first, as compare does: the JVM's first recording is slow to start.
    AutoCloseable armed = CpuProfile.arm();
    try {
      CpuProfile profile = CpuProfile.start(Duration.ofMillis(10));
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong sink = new AtomicLong();
      // Pure Java work: a loop around System.nanoTime would spend its time in the clock's native
      // code, where execution samples are dropped, and could leave the client with no samples.
      Thread client =
          new Thread(
              () -> {
                long x = 1;
                while (running.get()) {
                  for (int i = 0; i < 10_000; i++) {
                    x ^= x << 13;
                    x ^= x >>> 7;
                    x ^= x << 17;
                  }
                }
                sink.set(x);
              },
              LoadGenerator.THREAD_NAME + "-test");
      client.start();
      long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
      try {
        while (System.nanoTime() < end) {
          Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
          signer.sign(doc);
        }
      } finally {
        running.set(false);
        client.join();
      }
      b = profile.stop();
    } finally {
      armed.close();
    }

    assertThat(b.total()).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.ECDSA_SIGN)).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.LOAD_GENERATOR)).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.ECDSA_VERIFY)).isZero();
    assertThat(b.ecdsaShare()).isBetween(0.0, 1.0);
    assertThat(b.table()).contains("ECDSA sign of the answer").contains("load generator");
  }
}
