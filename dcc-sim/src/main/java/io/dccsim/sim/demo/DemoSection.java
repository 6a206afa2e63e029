package io.dccsim.sim.demo;

import io.dccsim.core.release.Modification;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The demonstration of one modification: how it was exercised and what was observed before and
 * after go-live, or why it could not be run.
 *
 * @param modification the modification demonstrated
 * @param method how the simulator was exercised, one line each
 * @param rows the observations
 * @param failure why the section could not be computed, if it could not
 */
public record DemoSection(
    Modification modification, List<String> method, List<DemoRow> rows, Optional<String> failure) {

  /** Checks the fields are present and copies the lists. */
  public DemoSection {
    Objects.requireNonNull(modification, "modification");
    method = List.copyOf(method);
    rows = List.copyOf(rows);
    Objects.requireNonNull(failure, "failure");
  }

  /** A section that was computed. */
  public static DemoSection of(Modification modification, List<String> method, List<DemoRow> rows) {
    return new DemoSection(modification, method, rows, Optional.empty());
  }

  /** A section that could not be computed, saying why. */
  public static DemoSection failed(Modification modification, String why) {
    return new DemoSection(modification, List.of(), List.of(), Optional.of(why));
  }

  /** Whether any observation changed across go-live. */
  public boolean showsAChange() {
    return rows.stream().anyMatch(DemoRow::changed);
  }
}
