package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.EstateFile;
import io.dccsim.core.inventory.SyntheticEstate;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A larger estate written to a file, read back and loaded into an H2 file store in batches. */
class DeviceInventoryBulkLoadTest {

  @TempDir Path dir;

  @Test
  void aFiveThousandPremisesEstateLoadsFromAFileAndScansBack() {
    List<Device> devices = SyntheticEstate.devices(5_000, 31L);
    Path file = dir.resolve("estate.csv");
    EstateFile.write(file, devices);
    List<Device> read = EstateFile.read(file);
    assertThat(read).hasSize(30_000);
    try (CertificateRepository repo = CertificateRepositories.h2File(dir.resolve("store"))) {
      DeviceInventory inventory = repo.deviceInventory().orElseThrow();
      assertThat(inventory.addAll(read)).isEqualTo(30_000);
      assertThat(inventory.count()).isEqualTo(30_000);
      AtomicLong seen = new AtomicLong();
      assertThat(inventory.scan(d -> seen.incrementAndGet())).isEqualTo(30_000);
      SyntheticEstate.Premises last = SyntheticEstate.premises(5_000, 31L).get(4_999);
      assertThat(inventory.findByMpxn(last.mpan())).hasSize(5);
      assertThat(inventory.findByUprn(last.uprn()))
          .containsExactlyInAnyOrderElementsOf(last.devices());
    }
  }
}
