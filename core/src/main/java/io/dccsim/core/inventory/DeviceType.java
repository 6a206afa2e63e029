package io.dccsim.core.inventory;

import java.util.Optional;

/** The kind of a device in the Smart Metering Inventory, as DUIS names it in {@code DeviceType}. */
public enum DeviceType {
  /** Electricity Smart Metering Equipment: the electricity meter. */
  ESME,
  /** Gas Smart Metering Equipment: the gas meter. */
  GSME,
  /** Gas Proxy Function, hosted on the Communications Hub, answering for the battery gas meter. */
  GPF,
  /** Communications Hub Function: the Communications Hub's link to the SM WAN. */
  CHF,
  /** HAN Connected Auxiliary Load Control Switch. */
  HCALCS,
  /** Pre-Payment Interface Device. */
  PPMID,
  /** In-Home Display. */
  IHD,
  /** Consumer Access Device. */
  CAD;

  /** The text DUIS writes, which is the constant's name, e.g. {@code ESME}. */
  public String duisText() {
    return name();
  }

  /** The type whose DUIS text is exactly {@code text}. */
  public static Optional<DeviceType> fromDuisText(String text) {
    for (DeviceType t : values()) {
      if (t.name().equals(text)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
