package io.dccsim.smki.extract;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an {@link ExtractSchedule} against a clock, which may be a simulated clock that jumps.
 *
 * <p>Each {@link #tick()} compares the clock with the last planned run completed: when runs fell
 * due since, it publishes one extract covering all of them (a full extract when any of them was a
 * full, otherwise one delta, which covers every change since the previous extract, so no change is
 * skipped). The last completed run is recovered at start from the directory (the newest {@code
 * scheduledFor} of its extracts), so a full extract missed during downtime is produced by the first
 * tick; with no scheduled extract in the directory, planning starts at the clock's time of
 * construction. A failed run is logged, counted and retried at the first tick after the retry
 * delay. Ticks and manual runs never overlap.
 */
public final class ExtractScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractScheduler.class);

  /** The counter of runs, tagged {@code kind} and {@code outcome} (success, failure). */
  public static final String RUNS_METRIC = "dccsim.smki.extract.runs";

  private final ExtractSchedule schedule;
  private final ExtractPublisher publisher;
  private final Clock clock;
  private final Duration retryDelay;
  private final MeterRegistry meters;
  private final ReentrantLock running = new ReentrantLock();
  private Instant lastPlanned;
  private Instant retryNotBefore = Instant.MIN;
  private ScheduledExecutorService timer;

  /**
   * A scheduler.
   *
   * @param retryDelay how long after a failure the next attempt may start
   * @param meters where run counters are registered
   */
  public ExtractScheduler(
      ExtractSchedule schedule,
      ExtractPublisher publisher,
      Clock clock,
      Duration retryDelay,
      MeterRegistry meters) {
    this.schedule = Objects.requireNonNull(schedule, "schedule");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retryDelay = Objects.requireNonNull(retryDelay, "retryDelay");
    this.meters = Objects.requireNonNull(meters, "meters");
    publisher.directory().recover();
    this.lastPlanned =
        publisher.directory().manifests().stream()
            .flatMap(m -> m.scheduledFor().stream())
            .max(Instant::compareTo)
            .orElse(clock.instant());
  }

  /** The planned instant of the last run completed (or the planning start). */
  public synchronized Instant lastPlanned() {
    return lastPlanned;
  }

  /**
   * Publishes what fell due since the last completed run, if anything.
   *
   * @return the extract published, or empty when nothing was due, a run is in progress, the retry
   *     delay has not passed, or the run failed (logged and counted)
   */
  public Optional<ExtractManifest> tick() {
    if (!running.tryLock()) {
      return Optional.empty();
    }
    try {
      Instant now = clock.instant();
      Instant from;
      synchronized (this) {
        from = lastPlanned;
        if (now.isBefore(retryNotBefore)) {
          return Optional.empty();
        }
      }
      List<PlannedRun> due = schedule.runsBetween(from, now);
      if (due.isEmpty()) {
        return Optional.empty();
      }
      PlannedRun lastDue = due.get(due.size() - 1);
      ExtractKind kind =
          due.stream().anyMatch(r -> r.kind() == ExtractKind.FULL)
              ? ExtractKind.FULL
              : ExtractKind.DELTA;
      if (due.size() > 1) {
        LOG.info("Catching up {} missed runs with one {} extract", due.size(), kind);
      }
      Optional<ExtractManifest> m = run(kind, Optional.of(lastDue.at()));
      synchronized (this) {
        if (m.isPresent()) {
          lastPlanned = lastDue.at();
          retryNotBefore = Instant.MIN;
        } else {
          retryNotBefore = now.plus(retryDelay);
        }
      }
      return m;
    } finally {
      running.unlock();
    }
  }

  /**
   * Publishes an extract of this kind now, outside the schedule, waiting for a scheduled run in
   * progress to end.
   *
   * @throws ExtractException when it fails (also counted)
   */
  public ExtractManifest runNow(ExtractKind kind) {
    running.lock();
    try {
      return publisher.publish(kind, Optional.empty());
    } catch (RuntimeException e) {
      counter(kind, "failure").increment();
      throw e;
    } finally {
      running.unlock();
    }
  }

  private Optional<ExtractManifest> run(ExtractKind kind, Optional<Instant> scheduledFor) {
    try {
      ExtractManifest m = publisher.publish(kind, scheduledFor);
      counter(m.kind(), "success").increment();
      return Optional.of(m);
    } catch (RuntimeException e) {
      counter(kind, "failure").increment();
      LOG.warn(
          "{} extract run for {} failed, will retry: {}",
          kind,
          scheduledFor.orElse(null),
          e.getMessage());
      return Optional.empty();
    }
  }

  private Counter counter(ExtractKind kind, String outcome) {
    return Counter.builder(RUNS_METRIC)
        .description("SMKI extract publication runs")
        .tag("kind", kind.name())
        .tag("outcome", outcome)
        .register(meters);
  }

  /** Starts a single-threaded timer calling {@link #tick()} every {@code period}. */
  public synchronized void start(Duration period) {
    if (timer != null) {
      throw new IllegalStateException("Already started");
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "smki-extract-scheduler");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        this::tickSafely, 0, Math.max(1, period.toMillis()), TimeUnit.MILLISECONDS);
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // Keep the timer alive whatever happens; run failures are already handled in tick().
      LOG.warn("Extract scheduler tick failed: {}", e.toString());
    }
  }

  /** Stops the timer, waiting briefly for a run in progress. */
  @Override
  public void close() {
    ScheduledExecutorService t;
    synchronized (this) {
      t = timer;
      timer = null;
    }
    if (t != null) {
      t.shutdown();
      try {
        if (!t.awaitTermination(10, TimeUnit.SECONDS)) {
          t.shutdownNow();
        }
      } catch (InterruptedException e) {
        t.shutdownNow();
        Thread.currentThread().interrupt();
      }
    }
  }
}
