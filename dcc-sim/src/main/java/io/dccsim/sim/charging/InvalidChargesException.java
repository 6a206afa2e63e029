package io.dccsim.sim.charging;

import java.util.List;

/**
 * Charging input that cannot be billed. The message lists every problem found, each naming the
 * party, item or field at fault.
 */
public final class InvalidChargesException extends IllegalArgumentException {

  private final List<String> problems;

  /** An exception for one or more problems. */
  public InvalidChargesException(List<String> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  /** An exception for one problem. */
  public InvalidChargesException(String problem) {
    this(List.of(problem));
  }

  /** The problems, one sentence each. */
  public List<String> problems() {
    return problems;
  }

  private static String message(List<String> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("no problems given");
    }
    return problems.size() == 1
        ? "invalid charges: " + problems.get(0)
        : "invalid charges (" + problems.size() + " problems): " + String.join("; ", problems);
  }
}
