package io.dccsim.core.inventory;

class InMemoryDeviceInventoryTest extends DeviceInventoryContract {

  @Override
  protected DeviceInventory newInventory() {
    return new InMemoryDeviceInventory();
  }
}
