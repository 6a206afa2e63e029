package io.dccsim.benchmarks.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.benchmarks.JmhSmoke;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;

/**
 * A fraction-of-a-second JMH run of {@link IssuanceBenchmark}, and checks that each benchmark
 * issues what it claims to: certificates signed by the right CA, each for a new EUI.
 */
class IssuanceBenchmarkSmokeTest {

  @Test
  void everyBenchmarkRunsAndScores() throws Exception {
    Collection<RunResult> results = JmhSmoke.run(IssuanceBenchmark.class);
    List<String> expected = new ArrayList<>();
    for (Method m : IssuanceBenchmark.class.getMethods()) {
      if (m.isAnnotationPresent(Benchmark.class)) {
        expected.add(m.getName());
      }
    }
    List<String> scored = new ArrayList<>();
    for (RunResult r : results) {
      String benchmark = r.getParams().getBenchmark();
      String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      assertThat(r.getPrimaryResult().getScore()).as(name).isPositive();
      scored.add(name);
    }
    assertThat(scored)
        .containsExactlyInAnyOrderElementsOf(expected)
        .contains("keyPairAndSignature");
  }

  @Test
  void deviceCertificatesAreSignedByTheDeviceCaForFreshEuis() throws Exception {
    IssuanceBenchmark bench = new IssuanceBenchmark();
    bench.setUp();
    TestPki pki = bench.pki();
    X509Certificate deviceCa = pki.deviceCa().certificate();

    Credential first = bench.deviceCertificate();
    Credential second = bench.deviceCertificate();
    for (Credential c : List.of(first, second)) {
      c.certificate().verify(deviceCa.getPublicKey());
      assertThat(c.certificate().getSubjectX500Principal().getName()).isEmpty();
      assertThat(c.certificate().getIssuerX500Principal())
          .isEqualTo(deviceCa.getSubjectX500Principal());
    }
    assertThat(first.certificate().getSubjectAlternativeNames())
        .isNotEqualTo(second.certificate().getSubjectAlternativeNames());

    CertificateRecord record = bench.deviceRecord();
    assertThat(record.kind()).isEqualTo(CertificateKind.DEVICE);
    assertThat(record.subjectAltNameEui()).isPresent();
    X509Certificate decoded = decode(record.der());
    decoded.verify(deviceCa.getPublicKey());
    assertThat(decoded.getSerialNumber()).isEqualTo(record.serial());
  }

  @Test
  void organisationCertificatesAreSignedByTheOrganisationCa() throws Exception {
    IssuanceBenchmark bench = new IssuanceBenchmark();
    bench.setUp();
    X509Certificate oca = bench.pki().organisationCa().certificate();
    Credential first = bench.organisationCertificate();
    Credential second = bench.organisationCertificate();
    first.certificate().verify(oca.getPublicKey());
    second.certificate().verify(oca.getPublicKey());
    assertThat(first.certificate().getSubjectX500Principal())
        .isNotEqualTo(second.certificate().getSubjectX500Principal());
    assertThat(first.certificate().getSubjectX500Principal().getName()).contains("OU=02");
  }

  @Test
  void theLimitSignsAMessageAsLongAsADeviceCertificateBody() throws Exception {
    IssuanceBenchmark bench = new IssuanceBenchmark();
    bench.setUp();
    int tbs = IssuanceBenchmark.deviceTbsLength(bench.pki().deviceCertificateFactory());
    assertThat(tbs).isBetween(200, 1000);
    assertThat(bench.keyPairAndSignature()).isNotEmpty();
  }

  private static X509Certificate decode(byte[] der) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
  }

  @Test
  void theInterleavedRunReportsEachWayOfIssuingAgainstTheLimit() throws Exception {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      InterleavedIssuance.main(new String[] {"1"});
    } finally {
      System.setOut(original);
    }
    String report = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(report)
        .contains("keyPairAndSignature", "deviceRecord", "organisationCertificate", "of the limit")
        .doesNotContain("NaN");
  }
}
