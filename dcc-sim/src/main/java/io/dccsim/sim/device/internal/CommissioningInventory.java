package io.dccsim.sim.device.internal;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An inventory that tells a listener when a device becomes {@code Commissioned} through it (a
 * status update or a replacement), so that its SMKI certificates follow; everything else is the
 * inventory's own.
 */
public final class CommissioningInventory implements DeviceInventory {
  private final DeviceInventory inventory;
  private final Consumer<Eui64> commissioned;

  /** Watches {@code inventory}, telling {@code commissioned} of each device commissioned. */
  public CommissioningInventory(DeviceInventory inventory, Consumer<Eui64> commissioned) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.commissioned = Objects.requireNonNull(commissioned, "commissioned");
  }

  @Override
  public Optional<Device> find(Eui64 eui) {
    return inventory.find(eui);
  }

  @Override
  public List<Device> findByUprn(Uprn uprn) {
    return inventory.findByUprn(uprn);
  }

  @Override
  public List<Device> findByMpxn(String mpxn) {
    return inventory.findByMpxn(mpxn);
  }

  @Override
  public List<Device> findByPostcode(Postcode postcode) {
    return inventory.findByPostcode(postcode);
  }

  @Override
  public List<Device> findByAddress(Postcode postcode, String addressIdentifier) {
    return inventory.findByAddress(postcode, addressIdentifier);
  }

  @Override
  public void add(Device device) {
    inventory.add(device);
  }

  @Override
  public int addAll(List<Device> devices) {
    return inventory.addAll(devices);
  }

  @Override
  public Optional<Device> replace(Device device) {
    Optional<Device> old = inventory.replace(device);
    if (old.isPresent() && becameCommissioned(old.get().status(), device.status())) {
      commissioned.accept(device.eui());
    }
    return old;
  }

  private static boolean becameCommissioned(DeviceStatus before, DeviceStatus after) {
    return after == DeviceStatus.COMMISSIONED && before != DeviceStatus.COMMISSIONED;
  }

  @Override
  public Optional<Device> updateStatus(Eui64 eui, DeviceStatus status) {
    Optional<Device> updated = inventory.updateStatus(eui, status);
    if (updated.isPresent() && status == DeviceStatus.COMMISSIONED) {
      commissioned.accept(eui);
    }
    return updated;
  }

  @Override
  public boolean remove(Eui64 eui) {
    return inventory.remove(eui);
  }

  @Override
  public long count() {
    return inventory.count();
  }

  @Override
  public long scan(Consumer<Device> sink) {
    return inventory.scan(sink);
  }
}
