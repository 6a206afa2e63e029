package io.dccsim.sim.delivery.internal;

import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.Outbox;
import io.dccsim.sim.delivery.OutboxFullException;
import io.dccsim.sim.schedule.SimulatedScheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox that does not keep messages for later (one a test gives the simulator) behind a timer:
 * a message due later is handed over when the simulated clock reaches its time, kept in memory
 * until then.
 */
public final class TimedOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(TimedOutbox.class);
  private final Outbox inner;
  private final SimulatedScheduler timer;
  private final Clock clock;

  /** {@code inner} fed by {@code timer}, running on {@code clock}. */
  public TimedOutbox(Outbox inner, SimulatedScheduler timer, Clock clock) {
    this.inner = Objects.requireNonNull(inner, "inner");
    this.timer = Objects.requireNonNull(timer, "timer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public long enqueue(OutboundMessage message) {
    return inner.enqueue(message);
  }

  /**
   * Hands {@code message} over at {@code due}.
   *
   * @return its sequence number when handed over at once, else 0
   * @throws OutboxFullException when the timer holds as many as it is bounded to
   */
  @Override
  public long enqueue(OutboundMessage message, Instant due) {
    if (!due.isAfter(clock.instant())) {
      return inner.enqueue(message);
    }
    if (!timer.at(due, () -> handOver(message))) {
      throw new OutboxFullException("the messages waiting for their time are at their bound");
    }
    return 0;
  }

  /** As {@link #enqueue(OutboundMessage, Instant)}, kept as the inner outbox keeps it. */
  @Override
  public java.util.concurrent.CompletableFuture<Long> enqueueKept(
      OutboundMessage message, Instant due) {
    if (!due.isAfter(clock.instant())) {
      return inner.enqueueKept(message, due);
    }
    return java.util.concurrent.CompletableFuture.completedFuture(enqueue(message, due));
  }

  private void handOver(OutboundMessage message) {
    try {
      inner.enqueue(message);
    } catch (RuntimeException e) {
      LOG.warn(
          "The {} {} for {} could not be queued: {}",
          message.kind(),
          message.responseCode(),
          message.user(),
          e.getMessage());
    }
  }
}
