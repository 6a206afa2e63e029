package io.dccsim.sim.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks when the simulator's clock reaches their instant, whether the clock runs at its own
 * rate, is frozen, or jumps (a jump forward runs every task it passes, in order of their instants).
 * One daemon thread looks at the clock every {@link #TICK_MILLIS} ms while tasks wait; tasks run on
 * that thread, one at a time, and must be short (hand longer work to an executor). Bounded: at most
 * {@code capacity} tasks wait.
 */
public final class SimulatedScheduler implements AutoCloseable {
  /** How often, in milliseconds of real time, the clock is looked at while tasks wait. */
  public static final long TICK_MILLIS = 5;

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedScheduler.class);

  private record Task(Instant due, long order, Runnable run) {}

  private final Clock clock;
  private final int capacity;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          (a, b) -> a.due.equals(b.due) ? Long.compare(a.order, b.order) : a.due.compareTo(b.due));
  private final AtomicLong order = new AtomicLong();
  private final Thread thread;
  private boolean closed;

  /**
   * @param clock the simulator's clock
   * @param capacity the most tasks that may wait
   * @param name the thread's name
   */
  public SimulatedScheduler(Clock clock, int capacity, String name) {
    this.clock = Objects.requireNonNull(clock, "clock");
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.capacity = capacity;
    this.thread = new Thread(this::loop, name);
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code task} once the clock reads {@code due} or later (at once if it already does).
   *
   * @return false, and nothing is scheduled, when {@code capacity} tasks already wait or the
   *     scheduler is closed
   */
  public synchronized boolean at(Instant due, Runnable task) {
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(task, "task");
    if (closed || tasks.size() >= capacity) {
      return false;
    }
    tasks.add(new Task(due, order.incrementAndGet(), task));
    notifyAll();
    return true;
  }

  /** How many tasks wait. */
  public synchronized int waiting() {
    return tasks.size();
  }

  private void loop() {
    while (true) {
      Task next;
      synchronized (this) {
        while (!closed && tasks.isEmpty()) {
          try {
            wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        if (closed) {
          return;
        }
        Task head = tasks.peek();
        if (head.due.isAfter(clock.instant())) {
          try {
            wait(TICK_MILLIS);
          } catch (InterruptedException e) {
            return;
          }
          continue;
        }
        next = tasks.poll();
      }
      try {
        next.run.run();
      } catch (RuntimeException e) {
        LOG.error("A scheduled task failed", e);
      }
    }
  }

  /** Stops the thread; waiting tasks are dropped. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      tasks.clear();
      notifyAll();
    }
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
