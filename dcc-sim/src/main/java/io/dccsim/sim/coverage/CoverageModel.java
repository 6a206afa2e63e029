package io.dccsim.sim.coverage;

/**
 * Where SR 12.1 answers come from. Implementations are immutable or thread-safe: the server asks
 * from many threads at once, and must be fast (no I/O per question).
 *
 * <p>Built in: {@link SyntheticCoverage} (deterministic, answers for every valid GB postcode and
 * UPRN) and {@link CoverageTable} (user data loaded from CSV or JSON).
 */
@FunctionalInterface
public interface CoverageModel {

  /** Answers one question. Never null. */
  CoverageAnswer answer(CoverageQuestion question);
}
