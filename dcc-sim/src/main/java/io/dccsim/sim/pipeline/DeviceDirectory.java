package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;

/**
 * Extension point for the device check of a device Service Request's target: whether the DCC's
 * inventory holds the device a RequestID names. A target it does not hold is answered {@value
 * TargetCheck#WRONG_TARGET_CODE} ({@code unknown-device}), after the envelope checks and before any
 * handler.
 *
 * <p>The simulator keeps no device inventory yet, so {@link #ANY_DEVICE} is used: every device
 * target passes. An inventory (fed by SR 8.4 Update Inventory or SR 12.2 Device Pre-notification,
 * say) plugs in here.
 */
@FunctionalInterface
public interface DeviceDirectory {
  /** The directory of a DCC without an inventory: every device is taken to exist. */
  DeviceDirectory ANY_DEVICE = device -> true;

  /** Whether {@code device} is a device the DCC knows. */
  boolean isKnown(Eui64 device);
}
