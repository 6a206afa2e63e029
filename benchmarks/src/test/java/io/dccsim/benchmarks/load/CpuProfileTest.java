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
    CpuProfile profile = CpuProfile.start(Duration.ofMillis(10));
    Thread client =
        new Thread(
            () -> {
              long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
              long x = 0;
              while (System.nanoTime() < end) {
                x += Long.numberOfTrailingZeros(x + System.nanoTime());
              }
              assertThat(x).isNotNegative();
            },
            LoadGenerator.THREAD_NAME + "-test");
    client.start();
    long end = System.nanoTime() + Duration.ofMillis(600).toNanos();
    while (System.nanoTime() < end) {
      Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml));
      signer.sign(doc);
    }
    client.join();
    CpuProfile.Breakdown b = profile.stop();

    assertThat(b.total()).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.ECDSA_SIGN)).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.LOAD_GENERATOR)).isPositive();
    assertThat(b.samples().get(CpuProfile.Stage.ECDSA_VERIFY)).isZero();
    assertThat(b.ecdsaShare()).isBetween(0.0, 1.0);
    assertThat(b.table()).contains("ECDSA sign of the answer").contains("load generator");
  }
}
