package io.dccsim.core.inventory;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Smart Metering Inventory: the devices the DCC knows, by EUI-64, with lookups by premises.
 *
 * <p>Implementations (in memory, H2, PostgreSQL) pass one shared compatibility suite. Every method
 * is thread-safe. A method that returns normally has made its change durable (for a database:
 * committed). Lists are ordered by EUI-64, as {@link Eui64#compareTo} orders them.
 */
public interface DeviceInventory {

  /** The device with this EUI-64. */
  Optional<Device> find(Eui64 eui);

  /** The devices at the premises with this UPRN. */
  List<Device> findByUprn(Uprn uprn);

  /** The devices that hold this MPAN or MPRN. */
  List<Device> findByMpxn(String mpxn);

  /** The devices at premises with this postcode. */
  List<Device> findByPostcode(Postcode postcode);

  /**
   * The devices at the premises with this postcode and address identifier, the identifier compared
   * ignoring case: SR 8.2's {@code PropertyFilter}. The default filters {@link #findByPostcode}; a
   * database asks for the premises alone.
   */
  default List<Device> findByAddress(Postcode postcode, String addressIdentifier) {
    java.util.Objects.requireNonNull(addressIdentifier, "addressIdentifier");
    return findByPostcode(postcode).stream()
        .filter(d -> d.addressIdentifier().map(addressIdentifier::equalsIgnoreCase).orElse(false))
        .toList();
  }

  /**
   * Adds a device.
   *
   * @throws DuplicateDeviceException when a device with its EUI-64 is already held; nothing changes
   */
  void add(Device device);

  /**
   * Adds many devices, all or none: when any EUI-64 is already held, or repeated in {@code
   * devices}, nothing is added. A database writes them in batches. For loading estates.
   *
   * @return how many were added, {@code devices.size()}
   * @throws DuplicateDeviceException naming the first EUI-64 found held or repeated
   */
  int addAll(List<Device> devices);

  /**
   * Replaces the device of the same EUI-64 with {@code device} (every field, premises included).
   *
   * @return the device that was replaced, or empty when none was held (and nothing was added)
   */
  Optional<Device> replace(Device device);

  /**
   * Sets a device's status.
   *
   * @return the device as now held, or empty when the EUI-64 is unknown
   */
  Optional<Device> updateStatus(Eui64 eui, DeviceStatus status);

  /**
   * Removes a device.
   *
   * @return whether it was held
   */
  boolean remove(Eui64 eui);

  /** How many devices are held. */
  long count();

  /**
   * Streams every device, ordered by EUI-64, to {@code sink}, with bounded memory whatever the
   * inventory's size. The sink may write to the inventory; the scan then sees each device that
   * existed when it started and was not removed at most once.
   *
   * @return how many devices were delivered
   */
  long scan(Consumer<Device> sink);
}
