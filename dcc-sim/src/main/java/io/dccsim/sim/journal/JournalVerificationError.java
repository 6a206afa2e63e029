package io.dccsim.sim.journal;

/**
 * A journal verification that failed: the count was wrong, or the journal can no longer tell
 * because exchanges the verification is about may have been evicted. Extends {@link AssertionError}
 * so test frameworks report it as a failed assertion.
 */
public final class JournalVerificationError extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final boolean evictionUncertainty;

  JournalVerificationError(String message, boolean evictionUncertainty) {
    super(message);
    this.evictionUncertainty = evictionUncertainty;
  }

  /** True when the failure is that evicted exchanges could have matched, not a wrong count. */
  public boolean isEvictionUncertainty() {
    return evictionUncertainty;
  }
}
