package io.dccsim.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.time.SimulatedClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RequestCounterTest {
  static final Instant T = Instant.parse("2021-06-24T00:00:00.123456789Z");

  @Test
  void startsFromTheClockInMicroseconds() {
    RequestCounter c = RequestCounter.fromClock(Clock.fixed(T, ZoneOffset.UTC));
    assertThat(c.next()).isEqualTo(T.getEpochSecond() * 1_000_000L + 123_456L);
  }

  @Test
  void neverRepeatsUnderAStillClock() {
    RequestCounter c = RequestCounter.fromClock(Clock.fixed(T, ZoneOffset.UTC));
    long a = c.next();
    assertThat(c.next()).isEqualTo(a + 1);
    assertThat(c.next()).isEqualTo(a + 2);
  }

  @Test
  void aRestartedCounterCarriesOnAboveTheOldOne() {
    Clock before = Clock.fixed(T, ZoneOffset.UTC);
    RequestCounter first = RequestCounter.fromClock(before);
    long last = 0;
    for (int i = 0; i < 10; i++) {
      last = first.next();
    }
    RequestCounter restarted =
        RequestCounter.fromClock(Clock.fixed(T.plusSeconds(1), ZoneOffset.UTC));
    assertThat(restarted.next()).isGreaterThan(last);
    RequestCounter persisted = RequestCounter.startingAfter(before, last + 1000);
    assertThat(persisted.next()).isEqualTo(last + 1001);
    assertThatThrownBy(() -> RequestCounter.startingAfter(before, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 50)
  void strictlyIncreasesWhateverTheClockDoes(
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = -5_000, max = 5_000) Integer> steps) {
    SimulatedClock clock = SimulatedClock.fixed(T);
    RequestCounter c = RequestCounter.fromClock(clock);
    long previous = c.next();
    for (int step : steps) {
      clock.advance(Duration.ofNanos(step * 1000L));
      long next = c.next();
      assertThat(next).isGreaterThan(previous);
      previous = next;
    }
  }

  @Test
  void isThreadSafe() throws Exception {
    RequestCounter c = RequestCounter.fromClock(Clock.fixed(T, ZoneOffset.UTC));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Set<Long> all = ConcurrentHashMap.newKeySet();
    try {
      List<Future<Boolean>> jobs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        jobs.add(
            pool.submit(
                () -> {
                  long previous = -1;
                  Set<Long> mine = new HashSet<>();
                  for (int i = 0; i < 5_000; i++) {
                    long v = c.next();
                    if (v <= previous) {
                      return false;
                    }
                    previous = v;
                    mine.add(v);
                  }
                  all.addAll(mine);
                  return true;
                }));
      }
      for (Future<Boolean> f : jobs) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(all).hasSize(20_000);
  }
}
