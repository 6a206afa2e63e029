package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database tests use: {@code jdbc:postgresql://127.0.0.1:5432/test}, user {@code
 * postgres}, unless the environment sets {@code DCCSIM_POSTGRES_URL}, {@code DCCSIM_POSTGRES_USER}
 * and {@code DCCSIM_POSTGRES_PASSWORD}. When it cannot be reached, tests are skipped with a loud
 * message, or fail when {@code DCCSIM_REQUIRE_POSTGRES=true}. Shared through the test-jar.
 */
public final class PostgresTestDatabase {

  /** The JDBC URL. */
  public static final String URL =
      env("DCCSIM_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");

  /** The user. */
  public static final String USER = env("DCCSIM_POSTGRES_USER", "postgres");

  /** The password. */
  public static final String PASSWORD = env("DCCSIM_POSTGRES_PASSWORD", "");

  private PostgresTestDatabase() {}

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** Whether the suite must fail, rather than skip, without PostgreSQL. */
  public static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_POSTGRES"));
  }

  /**
   * Whether PostgreSQL answers. When it does not, warns loudly on standard error, or fails the
   * calling test when PostgreSQL is required.
   */
  public static boolean available() {
    try {
      assumeAvailable();
      return true;
    } catch (org.opentest4j.TestAbortedException skipped) {
      return false;
    }
  }

  /**
   * Skips the calling test (or fails it, when PostgreSQL is required) unless PostgreSQL answers.
   */
  public static void assumeAvailable() {
    try (Connection c = connect()) {
      c.isValid(5);
    } catch (SQLException e) {
      String message =
          "PostgreSQL is not reachable at "
              + URL
              + " as "
              + USER
              + " ("
              + e.getMessage()
              + "): the PostgreSQL tests are SKIPPED. Set DCCSIM_REQUIRE_POSTGRES=true to make"
              + " this a failure.";
      if (required()) {
        fail(message, e);
      }
      System.err.println("WARNING: " + message);
      Assumptions.abort(message);
    }
  }

  /** A plain connection (no pool). */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  /**
   * A repository on {@code schema} with every table of the store emptied (certificates and their
   * change feed, the device inventory, request counters, User registrations, the outbox), so that a
   * test starts fresh on a schema that outlives it.
   */
  public static CertificateRepository openEmptied(String schema) {
    assumeAvailable();
    CertificateRepository repo = CertificateRepositories.postgres(URL, USER, PASSWORD, schema);
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + schema);
      s.execute(
          "TRUNCATE smki_certificate, smki_certificate_change, smi_device_mpxn, smi_device,"
              + " duis_request_counter, duis_user, duis_outbox, duis_receive_url");
      s.execute("UPDATE duis_outbox_sequence SET last_seq = 0");
      s.execute("UPDATE smki_change_sequence SET last_seq = 0");
    } catch (SQLException e) {
      repo.close();
      throw new IllegalStateException("Cannot empty schema " + schema, e);
    }
    return repo;
  }

  /** A fresh schema name, unique across concurrent builds. */
  public static String uniqueSchema(String prefix) {
    return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
        .toLowerCase(Locale.ROOT);
  }

  /**
   * Drops a schema and everything in it; nothing happens if it does not exist, or if PostgreSQL
   * cannot be reached and is not required (the tests that would have used it were skipped).
   */
  public static void dropSchema(String schema) throws SQLException {
    if (!required()) {
      try (Connection probe = connect()) {
        probe.isValid(5);
      } catch (SQLException unreachable) {
        return;
      }
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
    }
  }
}
