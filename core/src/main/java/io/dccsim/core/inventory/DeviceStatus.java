package io.dccsim.core.inventory;

import java.util.Optional;

/**
 * Where a device stands in the Smart Metering Inventory's lifecycle, with the text DUIS writes in
 * {@code DeviceStatus}.
 *
 * <p>The usual path is {@link #PENDING} (pre-notified by the manufacturer or supplier), {@link
 * #WHITELISTED} (known to the Communications Hub it will join), {@link #INSTALLED_NOT_COMMISSIONED}
 * (fitted at the premises), {@link #COMMISSIONED} (in service), and at the end of its life {@link
 * #DECOMMISSIONED}. {@link #WITHDRAWN} removes a device that never went into service; {@link
 * #SUSPENDED} stops a device whose firmware is no longer on the Certified Products List; {@link
 * #RECOVERY} and {@link #RECOVERED} mark a device whose credentials are being, or have been,
 * replaced after a compromise. The store does not police transitions between statuses: the SMI
 * records what it is told.
 */
public enum DeviceStatus {
  /** Pre-notified; not yet installed. */
  PENDING("Pending"),
  /** Added to its Communications Hub's whitelist. */
  WHITELISTED("Whitelisted"),
  /** Installed at the premises but not yet commissioned. */
  INSTALLED_NOT_COMMISSIONED("InstalledNotCommissioned"),
  /** Commissioned: in service. */
  COMMISSIONED("Commissioned"),
  /** Taken out of service. */
  DECOMMISSIONED("Decommissioned"),
  /** Withdrawn before it went into service. */
  WITHDRAWN("Withdrawn"),
  /** Suspended, e.g. its firmware was removed from the Certified Products List. */
  SUSPENDED("Suspended"),
  /** Undergoing recovery of its security credentials. */
  RECOVERY("Recovery"),
  /** Its security credentials have been recovered. */
  RECOVERED("Recovered");

  private final String duisText;

  DeviceStatus(String duisText) {
    this.duisText = duisText;
  }

  /** The text DUIS writes, e.g. {@code InstalledNotCommissioned}. */
  public String duisText() {
    return duisText;
  }

  /** The status whose DUIS text is exactly {@code text}. */
  public static Optional<DeviceStatus> fromDuisText(String text) {
    for (DeviceStatus s : values()) {
      if (s.duisText.equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
