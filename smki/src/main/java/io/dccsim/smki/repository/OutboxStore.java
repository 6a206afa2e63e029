package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulator's outbox, kept in the same store as the certificates so that nothing accepted for
 * delivery is lost on a restart: the documents the DCC sends a User later, each pending until it is
 * delivered (and then forgotten) or, once every attempt failed, a dead letter until it is dropped
 * or driven again; and each User's registered receiving URL.
 *
 * <p>Implementations (in-memory, H2, PostgreSQL) pass one contract suite. Every method is
 * thread-safe, and a method that returns normally has made its change durable. Instants are kept to
 * the millisecond. Sequences are positive, increase, and are never handed out twice by one store.
 */
public interface OutboxStore {

  /** The most entries one listing returns, whatever limit is asked for. */
  int MAX_LIST = 10_000;

  /**
   * One message held.
   *
   * @param sequence its sequence number
   * @param user the User it is for
   * @param kind what it is (e.g. {@code RESPONSE}), at most 20 characters
   * @param requestId the RequestID it answers, if any
   * @param responseCode the response or alert code it carries
   * @param document the document to post
   * @param accepted when it was accepted
   * @param attempts how many delivery attempts failed so far
   * @param nextAttempt when it is next to be attempted (for a dead letter: when it died)
   * @param lastError what went wrong at the last failed attempt
   * @param dead when it became a dead letter; empty while pending
   */
  record Entry(
      long sequence,
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      int attempts,
      Instant nextAttempt,
      Optional<String> lastError,
      Optional<Instant> dead) {

    /** Validates and copies. */
    public Entry {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(requestId, "requestId");
      Objects.requireNonNull(responseCode, "responseCode");
      document = document.clone();
      Objects.requireNonNull(accepted, "accepted");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
      Objects.requireNonNull(lastError, "lastError");
      Objects.requireNonNull(dead, "dead");
    }

    /** A copy of the document. */
    @Override
    public byte[] document() {
      return document.clone();
    }

    /** Whether it is a dead letter. */
    public boolean isDead() {
      return dead.isPresent();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e
          && e.sequence == sequence
          && e.user.equals(user)
          && e.kind.equals(kind)
          && e.requestId.equals(requestId)
          && e.responseCode.equals(responseCode)
          && Arrays.equals(e.document, document)
          && e.accepted.equals(accepted)
          && e.attempts == attempts
          && e.nextAttempt.equals(nextAttempt)
          && e.lastError.equals(lastError)
          && e.dead.equals(dead);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(sequence);
    }

    @Override
    public String toString() {
      return "Entry["
          + sequence
          + " "
          + kind
          + " for "
          + user
          + ", attempts "
          + attempts
          + (dead.isPresent() ? ", dead since " + dead.get() : ", next " + nextAttempt)
          + "]";
    }
  }

  /**
   * Keeps a new pending message, due at once ({@code nextAttempt = accepted}, no attempt yet).
   *
   * @return its sequence number
   */
  default long append(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted) {
    return append(user, kind, requestId, responseCode, document, accepted, accepted);
  }

  /**
   * Keeps a new pending message, first to be attempted at {@code firstAttempt} (its {@code
   * nextAttempt}, with no attempt yet), kept durably before this returns.
   *
   * @return its sequence number
   */
  long append(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      Instant firstAttempt);

  /**
   * A message appended: its sequence number, and a future completed once it is kept durably (at
   * once for a store that keeps it durably before {@code append} returns).
   *
   * @param sequence the message's sequence number
   * @param durable completed once the message outlives a crash of the process or machine
   */
  record Appended(long sequence, java.util.concurrent.CompletableFuture<Void> durable) {
    /** Validates. */
    public Appended {
      Objects.requireNonNull(durable, "durable");
    }
  }

  /**
   * Keeps a new pending message as {@link #append(Eui64, String, Optional, String, byte[], Instant,
   * Instant)} does, but may return before it is written: it has its sequence number, this store's
   * reads and changes already see it, and {@link Appended#durable()} completes once it is kept (or
   * fails if it could not be). The caller waits for that before telling anyone it is kept, without
   * holding a thread meanwhile.
   */
  default Appended appendAsync(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      Instant firstAttempt) {
    return new Appended(
        append(user, kind, requestId, responseCode, document, accepted, firstAttempt),
        java.util.concurrent.CompletableFuture.completedFuture(null));
  }

  /**
   * Forgets a message that was delivered.
   *
   * @return whether it was held
   */
  boolean delivered(long sequence);

  /**
   * Forgets a message that was delivered, soon: a store may gather these and forget them together,
   * not forced to disk. Until then, and after a crash before, the message may still be held (and so
   * be delivered again after a restart; never lost). {@link #flush()} forgets every one asked.
   */
  default void forgetDelivered(long sequence) {
    delivered(sequence);
  }

  /** Forgets now every delivered message {@link #forgetDelivered} was told of. */
  default void flush() {}

  /**
   * Records a failed attempt of a pending message: how many attempts have failed, when the next is
   * due and what went wrong.
   *
   * @return whether a pending message {@code sequence} was held
   */
  boolean failedAttempt(long sequence, int attempts, Instant nextAttempt, String error);

  /**
   * Makes a pending message a dead letter after its last failed attempt.
   *
   * @return whether a pending message {@code sequence} was held
   */
  boolean deadLetter(long sequence, int attempts, Instant when, String error);

  /** One message, pending or dead. */
  Optional<Entry> find(long sequence);

  /** Every pending message, in sequence order (to resume delivery at a start). */
  List<Entry> pending();

  /** Up to {@code limit} (at most {@link #MAX_LIST}) pending messages of one User, by sequence. */
  List<Entry> pending(Eui64 user, int limit);

  /** Up to {@code limit} (at most {@link #MAX_LIST}) dead letters, by sequence. */
  List<Entry> dead(int limit);

  /** Up to {@code limit} (at most {@link #MAX_LIST}) dead letters of one User, by sequence. */
  List<Entry> dead(Eui64 user, int limit);

  /** How many messages are pending. */
  long countPending();

  /** How many dead letters are held. */
  long countDead();

  /**
   * Makes a dead letter pending again, with no failed attempt and due at {@code now}.
   *
   * @return the message as now held, or empty when no dead letter {@code sequence} is held
   */
  Optional<Entry> redrive(long sequence, Instant now);

  /**
   * Drops the dead letters that died at or before {@code before}, or every one when empty.
   *
   * @return how many were dropped
   */
  int dropDead(Optional<Instant> before);

  /** Every User's registered receiving URL. */
  Map<Eui64, String> receiveUrls();

  /** Registers a User's receiving URL (replacing any earlier one), or forgets it when empty. */
  void receiveUrl(Eui64 user, Optional<String> url);

  /** Forgets every message and URL (sequences keep counting up). */
  void clear();
}
