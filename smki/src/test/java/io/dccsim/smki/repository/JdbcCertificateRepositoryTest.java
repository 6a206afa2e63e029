package io.dccsim.smki.repository;

import static io.dccsim.smki.repository.SyntheticCertificates.DEVICE_EUIS;
import static io.dccsim.smki.repository.SyntheticCertificates.device;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the JDBC stores do beyond the compatibility suite: reopening, configuration, failures. */
class JdbcCertificateRepositoryTest {

  @TempDir Path dir;

  @Test
  void anH2FileStoreKeepsItsRecordsAndContinuesItsFeedAfterReopening() {
    Path store = dir.resolve("store");
    try (CertificateRepository repo = CertificateRepositories.h2File(store)) {
      for (int i = 1; i <= 3; i++) {
        repo.add(device(i, DEVICE_EUIS.get(i), CertificateUsage.KA, CertificateStatus.PENDING));
      }
      repo.changeStatus(BigInteger.TWO, CertificateStatus.IN_USE, Instant.ofEpochSecond(5));
    }
    assertThat(store.resolve(RepositoryConfig.H2_FILE_NAME + ".mv.db")).exists();

    try (CertificateRepository repo = CertificateRepositories.h2File(store)) {
      assertThat(repo.count()).isEqualTo(3);
      assertThat(repo.lastSequence()).isEqualTo(4);
      assertThat(repo.findBySerial(BigInteger.TWO).orElseThrow().status())
          .isEqualTo(CertificateStatus.IN_USE);
      repo.add(device(9, DEVICE_EUIS.get(0), CertificateUsage.DS, CertificateStatus.IN_USE));
      assertThat(repo.changesAfter(0, 100))
          .extracting(CertificateChange::sequence)
          .containsExactly(1L, 2L, 3L, 4L, 5L);
    }
  }

  @Test
  void twoRepositoriesOnOneH2FileInOneJvmShareTheDatabase() {
    Path store = dir.resolve("locked");
    try (CertificateRepository first = CertificateRepositories.h2File(store)) {
      first.add(device(1, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.IN_USE));
      // Same JVM: H2 shares the open database, so a second repository sees the same data.
      try (CertificateRepository second = CertificateRepositories.h2File(store)) {
        assertThat(second.findBySerial(BigInteger.ONE)).isPresent();
      }
      assertThat(first.count()).isEqualTo(1);
    }
  }

  @Test
  void tablesCanLiveInANamedSchema() {
    RepositoryConfig config =
        new RepositoryConfig(
            "jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
            "sa",
            "",
            Optional.of("smki_certs"),
            2,
            100,
            100,
            false);
    try (CertificateRepository repo = CertificateRepositories.open(config)) {
      repo.add(device(1, DEVICE_EUIS.get(0), CertificateUsage.KA, CertificateStatus.IN_USE));
      assertThat(repo.findBySerial(BigInteger.ONE)).isPresent();
      assertThat(repo.lastSequence()).isEqualTo(1);
    }
  }

  @Test
  void theFactoryChoosesTheStoreByUrl() {
    assertThat(RepositoryConfig.inMemory().store()).isEqualTo(RepositoryConfig.Store.IN_MEMORY);
    assertThat(RepositoryConfig.h2File(dir).store()).isEqualTo(RepositoryConfig.Store.H2);
    assertThat(RepositoryConfig.h2File(dir).url())
        .isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath().resolve("smki"));
    assertThat(RepositoryConfig.h2InMemory("x").syncEachWrite()).isFalse();
    assertThat(RepositoryConfig.postgres("jdbc:postgresql://h/db", "u", "p", "s").store())
        .isEqualTo(RepositoryConfig.Store.POSTGRESQL);
    try (CertificateRepository repo = CertificateRepositories.open(RepositoryConfig.inMemory())) {
      assertThat(repo).isInstanceOf(InMemoryCertificateRepository.class);
    }
    try (CertificateRepository repo = CertificateRepositories.h2InMemory("factory")) {
      assertThat(repo).isInstanceOf(JdbcCertificateRepository.class);
    }
  }

  @Test
  void configurationsAreValidatedAndNeverShowThePassword() {
    RepositoryConfig pg =
        RepositoryConfig.postgres("jdbc:postgresql://127.0.0.1/test", "smki", "s3cret", "smki");
    assertThat(pg.toString()).doesNotContain("s3cret").contains("****");
    // a password given inside the URL is hidden too, in both of its forms
    assertThat(
            RepositoryConfig.postgres(
                    "jdbc:postgresql://127.0.0.1/test?user=smki&password=inUrl1", "smki", "", "s")
                .toString())
        .doesNotContain("inUrl1")
        .contains("password=****");
    assertThat(RepositoryConfig.redactedUrl("jdbc:postgresql://smki:inUrl2@127.0.0.1/test"))
        .isEqualTo("jdbc:postgresql://smki:****@127.0.0.1/test");
    assertThatThrownBy(() -> RepositoryConfig.postgres("jdbc:mysql://x/y", "u", "p", "s"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RepositoryConfig.postgres(pg.url(), "u", "p", "Robert'); DROP"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pg.withMaxPoolSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pg.withBatchSize(10_001)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> pg.withScanPageSize(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RepositoryConfig.h2InMemory("a;INIT=RUNSCRIPT FROM 'x'"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RepositoryConfig.h2File(Path.of("/tmp/a;INIT=x")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anUnreachableDatabaseFailsTheOpenWithoutLeakingThePassword() {
    // Port 1 on loopback: nothing listens there.
    RepositoryConfig config =
        RepositoryConfig.postgres("jdbc:postgresql://127.0.0.1:1/test", "u", "s3cret", "smki");
    assertThatThrownBy(() -> CertificateRepositories.open(config))
        .isInstanceOf(CertificateRepositoryException.class)
        .hasMessageContaining("127.0.0.1:1")
        .hasMessageNotContaining("s3cret");
  }
}
