package io.dccsim.smki.repository;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceInventoryContract;
import java.util.UUID;

/** The device inventory contract on a private in-memory H2 database. */
class H2InMemoryDeviceInventoryTest extends DeviceInventoryContract {

  private CertificateRepository repo;

  @Override
  protected DeviceInventory newInventory() {
    repo = CertificateRepositories.h2InMemory("inventory-" + UUID.randomUUID());
    return repo.deviceInventory().orElseThrow();
  }

  @Override
  protected void release() {
    repo.close();
  }
}
