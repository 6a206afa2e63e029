package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.DuplicateDeviceException;
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
 * SR 12.2 Device Pre-notification: adds the device to the inventory as {@code Pending}, with no
 * premises yet and the requesting User as its responsible supplier.
 *
 * <p>Refused, with nothing added: a device already held ({@code E120201}); a Communications Hub or
 * GPF, which the Communications Service Provider notifies ({@code E120202}); an {@code ESMEVariant}
 * for a device that is not an ESME ({@code E120203}); an {@code AssociatedGPFDeviceID} for a device
 * that is not a GSME, or that names no GPF in the inventory ({@code E120204}). Missing SMETS/CHTS
 * and firmware versions are held as {@code Unknown}.
 */
public final class DevicePrenotificationService implements ServiceHandler {
  /** SR 12.2. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("12.2");

  /** The value held for a version the pre-notification did not give. */
  public static final String UNKNOWN = "Unknown";

  /** The GBCS version a pre-notified device is held with until it is commissioned. */
  public static final String DEFAULT_GBCS_VERSION = "3.2";

  private static final Set<DeviceType> NOTIFIED_BY_CSP = Set.of(DeviceType.CHF, DeviceType.GPF);

  private final DeviceInventory inventory;

  /** Adds to {@code inventory}. */
  public DevicePrenotificationService(DeviceInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "12.2", "DevicePrenotification");
    Eui64 eui = body.requiredEui("DeviceID");
    DeviceType type =
        DeviceType.fromDuisText(body.required("DeviceType"))
            .orElseThrow(() -> new MalformedRequestException("DeviceType is not a device type"));
    if (NOTIFIED_BY_CSP.contains(type)) {
      return refused(ResponseCode.E120202);
    }
    if (body.has("ESMEVariant") && type != DeviceType.ESME) {
      return refused(ResponseCode.E120203);
    }
    Optional<Eui64> gpf = body.eui("AssociatedGPFDeviceID");
    if (gpf.isPresent()
        && (type != DeviceType.GSME
            || inventory.find(gpf.get()).map(d -> d.type() != DeviceType.GPF).orElse(true))) {
      return refused(ResponseCode.E120204);
    }
    if (inventory.find(eui).isPresent()) {
      return refused(ResponseCode.E120201);
    }
    Device device;
    try {
      device =
          Device.prenotified(
              eui,
              type,
              body.required("DeviceManufacturer"),
              body.required("DeviceModel"),
              body.text("FirmwareVersion").orElse(UNKNOWN),
              body.text("SMETSCHTSVersion").orElse(UNKNOWN),
              DEFAULT_GBCS_VERSION,
              Optional.of(request.requestId().originator()));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("DevicePrenotification: " + e.getMessage());
    }
    try {
      inventory.add(device);
    } catch (DuplicateDeviceException e) {
      // another request added it between the look-up and the add
      return refused(ResponseCode.E120201);
    }
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }

  private static ServiceAnswer refused(ResponseCode code) {
    return new ServiceAnswer(code, NoBody.INSTANCE);
  }
}
