package io.dccsim.core.inventory;

import io.dccsim.core.value.Eui64;
import java.util.Objects;

/**
 * Thrown when a device is added whose EUI-64 the inventory already holds (or the batch repeats).
 */
public final class DuplicateDeviceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Eui64 eui;

  /** The device {@code eui} is already held. */
  public DuplicateDeviceException(Eui64 eui) {
    super("The inventory already holds a device with EUI-64 " + Objects.requireNonNull(eui, "eui"));
    this.eui = eui;
  }

  /** The EUI-64 that is already held. */
  public Eui64 eui() {
    return eui;
  }
}
