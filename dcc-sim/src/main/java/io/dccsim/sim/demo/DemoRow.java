package io.dccsim.sim.demo;

import java.util.Objects;

/**
 * One observation of the demonstration, made once before and once after go-live.
 *
 * @param label what was observed
 * @param before the value observed under the rules before the release
 * @param after the value observed under the rules after the release
 */
public record DemoRow(String label, String before, String after) {

  /** Checks the fields are present. */
  public DemoRow {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** Whether the release changed what was observed. */
  public boolean changed() {
    return !before.equals(after);
  }
}
