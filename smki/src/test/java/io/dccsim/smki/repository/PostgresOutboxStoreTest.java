package io.dccsim.smki.repository;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;

/**
 * The outbox contract on PostgreSQL, in a schema of its own that is dropped afterwards. Each test
 * skips (or fails, with {@code DCCSIM_REQUIRE_POSTGRES=true}) when PostgreSQL is unreachable.
 */
class PostgresOutboxStoreTest extends OutboxStoreContract {
  private static final String SCHEMA = PostgresTestDatabase.uniqueSchema("dccsim_outbox_test");

  private CertificateRepository repo;

  @AfterAll
  static void dropSchema() throws SQLException {
    PostgresTestDatabase.dropSchema(SCHEMA);
  }

  @Override
  protected OutboxStore newStore() {
    repo = PostgresTestDatabase.openEmptied(SCHEMA);
    return repo.outbox().orElseThrow();
  }

  @Override
  protected void release() {
    if (repo != null) {
      repo.close();
    }
  }
}
