package io.dccsim.examples.parallel;

import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * A simulator of this class's own that does not reset between tests, so its tests run at the same
 * time on it; each keeps to its own postcode.
 */
@DccSimulatorTest(shared = false, resetBetweenTests = false, startAt = "2021-06-24T09:00:00Z")
class PerClassSimulatorTest {
  @RepeatedTest(20)
  void unknownVariant(DccSimulatorHandle dcc, RepetitionInfo run) {
    ParallelSuite.exercise(dcc, "B" + run.getCurrentRepetition() + " 3AB", true);
  }

  @RepeatedTest(20)
  void knownVariant(DccSimulatorHandle dcc, RepetitionInfo run) {
    ParallelSuite.exercise(dcc, "B" + run.getCurrentRepetition() + " 4DD", false);
  }
}
