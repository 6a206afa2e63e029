package io.dccsim.sim.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.time.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SimulatedSchedulerTest {
  private static final Instant T0 = Instant.parse("2021-07-01T09:00:00Z");

  @Test
  void tasksRunWhenTheClockReachesThemInTheirOrderAndNotBefore() throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(T0);
    List<String> ran = new CopyOnWriteArrayList<>();
    try (SimulatedScheduler s = new SimulatedScheduler(clock, 10, "test-scheduler")) {
      assertThat(s.at(T0.plusSeconds(60), () -> ran.add("b"))).isTrue();
      assertThat(s.at(T0.plusSeconds(30), () -> ran.add("a"))).isTrue();
      assertThat(s.at(T0.plusSeconds(60), () -> ran.add("c"))).isTrue();
      assertThat(s.at(T0.minusSeconds(1), () -> ran.add("now"))).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("now"));
      Thread.sleep(50);
      // the clock is frozen: nothing later has run
      assertThat(ran).containsExactly("now");
      clock.advance(Duration.ofMinutes(2));
      await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 4);
      // a jump runs what it passes, by instant, then by the order they were given
      assertThat(ran).containsExactly("now", "a", "b", "c");
      assertThat(s.waiting()).isZero();
    }
  }

  @Test
  void isBoundedAndAFailingTaskDoesNotStopTheOthers() {
    SimulatedClock clock = SimulatedClock.fixed(T0);
    List<String> ran = new CopyOnWriteArrayList<>();
    try (SimulatedScheduler s = new SimulatedScheduler(clock, 2, "test-scheduler")) {
      assertThat(s.at(T0.plusSeconds(1), () -> ran.add("x"))).isTrue();
      assertThat(
              s.at(
                  T0.plusSeconds(1),
                  () -> {
                    throw new IllegalStateException("boom");
                  }))
          .isTrue();
      assertThat(s.at(T0.plusSeconds(1), () -> ran.add("refused"))).isFalse();
      assertThat(s.waiting()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(1));
      await().atMost(Duration.ofSeconds(5)).until(() -> s.waiting() == 0);
      assertThat(s.at(T0, () -> ran.add("y"))).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> ran.contains("y"));
      assertThat(ran).containsExactly("x", "y");
    }
  }
}
