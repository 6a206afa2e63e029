package io.dccsim.smki.repository;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records read by key, kept for the next read, for a store only this process writes (an embedded H2
 * database): every write through the store forgets what is kept, so a read never returns what a
 * committed write has replaced. A read that ran while any write committed is not kept, since it may
 * have seen the state before. Bounded: when full, everything is forgotten and it fills again.
 * Absent records are kept too (as empty), so a miss costs one read as well.
 *
 * @param <K> the key
 * @param <V> the record
 */
final class ReadCache<K, V> {
  /** A cache that keeps nothing: every read goes to the store (for stores shared by processes). */
  static <K, V> ReadCache<K, V> none() {
    return new ReadCache<>(0);
  }

  @FunctionalInterface
  interface Loader<V> {
    Optional<V> load();
  }

  private final int capacity;
  private final ConcurrentHashMap<K, Optional<V>> held = new ConcurrentHashMap<>();
  private final AtomicLong writes = new AtomicLong();

  /** A cache of at most {@code capacity} records; 0 keeps none. */
  ReadCache(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity " + capacity);
    }
    this.capacity = capacity;
  }

  /** The record kept for {@code key}, else what {@code loader} reads (kept if no write ran). */
  Optional<V> get(K key, Loader<V> loader) {
    if (capacity == 0) {
      return loader.load();
    }
    Optional<V> kept = held.get(key);
    if (kept != null) {
      return kept;
    }
    long before = writes.get();
    Optional<V> read = loader.load();
    if (writes.get() == before) {
      if (held.size() >= capacity) {
        held.clear();
      }
      held.put(key, read);
      if (writes.get() != before) {
        held.remove(key); // a write committed meanwhile: what was read may be stale
      }
    }
    return read;
  }

  /**
   * Called after every write through the store, committed or not (forgetting too much is harmless):
   * everything kept is forgotten. Writes are rare beside reads here, so forgetting all keeps this
   * simple.
   */
  void changed() {
    writes.incrementAndGet();
    held.clear();
  }

  /** How many records are kept, for tests. */
  int size() {
    return held.size();
  }
}
