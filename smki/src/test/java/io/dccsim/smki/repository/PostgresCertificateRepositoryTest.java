package io.dccsim.smki.repository;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The compatibility suite on PostgreSQL, in a schema of its own that is dropped afterwards. */
class PostgresCertificateRepositoryTest extends CertificateRepositoryContract {

  private static final String SCHEMA = PostgresTestDatabase.uniqueSchema("dccsim_repo_test");

  @BeforeAll
  static void needPostgres() {
    PostgresTestDatabase.assumeAvailable();
  }

  @AfterAll
  static void dropSchema() throws SQLException {
    PostgresTestDatabase.dropSchema(SCHEMA);
  }

  @Override
  protected CertificateRepository newRepository() {
    PostgresTestDatabase.assumeAvailable();
    CertificateRepository repo =
        CertificateRepositories.postgres(
            PostgresTestDatabase.URL,
            PostgresTestDatabase.USER,
            PostgresTestDatabase.PASSWORD,
            SCHEMA);
    // The schema outlives each test: empty it so every test starts fresh.
    try (Connection c = PostgresTestDatabase.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + SCHEMA);
      s.execute("TRUNCATE smki_certificate, smki_certificate_change");
      s.execute("UPDATE smki_change_sequence SET last_seq = 0");
    } catch (SQLException e) {
      repo.close();
      throw new IllegalStateException("Cannot empty schema " + SCHEMA, e);
    }
    return repo;
  }
}
