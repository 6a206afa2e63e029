package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.sim.service.internal.AnswerElement;
import java.util.List;
import java.util.Optional;

/**
 * Writes inventory devices as the {@code Device} entries of a {@code DSPInventory} answer.
 *
 * <p>MPxNs are written only for meters (ESME, GSME): the first as {@code ImportMPxN}, a second as
 * {@code SecondaryImportMPAN}, a third as {@code ExportMPAN}. {@code Connectivity} is written from
 * schema version 5.4, which introduced it. {@code ESMEVariant}, {@code CPLStatus} and {@code
 * DateCommissioned} are not kept by the inventory and are left out.
 */
final class InventoryDevices {
  /** The most devices one {@code DSPInventory} holds (the schema's bound). */
  static final int MAX_DEVICES = 17;

  private InventoryDevices() {}

  static AnswerElement dspInventory(List<Device> devices, SchemaVersion version) {
    AnswerElement inventory = AnswerElement.root("DSPInventory");
    for (Device d : devices) {
      write(inventory.child("Device"), d, version);
    }
    return inventory;
  }

  private static void write(AnswerElement e, Device d, SchemaVersion version) {
    e.text("DeviceID", d.eui().toString())
        .text("DeviceType", d.type().duisText())
        .text("DeviceStatus", d.status().duisText())
        .text("DeviceManufacturer", d.manufacturer())
        .text("DeviceModel", d.model())
        .text("SMETSCHTSVersion", d.smetsChtsVersion())
        .text("DeviceFirmwareVersion", d.firmwareVersion())
        .text("DeviceFirmwareVersionStatus", d.firmwareStatus().duisText());
    if (d.type() == DeviceType.ESME || d.type() == DeviceType.GSME) {
      List<String> m = d.mpxns();
      e.optional("ImportMPxN", at(m, 0))
          .optional("SecondaryImportMPAN", at(m, 1))
          .optional("ExportMPAN", at(m, 2));
    }
    d.uprn().ifPresent(u -> e.text("UPRN", Long.toString(u.value())));
    if (d.postcode().isPresent()) {
      e.child("PropertyFilter")
          .text("PostCode", d.postcode().get().toString())
          .text("AddressIdentifier", d.addressIdentifier().orElseThrow());
    }
    d.cspRegion().ifPresent(r -> e.text("CSPRegion", r.xmlText()));
    e.text("DeviceGBCSVersion", d.gbcsVersion()).text("HANVariant", d.hanVariant());
    if (version.compareTo(SchemaVersion.V5_4) >= 0) {
      d.connectivity().ifPresent(c -> e.text("Connectivity", c.duisText()));
    }
  }

  private static Optional<String> at(List<String> list, int i) {
    return i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
  }
}
