package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.Fields;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SR 8.3 Decommission Device: sets an installed device's status to {@code Decommissioned}.
 *
 * <p>A device the inventory does not hold is {@code E080301}; one that is not installed ({@code
 * Commissioned}, {@code InstalledNotCommissioned} or {@code Suspended}) is {@code E080302}.
 */
public final class DecommissionDeviceService implements ServiceHandler {
  /** SR 8.3. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("8.3");

  /** The statuses a device may be decommissioned from. */
  public static final Set<DeviceStatus> INSTALLED =
      Set.of(
          DeviceStatus.COMMISSIONED,
          DeviceStatus.INSTALLED_NOT_COMMISSIONED,
          DeviceStatus.SUSPENDED);

  private final DeviceInventory inventory;

  /** Changes {@code inventory}. */
  public DecommissionDeviceService(DeviceInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Eui64 eui = Fields.of(request.body(), "8.3", "DecommissionDevice").requiredEui("DeviceID");
    Optional<Device> device = inventory.find(eui);
    if (device.isEmpty()) {
      return new ServiceAnswer(ResponseCode.E080301, NoBody.INSTANCE);
    }
    if (!INSTALLED.contains(device.get().status())) {
      return new ServiceAnswer(ResponseCode.E080302, NoBody.INSTANCE);
    }
    inventory.updateStatus(eui, DeviceStatus.DECOMMISSIONED);
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }
}
