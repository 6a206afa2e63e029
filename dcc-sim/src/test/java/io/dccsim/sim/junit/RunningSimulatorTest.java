package io.dccsim.sim.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.dccsim.sim.junit.internal.RunningSimulator;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunningSimulatorTest {

  @Test
  void testsSharingASimulatorTakeTurns() throws Exception {
    try (RunningSimulator sim = RunningSimulator.start(SimulatorOptions.DEFAULTS)) {
      sim.awaitTurn();
      CountDownLatch second = new CountDownLatch(1);
      CompletableFuture<Void> other =
          CompletableFuture.runAsync(
              () -> {
                try {
                  sim.awaitTurn();
                  second.countDown();
                  sim.endTurn();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      // The other test cannot start while this one holds the turn.
      assertThat(second.await(200, TimeUnit.MILLISECONDS)).isFalse();
      sim.endTurn();
      assertThat(second.await(30, TimeUnit.SECONDS)).isTrue();
      other.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void optionsAreValidated() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new SimulatorOptions(true, true, 0, Optional.empty(), 0, "by-date", 1, false));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new SimulatorOptions(true, true, 10, Optional.empty(), -1, "by-date", 1, false));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> DccSimulatorExtension.builder().baseline("someday"));
    assertThat(
            DccSimulatorExtension.builder().startAt(Instant.parse("2021-06-24T00:00:00Z")).build())
        .isNotNull();
  }
}
