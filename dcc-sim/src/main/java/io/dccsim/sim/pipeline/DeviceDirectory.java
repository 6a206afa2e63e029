package io.dccsim.sim.pipeline;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.value.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * Extension point for the device check of a device Service Request's target: whether the DCC's
 * inventory holds the device a RequestID names. A target it does not hold is answered {@value
 * TargetCheck#WRONG_TARGET_CODE} ({@code unknown-device}), after the envelope checks and before any
 * handler.
 *
 * <p>The simulator's directory is its device inventory ({@link #of(DeviceInventory)}), which looks
 * each target up once and hands the record to the handler. {@link #ANY_DEVICE} takes every device
 * as known.
 */
@FunctionalInterface
public interface DeviceDirectory {
  /** The directory of a DCC without an inventory: every device is taken to exist. */
  DeviceDirectory ANY_DEVICE = device -> true;

  /** Whether {@code device} is a device the DCC knows. */
  boolean isKnown(Eui64 device);

  /**
   * Looks {@code device} up once: whether it is known and, where this directory keeps records, the
   * record (so the handler need not look it up again). By default, {@link #isKnown} without one.
   */
  default Lookup lookup(Eui64 device) {
    return isKnown(device) ? Lookup.KNOWN : Lookup.UNKNOWN;
  }

  /** The directory of the devices {@code inventory} holds. */
  static DeviceDirectory of(DeviceInventory inventory) {
    Objects.requireNonNull(inventory, "inventory");
    return new DeviceDirectory() {
      @Override
      public boolean isKnown(Eui64 device) {
        return lookup(device).known();
      }

      @Override
      public Lookup lookup(Eui64 device) {
        return inventory.find(device).map(Lookup::held).orElse(Lookup.UNKNOWN);
      }
    };
  }

  /**
   * What a look-up found.
   *
   * @param known whether the device is known
   * @param device its record, where the directory keeps one
   */
  record Lookup(boolean known, Optional<Device> device) {
    /** Known, with no record. */
    public static final Lookup KNOWN = new Lookup(true, Optional.empty());

    /** Not known. */
    public static final Lookup UNKNOWN = new Lookup(false, Optional.empty());

    /** Validates. */
    public Lookup {
      Objects.requireNonNull(device, "device");
      if (device.isPresent() && !known) {
        throw new IllegalArgumentException("a device with a record is known");
      }
    }

    /** Known, with its record. */
    public static Lookup held(Device device) {
      return new Lookup(true, Optional.of(device));
    }
  }
}
