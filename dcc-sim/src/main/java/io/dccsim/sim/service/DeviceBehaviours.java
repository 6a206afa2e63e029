package io.dccsim.sim.service;

import io.dccsim.core.value.Eui64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The behaviour of each simulated device: one set for the device, else the default (the initial
 * default, answering at once unless configured otherwise, until changed). Thread-safe; held in
 * memory, at most {@link #MAX_SET} set at once.
 */
public final class DeviceBehaviours {
  /** The most devices that may have a behaviour of their own. */
  public static final int MAX_SET = 100_000;

  private final Map<Eui64, DeviceBehaviour> byDevice = new ConcurrentHashMap<>();
  private final DeviceBehaviour initial;
  private final AtomicReference<DeviceBehaviour> fallback;

  /** Every device answering at once until told otherwise. */
  public DeviceBehaviours() {
    this(DeviceBehaviour.ANSWERS_AT_ONCE);
  }

  /** Every device behaving as {@code initial} until told otherwise, and again after a reset. */
  public DeviceBehaviours(DeviceBehaviour initial) {
    this.initial = Objects.requireNonNull(initial, "initial");
    this.fallback = new AtomicReference<>(initial);
  }

  /** The behaviour of {@code device}. */
  public DeviceBehaviour of(Eui64 device) {
    DeviceBehaviour own = byDevice.get(device);
    return own != null ? own : fallback.get();
  }

  /** The behaviour set for {@code device} itself, if one is. */
  public Optional<DeviceBehaviour> setFor(Eui64 device) {
    return Optional.ofNullable(byDevice.get(device));
  }

  /**
   * Gives {@code device} its own behaviour.
   *
   * @throws IllegalStateException when {@link #MAX_SET} devices already have one
   */
  public void set(Eui64 device, DeviceBehaviour behaviour) {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(behaviour, "behaviour");
    if (!byDevice.containsKey(device) && byDevice.size() >= MAX_SET) {
      throw new IllegalStateException(MAX_SET + " devices already have a behaviour of their own");
    }
    byDevice.put(device, behaviour);
  }

  /** Back to the default for {@code device}. */
  public void clear(Eui64 device) {
    byDevice.remove(device);
  }

  /** The default for devices without their own. */
  public DeviceBehaviour fallback() {
    return fallback.get();
  }

  /** Sets the default for devices without their own. */
  public void fallback(DeviceBehaviour behaviour) {
    fallback.set(Objects.requireNonNull(behaviour, "behaviour"));
  }

  /** Every device back to the default, and the default back to the initial one. */
  public void reset() {
    byDevice.clear();
    fallback.set(initial);
  }

  /** The default a reset goes back to. */
  public DeviceBehaviour initial() {
    return initial;
  }
}
