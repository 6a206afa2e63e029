package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility suite on PostgreSQL, in a schema of its own that is dropped afterwards. Each
 * test skips (or fails, with {@code DCCSIM_REQUIRE_POSTGRES=true}) when PostgreSQL is unreachable.
 */
class PostgresCertificateRepositoryTest extends CertificateRepositoryContract {

  private static final String SCHEMA = PostgresTestDatabase.uniqueSchema("dccsim_repo_test");

  @AfterAll
  static void dropSchema() throws SQLException {
    PostgresTestDatabase.dropSchema(SCHEMA);
  }

  @Override
  protected boolean storeAvailable() {
    return PostgresTestDatabase.available();
  }

  @Override
  protected CertificateRepository newRepository() {
    return PostgresTestDatabase.openEmptied(SCHEMA);
  }

  private static CertificateRepository openOnSchema() {
    return CertificateRepositories.postgres(
        PostgresTestDatabase.URL, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD, SCHEMA);
  }

  /**
   * Two repositories on one schema stand for two processes: their in-process writer locks are
   * different, so only the database's lock on the sequence row keeps the feed gapless.
   */
  @Test
  void writersInTwoRepositoriesOnOneSchemaKeepTheFeedGapless() throws Exception {
    int perWriter = 60;
    try (CertificateRepository other = openOnSchema()) {
      ExecutorService pool = Executors.newFixedThreadPool(3);
      try {
        CountDownLatch start = new CountDownLatch(1);
        FeedFollower reader = new FeedFollower(pool, start, other, 50);
        List<Future<?>> writers = new ArrayList<>();
        List<CertificateRepository> repos = List.of(repo, other);
        for (int w = 0; w < 2; w++) {
          CertificateRepository target = repos.get(w);
          long base = (w + 1) * 1_000_000L;
          writers.add(
              pool.submit(
                  () -> {
                    start.await();
                    for (int i = 1; i <= perWriter; i++) {
                      BigInteger serial = BigInteger.valueOf(base + i);
                      target.add(
                          SyntheticCertificates.device(
                              base + i,
                              SyntheticCertificates.DEVICE_EUIS.get(i % 4),
                              CertificateUsage.KA,
                              CertificateStatus.PENDING));
                      target.changeStatus(
                          serial, CertificateStatus.IN_USE, Instant.ofEpochSecond(i));
                    }
                    return null;
                  }));
        }
        start.countDown();
        for (Future<?> f : writers) {
          f.get(2, TimeUnit.MINUTES);
        }
        List<Long> readerSaw = reader.finish();

        assertThat(repo.count()).isEqualTo(2L * perWriter);
        assertThat(other.lastSequence()).isEqualTo(4L * perWriter);
        assertThat(readerSaw)
            .containsExactlyElementsOf(LongStream.rangeClosed(1, 4L * perWriter).boxed().toList());
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
