package io.dccsim.smki.repository;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceInventoryContract;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;

/**
 * The device inventory contract on PostgreSQL, in a schema of its own that is dropped afterwards.
 * Each test skips (or fails, with {@code DCCSIM_REQUIRE_POSTGRES=true}) when PostgreSQL is
 * unreachable.
 */
class PostgresDeviceInventoryTest extends DeviceInventoryContract {

  private static final String SCHEMA = PostgresTestDatabase.uniqueSchema("dccsim_inventory_test");

  private CertificateRepository repo;

  @AfterAll
  static void dropSchema() throws SQLException {
    PostgresTestDatabase.dropSchema(SCHEMA);
  }

  @Override
  protected DeviceInventory newInventory() {
    PostgresTestDatabase.assumeAvailable();
    repo =
        CertificateRepositories.postgres(
            PostgresTestDatabase.URL,
            PostgresTestDatabase.USER,
            PostgresTestDatabase.PASSWORD,
            SCHEMA);
    // The schema outlives each test: empty it so every test starts fresh.
    try (Connection c = PostgresTestDatabase.connect();
        Statement s = c.createStatement()) {
      s.execute("SET search_path TO " + SCHEMA);
      s.execute("TRUNCATE smi_device_mpxn, smi_device");
    } catch (SQLException e) {
      repo.close();
      throw new IllegalStateException("Cannot empty schema " + SCHEMA, e);
    }
    return repo.deviceInventory().orElseThrow();
  }

  @Override
  protected void release() {
    if (repo != null) {
      repo.close();
    }
  }
}
