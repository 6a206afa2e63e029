package io.dccsim.smki.repository.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import io.dccsim.smki.repository.RepositoryConfig;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkLoaderTest {

  private static final int N = 20_000;

  @TempDir Path dir;

  @Test
  void loadsTwentyThousandDevicesIntoAnH2FileStoreWithLookupsAndAStreamedScan() {
    SyntheticDeviceRecords source = SyntheticDeviceRecords.withSeed(42);
    List<long[]> progress = new ArrayList<>();
    // A small scan page so the scan crosses many pages.
    RepositoryConfig config = RepositoryConfig.h2File(dir.resolve("smki")).withScanPageSize(700);
    try (CertificateRepository repo = CertificateRepositories.open(config)) {
      long added =
          new BulkLoader(repo, 3_000)
              .load(source, N, (offered, n) -> progress.add(new long[] {offered, n}));

      assertThat(added).isEqualTo(N);
      assertThat(repo.count()).isEqualTo(N);
      assertThat(repo.lastSequence()).isEqualTo(N);
      assertThat(progress).hasSize(7); // 6 full batches of 3,000 and one of 2,000
      assertThat(progress.get(progress.size() - 1)).containsExactly(N, N);
      for (int i = 1; i < progress.size(); i++) {
        assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
      }

      for (long index : new long[] {0, 1, 4_999, 12_345, N - 1}) {
        CertificateRecord expected = source.record(index);
        assertThat(repo.findBySerial(source.serial(index))).contains(expected);
        assertThat(repo.findByIssuerAndSerial(source.issuer(), source.serial(index)))
            .contains(expected);
        assertThat(repo.search(CertificateQuery.bySubjectAltNameEui(source.deviceEui(index))))
            .containsExactly(expected);
      }
      assertThat(repo.findBySerial(source.serial(N))).isEmpty();

      Set<BigInteger> seen = new HashSet<>();
      BigInteger[] previous = {BigInteger.ZERO};
      long scanned =
          repo.scan(
              r -> {
                assertThat(r.serial()).isGreaterThan(previous[0]);
                assertThat(r.kind()).isEqualTo(CertificateKind.DEVICE);
                previous[0] = r.serial();
                seen.add(r.serial());
              });
      assertThat(scanned).isEqualTo(N);
      assertThat(seen).hasSize(N);

      // Loading again adds nothing: an interrupted load can be rerun.
      assertThat(new BulkLoader(repo, 5_000).load(source, N, BulkLoader.Progress.none())).isZero();
      assertThat(repo.count()).isEqualTo(N);
    }
  }

  @Test
  void syntheticRecordsAreDeterministicAndDistinct() {
    SyntheticDeviceRecords a = SyntheticDeviceRecords.withSeed(7);
    SyntheticDeviceRecords b = SyntheticDeviceRecords.withSeed(7);
    Set<BigInteger> serials = new HashSet<>();
    for (long i = 0; i < 5_000; i++) {
      assertThat(a.record(i)).isEqualTo(b.record(i));
      assertThat(a.record(i).serial()).isEqualTo(a.serial(i)).isPositive();
      assertThat(a.record(i).subjectAltNameEui()).contains(a.deviceEui(i));
      serials.add(a.serial(i));
    }
    assertThat(serials).hasSize(5_000);
    assertThat(SyntheticDeviceRecords.withSeed(8).serial(0)).isNotEqualTo(a.serial(0));
    assertThatThrownBy(() -> a.record(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsABadBatchSize() {
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      assertThatThrownBy(() -> new BulkLoader(repo, 0))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> new BulkLoader(repo, BulkLoader.MAX_BATCH_SIZE + 1))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
