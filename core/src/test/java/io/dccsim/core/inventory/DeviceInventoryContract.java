package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The compatibility suite every {@link DeviceInventory} passes. A concrete suite extends it and
 * says how to open a fresh, empty inventory (and how to release it); each test gets its own. Shared
 * with the stores in other modules through the core test-jar.
 */
public abstract class DeviceInventoryContract {

  /** The inventory under test, fresh and empty for each test. */
  protected DeviceInventory inventory;

  /** A fresh, empty inventory. */
  protected abstract DeviceInventory newInventory();

  /** Releases what {@link #newInventory()} opened; nothing by default. */
  protected void release() {}

  @BeforeEach
  void openInventory() {
    inventory = newInventory();
  }

  @AfterEach
  void closeInventory() {
    release();
  }

  /** A small estate, the same in every test. */
  protected static List<SyntheticEstate.Premises> estate(int premises) {
    return SyntheticEstate.premises(premises, 20210624L);
  }

  private static Device unusual() {
    // every optional part empty, no MPxNs, an address identifier needing quotes and non-ASCII text
    return new Device(
        Eui64.parse("DE-DC-C5-08-FF-00-00-01"),
        DeviceType.CAD,
        DeviceStatus.PENDING,
        "Fabricant \"Zoë\", Ltd",
        "CAD-1",
        "0.9",
        FirmwareStatus.PENDING,
        "SMETS2 V5.0",
        "4.0",
        List.of(),
        Optional.empty(),
        Optional.of(Postcode.parse("M22 0RR")),
        Optional.of("Flat 2, Threapwood Road"),
        Optional.of(CspRegion.NORTH),
        "Dual Band",
        Optional.of(Connectivity.VIRTUAL),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void anEmptyInventoryHoldsNothing() {
    assertThat(inventory.count()).isZero();
    assertThat(inventory.find(SyntheticEstate.eui(DeviceType.ESME, 0))).isEmpty();
    assertThat(inventory.findByUprn(Uprn.of(1))).isEmpty();
    assertThat(inventory.findByMpxn("1234567890")).isEmpty();
    assertThat(inventory.findByPostcode(Postcode.parse("M22 0RR"))).isEmpty();
    assertThat(inventory.scan(d -> {})).isZero();
  }

  @Test
  void anAddedDeviceIsFoundWithEveryFieldKept() {
    Device esme = estate(1).get(0).devices().get(0);
    Device odd = unusual();
    inventory.add(esme);
    inventory.add(odd);
    assertThat(inventory.find(esme.eui())).hasValue(esme);
    assertThat(inventory.find(odd.eui())).hasValue(odd);
    assertThat(inventory.count()).isEqualTo(2);
  }

  @Test
  void aDuplicateEuiIsRefusedAndTheHeldDeviceKept() {
    Device esme = estate(1).get(0).devices().get(0);
    inventory.add(esme);
    Device again = esme.withStatus(DeviceStatus.SUSPENDED);
    assertThatThrownBy(() -> inventory.add(again))
        .isInstanceOf(DuplicateDeviceException.class)
        .hasMessageContaining(esme.eui().toString())
        .satisfies(e -> assertThat(((DuplicateDeviceException) e).eui()).isEqualTo(esme.eui()));
    assertThat(inventory.find(esme.eui())).hasValue(esme);
    assertThat(inventory.count()).isEqualTo(1);
  }

  @Test
  void premisesAreFoundByUprnMpxnAndPostcodeInEuiOrder() {
    List<SyntheticEstate.Premises> premises = estate(40);
    inventory.addAll(premises.stream().flatMap(p -> p.devices().stream()).toList());
    SyntheticEstate.Premises p = premises.get(17);
    List<Device> sorted = p.devices().stream().sorted(Comparator.comparing(Device::eui)).toList();

    assertThat(inventory.findByUprn(p.uprn())).containsExactlyElementsOf(sorted);
    assertThat(inventory.findByMpxn(p.mpan()))
        .containsExactlyElementsOf(
            sorted.stream().filter(d -> d.type() != DeviceType.GSME).toList());
    assertThat(inventory.findByMpxn(p.mprn()))
        .containsExactlyElementsOf(
            sorted.stream().filter(d -> d.type() != DeviceType.ESME).toList());
    List<Device> street =
        premises.stream()
            .filter(q -> q.postcode().equals(p.postcode()))
            .flatMap(q -> q.devices().stream())
            .sorted(Comparator.comparing(Device::eui))
            .toList();
    assertThat(street).hasSizeGreaterThan(6);
    assertThat(inventory.findByPostcode(p.postcode())).containsExactlyElementsOf(street);
    assertThat(inventory.findByMpxn("9999999999")).isEmpty();
    // SR 8.2's PropertyFilter: the postcode and the premises within it, ignoring case
    assertThat(inventory.findByAddress(p.postcode(), p.addressIdentifier()))
        .containsExactlyElementsOf(sorted);
    assertThat(
            inventory.findByAddress(
                p.postcode(), p.addressIdentifier().toUpperCase(java.util.Locale.ROOT)))
        .containsExactlyElementsOf(sorted);
    assertThat(inventory.findByAddress(p.postcode(), "no such premises")).isEmpty();
  }

  @Test
  void updateStatusChangesOnlyTheStatus() {
    Device chf = estate(1).get(0).devices().get(3);
    inventory.add(chf);
    assertThat(inventory.updateStatus(chf.eui(), DeviceStatus.DECOMMISSIONED))
        .hasValue(chf.withStatus(DeviceStatus.DECOMMISSIONED));
    assertThat(inventory.find(chf.eui())).hasValue(chf.withStatus(DeviceStatus.DECOMMISSIONED));
    assertThat(
            inventory.updateStatus(SyntheticEstate.eui(DeviceType.CHF, 99), DeviceStatus.PENDING))
        .isEmpty();
    assertThat(inventory.count()).isEqualTo(1);
  }

  @Test
  void replaceMovesADeviceAndItsLookups() {
    List<SyntheticEstate.Premises> premises = estate(20);
    SyntheticEstate.Premises from = premises.get(0);
    SyntheticEstate.Premises to = premises.get(19);
    inventory.addAll(from.devices());
    Device ihd = from.devices().get(5);
    Device moved =
        ihd.withPremises(
                List.of(to.mpan()),
                Optional.of(to.uprn()),
                Optional.of(to.postcode()),
                Optional.of(to.addressIdentifier()),
                Optional.of(to.region()))
            .withStatus(DeviceStatus.RECOVERED);

    assertThat(inventory.replace(moved)).hasValue(ihd);
    assertThat(inventory.find(ihd.eui())).hasValue(moved);
    assertThat(inventory.findByUprn(from.uprn())).hasSize(5).doesNotContain(ihd, moved);
    assertThat(inventory.findByMpxn(from.mprn())).extracting(Device::eui).doesNotContain(ihd.eui());
    assertThat(inventory.findByUprn(to.uprn())).containsExactly(moved);
    assertThat(inventory.findByMpxn(to.mpan())).containsExactly(moved);
    assertThat(inventory.findByPostcode(to.postcode())).containsExactly(moved);

    Device stranger = to.devices().get(0);
    assertThat(inventory.replace(stranger)).isEmpty();
    assertThat(inventory.find(stranger.eui())).isEmpty();
    assertThat(inventory.count()).isEqualTo(6);
  }

  /** A device pre-notified for {@code to}'s supplier, with no premises. */
  private static Device uninstalled(int n) {
    return Device.prenotified(
        Eui64.parse(String.format("DE-DC-C5-09-FF-00-00-%02X", n)),
        DeviceType.ESME,
        "Acme Meters",
        "E-2",
        "1.2.0",
        "SMETS2 V4.2",
        "3.2",
        Optional.of(Eui64.parse("90-B3-D5-1F-30-01-00-00")));
  }

  @Test
  void aDeviceWithoutPremisesIsKeptAsGivenAndInNoPostcode() {
    SyntheticEstate.Premises p = estate(1).get(0);
    inventory.addAll(p.devices());
    Device bare = uninstalled(1);
    Device regionOnly =
        uninstalled(2)
            .withPremises(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(CspRegion.CENTRAL));
    inventory.add(bare);
    inventory.addAll(List.of(regionOnly));
    assertThat(inventory.find(bare.eui())).hasValue(bare);
    assertThat(inventory.find(regionOnly.eui())).hasValue(regionOnly);
    assertThat(inventory.findByPostcode(p.postcode()))
        .hasSize(p.devices().size())
        .doesNotContain(bare, regionOnly);
    List<Device> scanned = new ArrayList<>();
    inventory.scan(scanned::add);
    assertThat(scanned).contains(bare, regionOnly);
    assertThat(inventory.count()).isEqualTo(p.devices().size() + 2);
  }

  @Test
  void aDeviceWithoutPremisesChangesStatusAndIsLaterInstalled() {
    SyntheticEstate.Premises at = estate(3).get(2);
    Device bare = uninstalled(3);
    inventory.add(bare);
    assertThat(inventory.updateStatus(bare.eui(), DeviceStatus.WHITELISTED))
        .hasValue(bare.withStatus(DeviceStatus.WHITELISTED));
    assertThat(inventory.find(bare.eui())).hasValue(bare.withStatus(DeviceStatus.WHITELISTED));

    Device installed =
        bare.withStatus(DeviceStatus.INSTALLED_NOT_COMMISSIONED)
            .withPremises(
                List.of(at.mpan()),
                Optional.of(at.uprn()),
                Optional.of(at.postcode()),
                Optional.of(at.addressIdentifier()),
                Optional.of(at.region()));
    assertThat(inventory.replace(installed)).hasValue(bare.withStatus(DeviceStatus.WHITELISTED));
    assertThat(inventory.find(bare.eui())).hasValue(installed);
    assertThat(inventory.findByPostcode(at.postcode())).containsExactly(installed);
    assertThat(inventory.findByUprn(at.uprn())).containsExactly(installed);
    assertThat(inventory.findByMpxn(at.mpan())).containsExactly(installed);

    // and taken out again: no premises, in no lookup
    Device removed =
        installed.withPremises(
            List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThat(inventory.replace(removed)).hasValue(installed);
    assertThat(inventory.find(bare.eui())).hasValue(removed);
    assertThat(inventory.findByPostcode(at.postcode())).isEmpty();
    assertThat(inventory.findByUprn(at.uprn())).isEmpty();
    assertThat(inventory.remove(bare.eui())).isTrue();
    assertThat(inventory.count()).isZero();
  }

  @Test
  void removeForgetsTheDeviceAndItsLookups() {
    SyntheticEstate.Premises p = estate(1).get(0);
    inventory.addAll(p.devices());
    Device gsme = p.devices().get(1);
    assertThat(inventory.remove(gsme.eui())).isTrue();
    assertThat(inventory.remove(gsme.eui())).isFalse();
    assertThat(inventory.find(gsme.eui())).isEmpty();
    assertThat(inventory.findByUprn(p.uprn())).hasSize(5).doesNotContain(gsme);
    assertThat(inventory.findByMpxn(p.mprn())).hasSize(4).doesNotContain(gsme);
    assertThat(inventory.count()).isEqualTo(5);
    inventory.add(gsme); // the EUI is free again
    assertThat(inventory.find(gsme.eui())).hasValue(gsme);
  }

  @Test
  void addAllLoadsAnEstateAndScanDeliversItInEuiOrder() {
    List<Device> devices = SyntheticEstate.devices(300, 7L);
    assertThat(inventory.addAll(devices)).isEqualTo(1_800);
    assertThat(inventory.count()).isEqualTo(1_800);
    List<Device> seen = new ArrayList<>();
    assertThat(inventory.scan(seen::add)).isEqualTo(1_800);
    assertThat(seen)
        .containsExactlyElementsOf(
            devices.stream().sorted(Comparator.comparing(Device::eui)).toList());
  }

  @Test
  void addAllIsAllOrNothing() {
    List<Device> devices = SyntheticEstate.devices(10, 3L);
    inventory.add(devices.get(40));
    assertThatThrownBy(() -> inventory.addAll(devices))
        .isInstanceOf(DuplicateDeviceException.class)
        .hasMessageContaining(devices.get(40).eui().toString());
    assertThat(inventory.count()).isEqualTo(1);

    List<Device> repeated = new ArrayList<>(devices.subList(0, 12));
    repeated.add(devices.get(3).withStatus(DeviceStatus.WITHDRAWN));
    assertThatThrownBy(() -> inventory.addAll(repeated))
        .isInstanceOf(DuplicateDeviceException.class)
        .hasMessageContaining(devices.get(3).eui().toString());
    assertThat(inventory.count()).isEqualTo(1);
    assertThat(inventory.addAll(List.of())).isZero();
  }

  @Test
  void aScanSinkMayWriteToTheInventory() {
    List<Device> devices = SyntheticEstate.devices(400, 11L); // more than one page
    inventory.addAll(devices);
    AtomicInteger delivered = new AtomicInteger();
    long n =
        inventory.scan(
            d -> {
              delivered.incrementAndGet();
              inventory.updateStatus(d.eui(), DeviceStatus.SUSPENDED);
            });
    assertThat(n).isEqualTo(2_400).isEqualTo(delivered.get());
    List<DeviceStatus> statuses = new ArrayList<>();
    inventory.scan(d -> statuses.add(d.status()));
    assertThat(statuses).hasSize(2_400).containsOnly(DeviceStatus.SUSPENDED);
  }

  @Test
  void everyStatusIsKept() {
    Device ppmid = estate(1).get(0).devices().get(4);
    inventory.add(ppmid);
    for (DeviceStatus s : DeviceStatus.values()) {
      inventory.updateStatus(ppmid.eui(), s);
      assertThat(inventory.find(ppmid.eui()).orElseThrow().status()).isEqualTo(s);
    }
  }

  /**
   * A seeded random mix of every operation, checked after each step against a plain map of the
   * devices that should be held, lookups included.
   */
  @Test
  void randomOperationsAgreeWithAPlainModel() {
    List<SyntheticEstate.Premises> premises = estate(30);
    List<Device> pool = premises.stream().flatMap(p -> p.devices().stream()).toList();
    java.util.TreeMap<Eui64, Device> model = new java.util.TreeMap<>();
    java.util.Random random = new java.util.Random(1426L);
    DeviceStatus[] statuses = DeviceStatus.values();
    for (int step = 0; step < 300; step++) {
      Device d = pool.get(random.nextInt(pool.size()));
      switch (random.nextInt(5)) {
        case 0 -> {
          if (model.containsKey(d.eui())) {
            assertThatThrownBy(() -> inventory.add(d)).isInstanceOf(DuplicateDeviceException.class);
          } else {
            inventory.add(d);
            model.put(d.eui(), d);
          }
        }
        case 1 -> {
          DeviceStatus s = statuses[random.nextInt(statuses.length)];
          Optional<Device> expected =
              Optional.ofNullable(model.computeIfPresent(d.eui(), (k, v) -> v.withStatus(s)));
          assertThat(inventory.updateStatus(d.eui(), s)).isEqualTo(expected);
        }
        case 2 -> assertThat(inventory.remove(d.eui())).isEqualTo(model.remove(d.eui()) != null);
        case 3 -> {
          SyntheticEstate.Premises to = premises.get(random.nextInt(premises.size()));
          // now and then taken out: no premises at all
          Device moved =
              random.nextInt(4) == 0
                  ? d.withPremises(
                      List.of(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty(),
                      Optional.empty())
                  : d.withPremises(
                      random.nextBoolean() ? List.of(to.mprn()) : List.of(to.mpan(), to.mprn()),
                      random.nextBoolean() ? Optional.of(to.uprn()) : Optional.empty(),
                      Optional.of(to.postcode()),
                      Optional.of(to.addressIdentifier()),
                      Optional.of(to.region()));
          Optional<Device> old = Optional.ofNullable(model.get(d.eui()));
          old.ifPresent(o -> model.put(d.eui(), moved));
          assertThat(inventory.replace(moved)).isEqualTo(old);
        }
        default -> {
          List<Device> batch = pool.subList(random.nextInt(pool.size() - 3), pool.size());
          List<Device> some = batch.subList(0, 3);
          if (some.stream().anyMatch(x -> model.containsKey(x.eui()))) {
            assertThatThrownBy(() -> inventory.addAll(some))
                .isInstanceOf(DuplicateDeviceException.class);
          } else {
            assertThat(inventory.addAll(some)).isEqualTo(3);
            some.forEach(x -> model.put(x.eui(), x));
          }
        }
      }
      SyntheticEstate.Premises probe = premises.get(random.nextInt(premises.size()));
      assertThat(inventory.count()).isEqualTo(model.size());
      assertThat(inventory.find(d.eui())).isEqualTo(Optional.ofNullable(model.get(d.eui())));
      assertThat(inventory.findByUprn(probe.uprn()))
          .containsExactlyElementsOf(
              model.values().stream()
                  .filter(x -> x.uprn().equals(Optional.of(probe.uprn())))
                  .toList());
      assertThat(inventory.findByMpxn(probe.mprn()))
          .containsExactlyElementsOf(
              model.values().stream().filter(x -> x.mpxns().contains(probe.mprn())).toList());
      assertThat(inventory.findByPostcode(probe.postcode()))
          .containsExactlyElementsOf(
              model.values().stream()
                  .filter(x -> x.postcode().equals(Optional.of(probe.postcode())))
                  .toList());
    }
    List<Device> scanned = new ArrayList<>();
    inventory.scan(scanned::add);
    assertThat(scanned).containsExactlyElementsOf(model.values());
  }

  @Test
  void concurrentAddsOfOneEuiLetExactlyOneWin() throws Exception {
    Device esme = estate(1).get(0).devices().get(0);
    int threads = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> tries = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tries.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    inventory.add(esme);
                    return true;
                  } catch (DuplicateDeviceException refused) {
                    return false;
                  }
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : tries) {
        won += f.get(1, TimeUnit.MINUTES) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
      assertThat(inventory.count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentAddsOfDistinctDevicesAllLand() throws Exception {
    List<Device> devices = SyntheticEstate.devices(50, 5L);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int from = w;
        work.add(
            pool.submit(
                () -> {
                  for (int i = from; i < devices.size(); i += 4) {
                    inventory.add(devices.get(i));
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get(1, TimeUnit.MINUTES);
      }
      assertThat(inventory.count()).isEqualTo(devices.size());
    } finally {
      pool.shutdownNow();
    }
  }
}
