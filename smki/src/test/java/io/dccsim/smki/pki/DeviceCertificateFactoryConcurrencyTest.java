package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeviceCertificateFactoryConcurrencyTest {

  @Test
  void manyThreadsIssueValidDistinctCertificates() throws Exception {
    TestPki pki =
        TestPki.create(Clock.fixed(Instant.parse("2021-06-24T00:00:00Z"), ZoneOffset.UTC));
    DeviceCertificateFactory factory = pki.deviceCertificateFactory();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<CertificateRecord>>> parts = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        parts.add(
            pool.submit(
                () -> {
                  List<CertificateRecord> out = new ArrayList<>();
                  for (int i = 0; i < 50; i++) {
                    out.add(
                        factory.issueRecord(
                            Eui64.of(thread * 1000L + i),
                            i % 2 == 0 ? CertificateUsage.DS : CertificateUsage.KA,
                            CertificateStatus.PENDING));
                  }
                  return out;
                }));
      }
      Set<BigInteger> serials = new HashSet<>();
      Set<Eui64> euis = new HashSet<>();
      for (Future<List<CertificateRecord>> f : parts) {
        for (CertificateRecord r : f.get()) {
          X509Certificate c = PemMaterial.certificates(r.der()).get(0);
          c.verify(pki.deviceCa().certificate().getPublicKey());
          assertThat(c.getSerialNumber()).isEqualTo(r.serial());
          assertThat(CertificateProfile.read(c).subjectAltNameEui())
              .isEqualTo(r.subjectAltNameEui());
          serials.add(r.serial());
          euis.add(r.subjectAltNameEui().orElseThrow());
        }
      }
      assertThat(serials).hasSize(200);
      assertThat(euis).hasSize(200);
    } finally {
      pool.shutdownNow();
    }
  }
}
