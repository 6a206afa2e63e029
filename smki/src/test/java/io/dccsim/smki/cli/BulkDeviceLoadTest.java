package io.dccsim.smki.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BulkDeviceLoadTest {
  static final TestPki PKI =
      TestPki.create(Clock.fixed(Instant.parse("2021-06-24T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void loadsConsecutiveEuisOnceEachAndReportsProgress() throws Exception {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    Eui64 first = Eui64.parse("00-0D-6F-00-00-00-00-FE");
    AtomicLong progress = new AtomicLong();
    long added =
        new BulkDeviceLoad(
                PKI.deviceCertificateFactory(),
                first,
                123,
                CertificateUsage.KA,
                CertificateStatus.PENDING,
                3,
                10)
            .run(repo, progress::addAndGet);
    assertThat(added).isEqualTo(123);
    assertThat(progress.get()).isEqualTo(123);
    assertThat(repo.count()).isEqualTo(123);
    assertThat(repo.count(CertificateStatus.PENDING)).isEqualTo(123);
    for (long i : new long[] {0, 1, 2, 122}) {
      List<CertificateRecord> found =
          repo.search(CertificateQuery.bySubjectAltNameEui(Eui64.of(first.value() + i)));
      assertThat(found).hasSize(1);
      assertThat(found.get(0).usage()).isEqualTo(CertificateUsage.KA);
    }
    assertThat(repo.search(CertificateQuery.bySubjectAltNameEui(Eui64.of(first.value() + 123))))
        .isEmpty();
  }

  @Test
  void zeroIsNothing() throws Exception {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    assertThat(
            new BulkDeviceLoad(
                    PKI.deviceCertificateFactory(),
                    Eui64.of(1),
                    0,
                    CertificateUsage.DS,
                    CertificateStatus.IN_USE,
                    2,
                    10)
                .run(repo, n -> {}))
        .isZero();
  }

  @Test
  void aFailingRepositoryStopsTheLoad() {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    repo.close();
    assertThatThrownBy(
            () ->
                new BulkDeviceLoad(
                        PKI.deviceCertificateFactory(),
                        Eui64.of(1),
                        50,
                        CertificateUsage.DS,
                        CertificateStatus.IN_USE,
                        2,
                        10)
                    .run(repo, n -> {}))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void refusesSillySettings() {
    assertThatThrownBy(
            () ->
                new BulkDeviceLoad(
                    PKI.deviceCertificateFactory(),
                    Eui64.of(1),
                    1,
                    CertificateUsage.DS,
                    CertificateStatus.IN_USE,
                    0,
                    10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
