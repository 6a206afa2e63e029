package io.dccsim.sim.control;

import io.dccsim.core.release.BaselinePolicy;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Where the baseline policy in force is kept: the simulator's own setting, or a plain holder. */
public interface BaselineSetting {

  /** The policy in force. */
  BaselinePolicy get();

  /** Puts {@code policy} in force. */
  void set(BaselinePolicy policy);

  /** A setting kept here, starting at {@code initial}. */
  static BaselineSetting holding(BaselinePolicy initial) {
    AtomicReference<BaselinePolicy> ref =
        new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    return of(ref::get, ref::set);
  }

  /** A setting read and written through these functions (e.g. a simulator's getter and setter). */
  static BaselineSetting of(Supplier<BaselinePolicy> getter, Consumer<BaselinePolicy> setter) {
    Objects.requireNonNull(getter, "getter");
    Objects.requireNonNull(setter, "setter");
    return new BaselineSetting() {
      @Override
      public BaselinePolicy get() {
        return getter.get();
      }

      @Override
      public void set(BaselinePolicy policy) {
        setter.accept(Objects.requireNonNull(policy, "policy"));
      }
    };
  }
}
