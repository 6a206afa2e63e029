package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** An {@link OutboxStore} in memory: nothing it holds outlives the process. */
public final class InMemoryOutboxStore implements OutboxStore {
  private final TreeMap<Long, Entry> entries = new TreeMap<>();
  private final Map<Eui64, String> urls = new LinkedHashMap<>();
  private long last;

  private static Instant ms(Instant i) {
    return i.truncatedTo(ChronoUnit.MILLIS);
  }

  @Override
  public synchronized long append(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      Instant firstAttempt) {
    Instant at = ms(accepted);
    Instant first = ms(firstAttempt);
    long seq = ++last;
    entries.put(
        seq,
        new Entry(
            seq,
            user,
            kind,
            requestId,
            responseCode,
            document,
            at,
            0,
            first,
            Optional.empty(),
            Optional.empty()));
    return seq;
  }

  @Override
  public synchronized boolean delivered(long sequence) {
    return entries.remove(sequence) != null;
  }

  @Override
  public synchronized boolean failedAttempt(
      long sequence, int attempts, Instant nextAttempt, String error) {
    Objects.requireNonNull(error, "error");
    return replacePending(
        sequence, e -> with(e, attempts, ms(nextAttempt), Optional.of(error), Optional.empty()));
  }

  @Override
  public synchronized boolean deadLetter(long sequence, int attempts, Instant when, String error) {
    Objects.requireNonNull(error, "error");
    return replacePending(
        sequence, e -> with(e, attempts, ms(when), Optional.of(error), Optional.of(ms(when))));
  }

  private boolean replacePending(long sequence, java.util.function.UnaryOperator<Entry> change) {
    Entry e = entries.get(sequence);
    if (e == null || e.isDead()) {
      return false;
    }
    entries.put(sequence, change.apply(e));
    return true;
  }

  private static Entry with(
      Entry e, int attempts, Instant next, Optional<String> error, Optional<Instant> dead) {
    return new Entry(
        e.sequence(),
        e.user(),
        e.kind(),
        e.requestId(),
        e.responseCode(),
        e.document(),
        e.accepted(),
        attempts,
        next,
        error,
        dead);
  }

  @Override
  public synchronized Optional<Entry> find(long sequence) {
    return Optional.ofNullable(entries.get(sequence));
  }

  @Override
  public synchronized List<Entry> pending() {
    return select(e -> !e.isDead(), Integer.MAX_VALUE);
  }

  @Override
  public synchronized List<Entry> pending(Eui64 user, int limit) {
    return select(e -> !e.isDead() && e.user().equals(user), Math.min(limit, MAX_LIST));
  }

  @Override
  public synchronized List<Entry> dead(int limit) {
    return select(Entry::isDead, Math.min(limit, MAX_LIST));
  }

  @Override
  public synchronized List<Entry> dead(Eui64 user, int limit) {
    return select(e -> e.isDead() && e.user().equals(user), Math.min(limit, MAX_LIST));
  }

  private List<Entry> select(Predicate<Entry> which, int limit) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (which.test(e)) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public synchronized long countPending() {
    return entries.values().stream().filter(e -> !e.isDead()).count();
  }

  @Override
  public synchronized long countDead() {
    return entries.values().stream().filter(Entry::isDead).count();
  }

  @Override
  public synchronized Optional<Entry> redrive(long sequence, Instant now) {
    Entry e = entries.get(sequence);
    if (e == null || !e.isDead()) {
      return Optional.empty();
    }
    Entry again = with(e, 0, ms(now), e.lastError(), Optional.empty());
    entries.put(sequence, again);
    return Optional.of(again);
  }

  @Override
  public synchronized int dropDead(Optional<Instant> before) {
    int dropped = 0;
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.isDead() && (before.isEmpty() || !e.dead().get().isAfter(ms(before.get())))) {
        it.remove();
        dropped++;
      }
    }
    return dropped;
  }

  @Override
  public synchronized Map<Eui64, String> receiveUrls() {
    return Map.copyOf(urls);
  }

  @Override
  public synchronized void receiveUrl(Eui64 user, Optional<String> url) {
    Objects.requireNonNull(user, "user");
    if (url.isPresent()) {
      urls.put(user, url.get());
    } else {
      urls.remove(user);
    }
  }

  @Override
  public synchronized void clear() {
    entries.clear();
    urls.clear();
  }
}
