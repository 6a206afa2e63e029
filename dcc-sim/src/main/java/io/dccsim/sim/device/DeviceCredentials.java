package io.dccsim.sim.device;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated devices' SMKI credentials: for each device a Digital Signing and a Key Agreement
 * P-256 key pair, each with a Device Certificate from the Device CA of the simulator's PKI (empty
 * subject, the device's EUI as the HardwareModuleName of its subjectAltName), filed in the SMKI
 * repository so that a search by {@code CertificateSubjectAltName} finds them.
 *
 * <p>Issued lazily, the first time a device is used (a response, an alert, or a request for them),
 * so an estate of a million devices costs nothing until its devices are used. Kept in memory and in
 * the {@link DeviceKeyStore} (so a restart on a kept store reuses them); with a store that keeps
 * them, at most {@value #CACHE_LIMIT} are held in memory at once and the rest are read back when
 * used.
 *
 * <p>Repository status, as for any certificate: {@code I} (in use) for a device the inventory holds
 * as {@code Commissioned} (or a device the inventory does not hold, which a custom device directory
 * lets through), else {@code P} (pending) until {@link #commissioned(Eui64)} is told the device is
 * commissioned. Thread-safe.
 */
public final class DeviceCredentials {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceCredentials.class);

  /** The most devices' keys held in memory when the store keeps them too. */
  public static final int CACHE_LIMIT = 10_000;

  private final TestPki pki;
  private final CertificateRepository repository;
  private final DeviceInventory inventory;
  private final DeviceKeyStore store;
  private final Clock clock;
  private final ConcurrentMap<Eui64, DeviceKeys> held = new ConcurrentHashMap<>();

  /**
   * @param pki issues the Device Certificates (its Device CA)
   * @param repository where the certificates are filed
   * @param inventory the devices, for their status
   * @param store where the keys outlive the process, or {@link DeviceKeyStore#NONE}
   * @param clock when statuses are set
   */
  public DeviceCredentials(
      TestPki pki,
      CertificateRepository repository,
      DeviceInventory inventory,
      DeviceKeyStore store,
      Clock clock) {
    this.pki = Objects.requireNonNull(pki, "pki");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The device's credentials: those it has, else those the store kept, else new ones, issued now
   * and filed in the repository.
   */
  public DeviceKeys of(Eui64 device) {
    Objects.requireNonNull(device, "device");
    DeviceKeys keys = held.get(device);
    if (keys != null) {
      return keys;
    }
    if (store != DeviceKeyStore.NONE && held.size() >= CACHE_LIMIT) {
      held.clear(); // the store has them all: read back when used again
    }
    return held.computeIfAbsent(device, this::loadOrIssue);
  }

  /**
   * The device's credentials if they were issued (in this run or, with a store that keeps them, an
   * earlier one); none are issued.
   */
  public Optional<DeviceKeys> find(Eui64 device) {
    DeviceKeys keys = held.get(device);
    if (keys != null) {
      return Optional.of(keys);
    }
    return store.load(device).filter(this::fromThisPki);
  }

  /**
   * The device has just been commissioned: its certificates, if issued, become in use in the
   * repository.
   */
  public void commissioned(Eui64 device) {
    find(device)
        .ifPresent(
            keys -> {
              setStatus(keys.digitalSigning(), CertificateStatus.IN_USE);
              setStatus(keys.keyAgreement(), CertificateStatus.IN_USE);
            });
  }

  /** The status a device's certificates are filed with: in use once it is commissioned. */
  private CertificateStatus statusOf(Eui64 device) {
    Optional<Device> d = inventory.find(device);
    return d.isEmpty() || d.get().status() == DeviceStatus.COMMISSIONED
        ? CertificateStatus.IN_USE
        : CertificateStatus.PENDING;
  }

  private DeviceKeys loadOrIssue(Eui64 device) {
    Optional<DeviceKeys> kept = store.load(device).filter(this::fromThisPki);
    DeviceKeys keys;
    if (kept.isPresent()) {
      keys = kept.get();
    } else {
      keys =
          new DeviceKeys(
              device,
              pki.device(device).digitalSigning().issue(),
              pki.device(device).keyAgreement().issue());
      store.save(keys);
      LOG.info(
          "device {}: credentials issued (DS {}, KA {})",
          device,
          keys.digitalSigning().serial().toString(16),
          keys.keyAgreement().serial().toString(16));
    }
    // filed (again) in any case: a kept store may outlive an in-memory repository
    CertificateStatus status = statusOf(device);
    file(keys.digitalSigning(), status);
    file(keys.keyAgreement(), status);
    return keys;
  }

  /**
   * Kept keys certified by another Device CA (a new hierarchy, whose CA names may be the same) are
   * issued again.
   */
  private boolean fromThisPki(DeviceKeys keys) {
    return issuedHere(keys.digitalSigning()) && issuedHere(keys.keyAgreement());
  }

  private boolean issuedHere(Credential c) {
    try {
      c.certificate().verify(pki.deviceCa().certificate().getPublicKey());
      return true;
    } catch (java.security.GeneralSecurityException e) {
      LOG.info(
          "device credential {} is not from this Device CA: issued again", c.serial().toString(16));
      return false;
    }
  }

  private void file(Credential c, CertificateStatus status) {
    CertificateRecord now =
        repository.add(CertificateProfile.record(c.certificate(), status, clock.instant()));
    if (now.status() == CertificateStatus.PENDING && status == CertificateStatus.IN_USE) {
      setStatus(c, status);
    }
  }

  private void setStatus(Credential c, CertificateStatus status) {
    repository.changeStatus(c.serial(), status, clock.instant());
  }
}
