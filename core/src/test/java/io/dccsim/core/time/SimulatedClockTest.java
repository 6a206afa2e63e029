package io.dccsim.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {
  private static final Instant T0 = Instant.parse("2021-06-23T22:00:00Z");

  /** A source clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private volatile Instant now;

    HandClock(Instant now) {
      this.now = now;
    }

    void tick(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void fixedClockStaysPutUntilMoved() {
    SimulatedClock c = SimulatedClock.fixed(T0);
    assertThat(c.instant()).isEqualTo(T0);
    assertThat(c.millis()).isEqualTo(T0.toEpochMilli());
    c.advance(Duration.ofHours(1));
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(3600));
    c.set(T0.minusSeconds(5));
    assertThat(c.instant()).isEqualTo(T0.minusSeconds(5));
    assertThat(c.rate()).isZero();
  }

  @Test
  void offsetClockRunsWithItsSource() {
    HandClock src = new HandClock(Instant.parse("2026-01-01T00:00:00Z"));
    SimulatedClock c = SimulatedClock.offset(src, Duration.ofDays(-1));
    assertThat(c.instant()).isEqualTo(Instant.parse("2025-12-31T00:00:00Z"));
    src.tick(Duration.ofMinutes(3));
    assertThat(c.instant()).isEqualTo(Instant.parse("2025-12-31T00:03:00Z"));
    assertThat(c.rate()).isEqualTo(1.0);
  }

  @Test
  void advancingClockRunsAtItsRate() {
    HandClock src = new HandClock(Instant.EPOCH);
    SimulatedClock c = SimulatedClock.advancing(src, T0, 60.0);
    src.tick(Duration.ofSeconds(60));
    assertThat(c.instant()).isEqualTo(T0.plus(Duration.ofHours(1)));
    // set keeps the rate running from the new instant
    c.set(T0);
    src.tick(Duration.ofSeconds(1));
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(60));
    // advance adds to the running time
    c.advance(Duration.ofDays(1));
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(60).plus(Duration.ofDays(1)));
  }

  @Test
  void changingTheRateDoesNotJump() {
    HandClock src = new HandClock(Instant.EPOCH);
    SimulatedClock c = SimulatedClock.advancing(src, T0, 1.0);
    src.tick(Duration.ofSeconds(10));
    c.setRate(0.5);
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(10));
    src.tick(Duration.ofSeconds(10));
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(15));
    c.freeze();
    src.tick(Duration.ofHours(5));
    assertThat(c.instant()).isEqualTo(T0.plusSeconds(15));
  }

  @Test
  void rejectsImpossibleRates() {
    HandClock src = new HandClock(Instant.EPOCH);
    assertThatThrownBy(() -> SimulatedClock.advancing(src, T0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    SimulatedClock c = SimulatedClock.fixed(T0);
    assertThatThrownBy(() -> c.setRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.setRate(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zoneViewsShareTheState() {
    SimulatedClock utc = SimulatedClock.fixed(T0);
    ZoneId london = ZoneId.of("Europe/London");
    SimulatedClock gb = utc.withZone(london);
    assertThat(gb.getZone()).isEqualTo(london);
    assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
    gb.advance(Duration.ofHours(2));
    assertThat(utc.instant()).isEqualTo(T0.plusSeconds(7200));
    utc.set(T0);
    assertThat(gb.instant()).isEqualTo(T0);
    assertThat(utc.withZone(ZoneOffset.UTC)).isSameAs(utc);
  }

  @Test
  void concurrentAdvancesAreNotLost() throws Exception {
    SimulatedClock c = SimulatedClock.fixed(T0);
    int threads = 4;
    int perThread = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int k = 0; k < perThread; k++) {
                    c.advance(Duration.ofMillis(1));
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(c.instant()).isEqualTo(T0.plusMillis((long) threads * perThread));
  }

  @Property
  void integralRatesAreExact(
      @ForAll @LongRange(min = 0, max = 86_400_000_000_000L) long elapsedNanos,
      @ForAll @LongRange(min = 0, max = 100) long rate) {
    HandClock src = new HandClock(Instant.EPOCH);
    SimulatedClock c = SimulatedClock.advancing(src, T0, rate);
    src.tick(Duration.ofNanos(elapsedNanos));
    assertThat(c.instant()).isEqualTo(T0.plusNanos(elapsedNanos * rate));
  }
}
