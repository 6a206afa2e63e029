package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.Fields;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SR 8.4 Update Inventory: for a device that is still only pre-notified ({@code Pending} or {@code
 * Whitelisted}), {@code DeleteDevice} removes it from the inventory, and a corrected {@code
 * DeviceManufacturer} and {@code DeviceModel} (with optional {@code SMETSCHTSVersion} and {@code
 * FirmwareVersion}) replace what the pre-notification said.
 *
 * <p>A device the inventory does not hold is {@code E080401}; one in any other status is {@code
 * E080402}.
 */
public final class UpdateInventoryService implements ServiceHandler {
  /** SR 8.4. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("8.4");

  /** The statuses in which a device may still be changed or deleted. */
  public static final Set<DeviceStatus> PRE_NOTIFIED =
      Set.of(DeviceStatus.PENDING, DeviceStatus.WHITELISTED);

  private final DeviceInventory inventory;

  /** Changes {@code inventory}. */
  public UpdateInventoryService(DeviceInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "8.4", "UpdateInventory");
    Eui64 eui = body.requiredEui("DeviceID");
    Optional<Device> held = inventory.find(eui);
    if (held.isEmpty()) {
      return new ServiceAnswer(ResponseCode.E080401, NoBody.INSTANCE);
    }
    Device device = held.get();
    if (!PRE_NOTIFIED.contains(device.status())) {
      return new ServiceAnswer(ResponseCode.E080402, NoBody.INSTANCE);
    }
    if (body.has("DeleteDevice")) {
      inventory.remove(eui);
    } else {
      Device corrected;
      try {
        corrected =
            device.withDetails(
                body.required("DeviceManufacturer"),
                body.required("DeviceModel"),
                body.text("SMETSCHTSVersion").orElse(device.smetsChtsVersion()),
                body.text("FirmwareVersion").orElse(device.firmwareVersion()));
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException("UpdateInventory: " + e.getMessage());
      }
      inventory.replace(corrected);
    }
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }
}
