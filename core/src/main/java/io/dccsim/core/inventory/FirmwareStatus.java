package io.dccsim.core.inventory;

import java.util.Optional;

/**
 * The standing of a device's firmware version, reported in DUIS as {@code
 * DeviceFirmwareVersionStatus}. The values are this project's: {@link #ACTIVE} for the version
 * running, {@link #PENDING} for one distributed but not yet activated.
 */
public enum FirmwareStatus {
  /** The version the device runs. */
  ACTIVE("Active"),
  /** A version distributed to the device and awaiting activation. */
  PENDING("Pending");

  private final String duisText;

  FirmwareStatus(String duisText) {
    this.duisText = duisText;
  }

  /** The text written in files and the store, e.g. {@code Active}. */
  public String duisText() {
    return duisText;
  }

  /** The value whose text is exactly {@code text}. */
  public static Optional<FirmwareStatus> fromDuisText(String text) {
    for (FirmwareStatus f : values()) {
      if (f.duisText.equals(text)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
