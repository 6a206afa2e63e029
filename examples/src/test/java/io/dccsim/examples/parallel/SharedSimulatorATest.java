package io.dccsim.examples.parallel;

import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * One simulator shared with the other Shared* class; it resets between tests, so they take turns.
 */
@DccSimulatorTest(startAt = "2021-06-24T09:00:00Z")
class SharedSimulatorATest {
  @RepeatedTest(15)
  void unknownVariant(DccSimulatorHandle dcc, RepetitionInfo run) {
    ParallelSuite.exercise(dcc, "M" + run.getCurrentRepetition() + " 1AA", true);
  }

  @RepeatedTest(15)
  void knownVariant(DccSimulatorHandle dcc, RepetitionInfo run) {
    ParallelSuite.exercise(dcc, "L" + run.getCurrentRepetition() + " 1BB", false);
  }
}
