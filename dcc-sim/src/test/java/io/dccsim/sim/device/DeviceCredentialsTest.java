package io.dccsim.sim.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.InMemoryDeviceInventory;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateQuery;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceCredentialsTest {
  private static final SimulatedClock CLOCK =
      SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z"));
  private static final TestPki PKI = TestPki.create(CLOCK);
  private static final Eui64 METER = SyntheticEstate.eui(DeviceType.ESME, 1);

  private static DeviceInventory estate() {
    DeviceInventory inventory = new InMemoryDeviceInventory();
    inventory.addAll(SyntheticEstate.devices(2, 7));
    return inventory;
  }

  private static List<CertificateRecord> filed(CertificateRepository repo, Eui64 device) {
    return repo.search(CertificateQuery.bySubjectAltNameEui(device));
  }

  @Test
  void nothingIsIssuedUntilADeviceIsUsedThenOneDsAndOneKaCertificate() {
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      DeviceCredentials credentials =
          new DeviceCredentials(PKI, repo, estate(), DeviceKeyStore.NONE, CLOCK);
      assertThat(credentials.find(METER)).isEmpty();
      assertThat(repo.count()).isZero();
      DeviceKeys keys = credentials.of(METER);
      assertThat(credentials.of(METER)).isSameAs(keys);
      assertThat(CertificateProfile.read(keys.digitalSigning().certificate()).usage())
          .isEqualTo(CertificateUsage.DS);
      assertThat(CertificateProfile.read(keys.keyAgreement().certificate()).usage())
          .isEqualTo(CertificateUsage.KA);
      assertThat(CertificateProfile.read(keys.keyAgreement().certificate()).eui()).hasValue(METER);
      assertThat(filed(repo, METER))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.IN_USE));
      assertThat(keys.toString()).doesNotContain("PRIVATE");
    }
  }

  @Test
  void aDeviceNotYetCommissionedIsPendingUntilItIs() {
    DeviceInventory inventory = estate();
    inventory.updateStatus(METER, DeviceStatus.INSTALLED_NOT_COMMISSIONED);
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      DeviceCredentials credentials =
          new DeviceCredentials(PKI, repo, inventory, DeviceKeyStore.NONE, CLOCK);
      credentials.of(METER);
      assertThat(filed(repo, METER))
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.PENDING));
      inventory.updateStatus(METER, DeviceStatus.COMMISSIONED);
      credentials.commissioned(METER);
      assertThat(filed(repo, METER))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.IN_USE));
    }
  }

  @Test
  void aDeviceCommissionedThroughTheSimulatorsInventoryHasItsCertificatesInUse() {
    try (io.dccsim.sim.Simulator dcc = io.dccsim.sim.Simulator.builder().clock(CLOCK).start()) {
      dcc.inventory().updateStatus(METER, DeviceStatus.INSTALLED_NOT_COMMISSIONED);
      dcc.deviceCredentials().of(METER);
      assertThat(filed(dcc.repository(), METER))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.PENDING));
      // not through SR 8.1.1: the control API and a test's own changes go the same way
      dcc.inventory().updateStatus(METER, DeviceStatus.COMMISSIONED);
      assertThat(filed(dcc.repository(), METER))
          .hasSize(2)
          .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.IN_USE));
    }
  }

  @Test
  void aDirectoryStoreGivesTheSameKeysAfterARestart(@TempDir Path dir) throws Exception {
    DeviceKeys first;
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      first =
          new DeviceCredentials(PKI, repo, estate(), DeviceKeyStore.directory(dir), CLOCK)
              .of(METER);
    }
    String base = METER.toString().replace("-", "");
    assertThat(dir.resolve(base + "-ka.key.pem")).exists();
    if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(dir.resolve(base + "-ka.key.pem")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
    // a new process: a fresh repository, the same directory
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      DeviceCredentials again =
          new DeviceCredentials(PKI, repo, estate(), DeviceKeyStore.directory(dir), CLOCK);
      assertThat(again.find(METER)).isPresent();
      DeviceKeys keys = again.of(METER);
      assertThat(keys.keyAgreement().certificate()).isEqualTo(first.keyAgreement().certificate());
      assertThat(keys.digitalSigning().privateKey().getEncoded())
          .isEqualTo(first.digitalSigning().privateKey().getEncoded());
      // filed again in the new repository
      assertThat(filed(repo, METER)).hasSize(2);
    }
    // another PKI's Device CA: the kept keys are not used, new ones are issued
    try (CertificateRepository repo = new InMemoryCertificateRepository()) {
      DeviceKeys other =
          new DeviceCredentials(
                  TestPki.create(CLOCK), repo, estate(), DeviceKeyStore.directory(dir), CLOCK)
              .of(METER);
      assertThat(other.keyAgreement().serial()).isNotEqualTo(first.keyAgreement().serial());
    }
  }
}
