package io.dccsim.sim.journal;

import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.ExchangeListener;
import io.dccsim.sim.spi.RequestFacts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A bounded record of the simulator's exchanges, with verification in the test's words:
 *
 * <pre>{@code
 * journal.verify(exactly(2), wanMatrixRequests().forPostcode("M22 0RR").from(supplierEui));
 * }</pre>
 *
 * <p>A ring buffer: once {@link #capacity()} exchanges are held, each new one evicts the oldest and
 * the eviction is counted. A verification that could be about an evicted exchange fails loudly
 * rather than count what is left; narrow it with {@link ExchangePattern#receivedSince} or {@link
 * ExchangePattern#afterSequence}, or make the journal larger.
 *
 * <p>The server reports an exchange just before writing its answer, so a client holding an answer
 * finds its exchange here. Requests still in flight (another thread's, or one held by a delay) are
 * not yet here: when too few exchanges match, {@link #verify} waits up to the journal's settle time
 * (default {@link #DEFAULT_SETTLE}) for more to be recorded before it fails; a verification that
 * passes, or fails by too many, answers at once.
 *
 * <p>Thread-safe. Recording takes a short lock and does constant work; queries copy under the same
 * lock and filter outside it.
 */
public final class RequestJournal implements ExchangeListener {
  /** The capacity used when none is given. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** The largest capacity accepted, to keep memory bounded. */
  public static final int MAX_CAPACITY = 1_000_000;

  /** How long {@link #verify} waits for late exchanges when too few match, unless told. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(2);

  private static final int NEAR_MISSES_SHOWN = 5;
  private static final int MATCHES_SHOWN = 10;

  private final Object lock = new Object();
  private final Exchange[] ring;
  private final Duration settle;
  private int head; // index of the oldest retained entry
  private int size;
  private long recorded;
  private long evicted;
  private long evictedSinceClear;
  private long newestEvictedSequence = -1;
  private Instant newestEvictedReceivedAt;

  /** A journal holding up to {@link #DEFAULT_CAPACITY} exchanges. */
  public RequestJournal() {
    this(DEFAULT_CAPACITY);
  }

  /** A journal holding up to {@code capacity} exchanges (1..{@link #MAX_CAPACITY}). */
  public RequestJournal(int capacity) {
    this(capacity, DEFAULT_SETTLE);
  }

  /**
   * A journal holding up to {@code capacity} exchanges, whose verifications wait up to {@code
   * settle} for late exchanges when too few match ({@link Duration#ZERO} never waits).
   */
  public RequestJournal(int capacity, Duration settle) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "A journal capacity is 1.." + MAX_CAPACITY + ", not " + capacity);
    }
    Objects.requireNonNull(settle, "settle");
    if (settle.isNegative()) {
      throw new IllegalArgumentException("A settle time is not negative: " + settle);
    }
    this.ring = new Exchange[capacity];
    this.settle = settle;
  }

  /** How many exchanges this journal retains at most. */
  public int capacity() {
    return ring.length;
  }

  @Override
  public void onExchange(Exchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    synchronized (lock) {
      recorded++;
      lock.notifyAll(); // wakes verifications waiting for late exchanges
      if (size < ring.length) {
        ring[(head + size) % ring.length] = exchange;
        size++;
        return;
      }
      Exchange dropped = ring[head];
      ring[head] = exchange;
      head = (head + 1) % ring.length;
      evicted++;
      evictedSinceClear++;
      newestEvictedSequence = Math.max(newestEvictedSequence, dropped.sequence());
      if (newestEvictedReceivedAt == null
          || dropped.receivedAt().isAfter(newestEvictedReceivedAt)) {
        newestEvictedReceivedAt = dropped.receivedAt();
      }
    }
  }

  /** Forgets every retained exchange. Lifetime counters are kept; eviction tracking restarts. */
  public void clear() {
    synchronized (lock) {
      java.util.Arrays.fill(ring, null);
      head = 0;
      size = 0;
      evictedSinceClear = 0;
      newestEvictedSequence = -1;
      newestEvictedReceivedAt = null;
    }
  }

  /** The retained exchanges, oldest first. */
  public List<Exchange> entries() {
    synchronized (lock) {
      List<Exchange> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(ring[(head + i) % ring.length]);
      }
      return out;
    }
  }

  /**
   * What a follower of the journal has not seen yet: the retained exchanges recorded after the
   * first {@code mark} the journal ever recorded, oldest first, at most the newest {@code max} of
   * them. Start with mark 0; pass the {@link Followed#mark()} returned to the next call.
   */
  public Followed follow(long mark, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max is not negative: " + max);
    }
    synchronized (lock) {
      long fresh = Math.max(0, recorded - mark);
      int n = (int) Math.min(Math.min(fresh, size), max);
      List<Exchange> out = new ArrayList<>(n);
      for (int i = size - n; i < size; i++) {
        out.add(ring[(head + i) % ring.length]);
      }
      return new Followed(List.copyOf(out), recorded, fresh - n);
    }
  }

  /**
   * The answer to {@link #follow}.
   *
   * @param exchanges the exchanges not seen yet, oldest first
   * @param mark how many exchanges the journal has recorded: the mark to follow from next
   * @param skipped how many recorded since the mark are not in {@code exchanges} (beyond {@code
   *     max}, evicted or cleared)
   */
  public record Followed(List<Exchange> exchanges, long mark, long skipped) {}

  /** The retained exchanges matching {@code pattern}, oldest first. */
  public List<Exchange> find(ExchangePattern pattern) {
    Objects.requireNonNull(pattern, "pattern");
    List<Exchange> out = new ArrayList<>();
    for (Exchange e : entries()) {
      if (pattern.matches(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** How many retained exchanges match {@code pattern} (see {@link #verify} for certainty). */
  public int count(ExchangePattern pattern) {
    return find(pattern).size();
  }

  /** The counters at this moment. */
  public JournalStatistics statistics() {
    synchronized (lock) {
      return new JournalStatistics(
          ring.length,
          size,
          recorded,
          evicted,
          evictedSinceClear,
          size == 0 ? Optional.empty() : Optional.of(ring[head].sequence()),
          newestEvictedSequence < 0 ? Optional.empty() : Optional.of(newestEvictedSequence),
          Optional.ofNullable(newestEvictedReceivedAt));
    }
  }

  /**
   * Why the journal cannot answer for {@code pattern} with certainty, when it cannot: exchanges
   * evicted since the last clear fall inside the pattern's window.
   */
  public Optional<String> evictionProblem(ExchangePattern pattern) {
    return evictionProblem(pattern, statistics());
  }

  /**
   * Checks that the number of exchanges matching {@code pattern} is acceptable.
   *
   * @return the matching exchanges, oldest first, for further assertions
   * @throws JournalVerificationError when the count is wrong (listing near misses), or when evicted
   *     exchanges could have matched
   */
  public List<Exchange> verify(ExpectedCount expected, ExchangePattern pattern) {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(pattern, "pattern");
    long deadline = System.nanoTime() + settle.toNanos(); // elapsed time, not domain time
    while (true) {
      List<Exchange> all;
      JournalStatistics stats;
      synchronized (lock) {
        all = entries();
        stats = statistics();
      }
      Optional<String> problem = evictionProblem(pattern, stats);
      if (problem.isPresent()) {
        throw new JournalVerificationError(
            "Cannot verify " + expected + " " + pattern.describe() + ": " + problem.get(), true);
      }
      List<Exchange> matched = new ArrayList<>();
      List<NearMiss> misses = new ArrayList<>();
      for (Exchange e : all) {
        List<String> why = pattern.mismatches(e);
        if (why.isEmpty()) {
          matched.add(e);
        } else {
          misses.add(new NearMiss(e, why));
        }
      }
      if (expected.accepts(matched.size())) {
        return matched;
      }
      if (matched.size() > expected.max() || !awaitNewer(stats.recorded(), deadline)) {
        throw new JournalVerificationError(
            failure(expected, pattern, matched, misses, stats), false);
      }
    }
  }

  /** Waits until more than {@code seen} exchanges were recorded; false when the deadline passed. */
  private boolean awaitNewer(long seen, long deadline) {
    synchronized (lock) {
      while (recorded <= seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(lock, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  private static Optional<String> evictionProblem(
      ExchangePattern pattern, JournalStatistics stats) {
    if (stats.evictedSinceClear() == 0) {
      return Optional.empty();
    }
    long newestSeq = stats.newestEvictedSequence().orElse(-1L);
    if (pattern.sequenceFloor() >= newestSeq) {
      return Optional.empty();
    }
    Instant newestAt = stats.newestEvictedReceivedAt().orElse(null);
    if (newestAt != null && pattern.since().map(s -> s.isAfter(newestAt)).orElse(false)) {
      return Optional.empty();
    }
    return Optional.of(
        stats.evictedSinceClear()
            + " exchange(s) were evicted from the journal (capacity "
            + stats.capacity()
            + ") up to sequence "
            + newestSeq
            + ", received up to "
            + newestAt
            + "; the oldest retained is sequence "
            + stats.oldestRetainedSequence().map(String::valueOf).orElse("(none)")
            + ". Some of them could match. Narrow the window with receivedSince(...) after "
            + newestAt
            + " or afterSequence("
            + newestSeq
            + "), clear the journal between steps, or give it a larger capacity.");
  }

  private static String failure(
      ExpectedCount expected,
      ExchangePattern pattern,
      List<Exchange> matched,
      List<NearMiss> misses,
      JournalStatistics stats) {
    StringBuilder b = new StringBuilder();
    b.append("Expected ")
        .append(expected)
        .append(' ')
        .append(pattern.describe())
        .append(" but found ")
        .append(matched.size())
        .append(" (journal retains ")
        .append(stats.retained())
        .append(" of ")
        .append(stats.recorded())
        .append(" exchange(s)).");
    if (!matched.isEmpty()) {
      b.append("\nMatched:");
      matched.stream().limit(MATCHES_SHOWN).forEach(e -> b.append("\n  ").append(summary(e)));
      if (matched.size() > MATCHES_SHOWN) {
        b.append("\n  ... and ").append(matched.size() - MATCHES_SHOWN).append(" more");
      }
    }
    if (!misses.isEmpty()) {
      b.append("\nNear misses:");
      misses.stream()
          .sorted(
              Comparator.comparingInt((NearMiss m) -> m.why().size())
                  .thenComparing(m -> -m.exchange().sequence()))
          .limit(NEAR_MISSES_SHOWN)
          .forEach(
              m ->
                  b.append("\n  ")
                      .append(summary(m.exchange()))
                      .append("\n      ")
                      .append(String.join("; ", m.why())));
    } else if (matched.isEmpty()) {
      b.append("\nThe journal holds no exchanges.");
    }
    return b.toString();
  }

  /** A one-line summary of an exchange, as used in failure messages. */
  public static String summary(Exchange e) {
    StringBuilder b = new StringBuilder();
    b.append('#').append(e.sequence()).append(' ').append(e.receivedAt()).append(' ');
    b.append(e.path());
    Optional<RequestFacts> facts = e.facts();
    if (facts.isPresent()) {
      RequestFacts f = facts.get();
      f.serviceReference().ifPresent(sr -> b.append(" SR ").append(sr));
      f.postcode().ifPresent(p -> b.append(" postcode ").append(p));
      f.uprn().ifPresent(u -> b.append(" UPRN ").append(u));
      f.originator().ifPresent(o -> b.append(" from ").append(o));
    }
    b.append(" -> ").append(e.verdict());
    e.responseCode().ifPresent(c -> b.append(' ').append(c));
    b.append(" (HTTP ").append(e.httpStatus()).append(')');
    return b.toString();
  }

  private record NearMiss(Exchange exchange, List<String> why) {}
}
