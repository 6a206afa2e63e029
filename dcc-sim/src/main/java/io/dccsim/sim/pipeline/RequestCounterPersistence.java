package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.repository.RequestCounterStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link ReplayGuard}'s counters in a {@link RequestCounterStore}: loaded at start, the
 * counters accepted since the last write saved every {@link #INTERVAL} from a background thread,
 * and on {@link #close()}. Writing behind keeps the store off the request path; a crash (not a
 * stop) can lose at most the last interval's counters.
 */
public final class RequestCounterPersistence implements AutoCloseable {

  /** How often accepted counters are written. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(RequestCounterPersistence.class);

  private final ReplayGuard guard;
  private final RequestCounterStore store;
  private final ScheduledExecutorService timer;
  private final Counter failures;

  private RequestCounterPersistence(
      ReplayGuard guard, RequestCounterStore store, MeterRegistry registry) {
    this.guard = guard;
    this.store = store;
    this.failures =
        Counter.builder("dccsim.request.counters.save.failures")
            .description("Writes of the RequestID counters to the store that failed (retried)")
            .register(registry);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dccsim-request-counters");
              t.setDaemon(true);
              return t;
            });
  }

  /** Restores the stored counters into {@code guard} and starts saving what it accepts. */
  public static RequestCounterPersistence start(
      ReplayGuard guard, RequestCounterStore store, MeterRegistry registry) {
    RequestCounterPersistence p = new RequestCounterPersistence(guard, store, registry);
    Map<Eui64, Long> stored = store.load();
    guard.restore(stored);
    if (!stored.isEmpty()) {
      LOG.info("Restored the last RequestID counter of {} originator(s)", stored.size());
    }
    long ms = INTERVAL.toMillis();
    p.timer.scheduleWithFixedDelay(p::saveQuietly, ms, ms, TimeUnit.MILLISECONDS);
    return p;
  }

  /** Writes the counters accepted since the last write now. */
  public void save() {
    Map<Eui64, Long> changed = guard.drainChanged();
    try {
      store.save(changed);
    } catch (RuntimeException e) {
      guard.markChanged(changed);
      throw e;
    }
  }

  /** Forgets every counter, held and stored. */
  public void clear() {
    guard.reset();
    store.clear();
  }

  private void saveQuietly() {
    try {
      save();
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("Saving the RequestID counters failed (retried in {}): {}", INTERVAL, e.toString());
    }
  }

  /** Stops the timer and writes what is left. */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("The RequestID counter writer did not stop in time");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      save();
    } catch (RuntimeException e) {
      failures.increment();
      LOG.warn("Saving the RequestID counters at stop failed: {}", e.toString());
    }
  }
}
