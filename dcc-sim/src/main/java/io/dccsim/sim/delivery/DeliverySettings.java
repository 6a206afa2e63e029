package io.dccsim.sim.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ResponseDelivery} delivers: the retry schedule on the simulated clock, the bounds and
 * the HTTP timeouts (the timeouts are real time).
 *
 * <p>A message is attempted at once; after the {@code n}-th failed attempt the next is due {@code
 * firstRetry * 2^(n-1)} of simulated time later (30 s, 60 s, 120 s, 240 s by default, so the first
 * retry comes well within the 300 s the DCC promises), and after {@code attempts} failed attempts
 * the message becomes a dead letter, held for {@code deadLetterRetention} of simulated time.
 *
 * @param firstRetry the wait after the first failed attempt, doubling after each later one
 * @param attempts how many attempts in all before a message becomes a dead letter (1 to 100)
 * @param connectTimeout how long connecting to a receiver may take
 * @param responseTimeout how long a receiver may take to answer
 * @param capacity the most pending messages in all ({@link OutboxFullException} beyond)
 * @param perUserCapacity the most pending messages of one User
 * @param deadLetterRetention how long a dead letter is held before it is dropped
 * @param concurrency how many deliveries (to different Users) may be in flight at once
 */
public record DeliverySettings(
    Duration firstRetry,
    int attempts,
    Duration connectTimeout,
    Duration responseTimeout,
    int capacity,
    int perUserCapacity,
    Duration deadLetterRetention,
    int concurrency) {

  /** The default wait before the first retry. */
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(30);

  /** The default number of attempts. */
  public static final int DEFAULT_ATTEMPTS = 5;

  /** How long the DCC holds a failed device alert: two days. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(2);

  /** Validates. */
  public DeliverySettings {
    positive(firstRetry, "firstRetry");
    positive(connectTimeout, "connectTimeout");
    positive(responseTimeout, "responseTimeout");
    positive(deadLetterRetention, "deadLetterRetention");
    if (attempts < 1 || attempts > 100) {
      throw new IllegalArgumentException("Delivery attempts: 1 to 100, not " + attempts);
    }
    if (capacity < 1 || perUserCapacity < 1 || perUserCapacity > capacity) {
      throw new IllegalArgumentException(
          "Delivery bounds: 1 <= per User <= total, not " + perUserCapacity + " / " + capacity);
    }
    if (concurrency < 1 || concurrency > 256) {
      throw new IllegalArgumentException("Delivery concurrency: 1 to 256, not " + concurrency);
    }
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /**
   * The defaults: first retry after 30 s, 5 attempts, connect 2 s, response 5 s, 10,000 pending
   * (1,000 per User), dead letters held 2 days, 8 deliveries in flight.
   */
  public static DeliverySettings defaults() {
    return new DeliverySettings(
        DEFAULT_FIRST_RETRY,
        DEFAULT_ATTEMPTS,
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        10_000,
        1_000,
        DEFAULT_RETENTION,
        8);
  }

  /** With another retry schedule. */
  public DeliverySettings withRetries(Duration firstRetry, int attempts) {
    return new DeliverySettings(
        firstRetry,
        attempts,
        connectTimeout,
        responseTimeout,
        capacity,
        perUserCapacity,
        deadLetterRetention,
        concurrency);
  }

  /** With other HTTP timeouts. */
  public DeliverySettings withTimeouts(Duration connectTimeout, Duration responseTimeout) {
    return new DeliverySettings(
        firstRetry,
        attempts,
        connectTimeout,
        responseTimeout,
        capacity,
        perUserCapacity,
        deadLetterRetention,
        concurrency);
  }

  /** With other bounds. */
  public DeliverySettings withCapacity(int capacity, int perUserCapacity) {
    return new DeliverySettings(
        firstRetry,
        attempts,
        connectTimeout,
        responseTimeout,
        capacity,
        perUserCapacity,
        deadLetterRetention,
        concurrency);
  }

  /** With another dead-letter retention. */
  public DeliverySettings withDeadLetterRetention(Duration retention) {
    return new DeliverySettings(
        firstRetry,
        attempts,
        connectTimeout,
        responseTimeout,
        capacity,
        perUserCapacity,
        retention,
        concurrency);
  }

  /** The wait after the {@code failed}-th failed attempt (1 for the first). */
  public Duration backoff(int failed) {
    int doublings = Math.min(Math.max(failed - 1, 0), 30);
    return firstRetry.multipliedBy(1L << doublings);
  }
}
