package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceInventoryContract;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.SyntheticEstate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The device inventory contract on H2 file stores, and what outlives a reopen. */
class H2FileDeviceInventoryTest extends DeviceInventoryContract {

  @TempDir static Path stores;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private CertificateRepository repo;

  @Override
  protected DeviceInventory newInventory() {
    repo = CertificateRepositories.h2File(stores.resolve("inventory-" + NEXT.incrementAndGet()));
    return repo.deviceInventory().orElseThrow();
  }

  @Override
  protected void release() {
    repo.close();
  }

  @Test
  void theInventoryOutlivesAReopenBesideTheCertificates() {
    Path dir = stores.resolve("reopened");
    List<Device> devices = SyntheticEstate.devices(50, 8L);
    try (CertificateRepository first = CertificateRepositories.h2File(dir)) {
      DeviceInventory inv = first.deviceInventory().orElseThrow();
      inv.addAll(devices);
      inv.updateStatus(devices.get(0).eui(), DeviceStatus.SUSPENDED);
      inv.remove(devices.get(1).eui());
    }
    try (CertificateRepository again = CertificateRepositories.h2File(dir)) {
      DeviceInventory inv = again.deviceInventory().orElseThrow();
      assertThat(inv.count()).isEqualTo(devices.size() - 1);
      assertThat(inv.find(devices.get(0).eui()))
          .hasValue(devices.get(0).withStatus(DeviceStatus.SUSPENDED));
      assertThat(inv.find(devices.get(1).eui())).isEmpty();
      assertThat(inv.find(devices.get(2).eui())).hasValue(devices.get(2));
      assertThat(again.count()).isZero(); // the certificates are a separate table
    }
  }

  @Test
  void theInventoryIsClosedWithItsRepository() {
    DeviceInventory inv = inventory;
    repo.close();
    assertThatThrownBy(inv::count).isInstanceOf(IllegalStateException.class);
  }
}
