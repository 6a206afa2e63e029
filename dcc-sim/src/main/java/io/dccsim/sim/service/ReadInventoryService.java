package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.Fields;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * SR 8.2 Read Inventory: the devices the inventory holds for one {@code DeviceID}, {@code UPRN},
 * {@code MPxN}, or {@code PropertyFilter} (postcode and address identifier), answered as {@code
 * DSPInventory} in EUI-64 order.
 *
 * <p>No device found is {@code E080201}; more than the 17 one answer may hold is {@code E080202}
 * (ask by a narrower key). A postcode that is not one matches nothing.
 */
public final class ReadInventoryService implements ServiceHandler {
  /** SR 8.2. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("8.2");

  private final DeviceInventory inventory;

  /** Answers from {@code inventory}. */
  public ReadInventoryService(DeviceInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "8.2", "ReadInventory");
    List<Device> found = find(body);
    if (found.isEmpty()) {
      return new ServiceAnswer(ResponseCode.E080201, NoBody.INSTANCE);
    }
    if (found.size() > InventoryDevices.MAX_DEVICES) {
      return new ServiceAnswer(ResponseCode.E080202, NoBody.INSTANCE);
    }
    return new ServiceAnswer(
        ResponseCode.I0,
        RawResponseBody.of(
            VARIANT, InventoryDevices.dspInventory(found, request.schemaVersion()).element()));
  }

  private List<Device> find(Fields body) {
    Optional<String> device = body.text("DeviceID");
    if (device.isPresent()) {
      return inventory.find(body.requiredEui("DeviceID")).map(List::of).orElse(List.of());
    }
    Optional<String> uprn = body.text("UPRN");
    if (uprn.isPresent()) {
      try {
        return inventory.findByUprn(Uprn.parse(uprn.get()));
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException("UPRN is not a UPRN");
      }
    }
    Optional<String> mpxn = body.text("MPxN");
    if (mpxn.isPresent()) {
      return inventory.findByMpxn(mpxn.get());
    }
    Fields filter =
        body.child("PropertyFilter")
            .orElseThrow(
                () ->
                    new MalformedRequestException(
                        "ReadInventory holds DeviceID, UPRN, MPxN or PropertyFilter"));
    Postcode postcode;
    try {
      postcode = Postcode.parse(filter.required("PostCode"));
    } catch (IllegalArgumentException e) {
      return List.of();
    }
    return inventory.findByAddress(postcode, filter.required("AddressIdentifier"));
  }
}
