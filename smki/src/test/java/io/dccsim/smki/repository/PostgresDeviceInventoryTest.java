package io.dccsim.smki.repository;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceInventoryContract;
import java.sql.SQLException;
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
    repo = PostgresTestDatabase.openEmptied(SCHEMA);
    return repo.deviceInventory().orElseThrow();
  }

  @Override
  protected void release() {
    if (repo != null) {
      repo.close();
    }
  }
}
