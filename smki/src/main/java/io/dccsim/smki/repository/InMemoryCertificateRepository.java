package io.dccsim.smki.repository;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * A {@link CertificateRepository} held in memory: for tests and for short-lived simulators that
 * need no persistence. Nothing survives {@link #close()} or the end of the JVM.
 *
 * <p>One read-write lock guards the state. Writers append to the change feed under the write lock,
 * so sequence order is the order in which changes became visible. A scan takes a snapshot of the
 * records under the read lock and delivers it without holding any lock, so a sink may call back
 * into the repository. The snapshot holds references to records already in memory, never copies.
 */
public final class InMemoryCertificateRepository implements CertificateRepository {

  /** The largest page {@link #changesAfter} returns, whatever limit is asked for. */
  public static final int MAX_CHANGES_PAGE = 10_000;

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final NavigableMap<BigInteger, CertificateRecord> bySerial = new TreeMap<>();
  private final List<CertificateChange> changes = new ArrayList<>();
  private final Map<CertificateStatus, Long> statusCounts = new HashMap<>();
  private boolean closed;

  /** An empty repository. */
  public InMemoryCertificateRepository() {}

  @Override
  public CertificateRecord add(CertificateRecord record) {
    Objects.requireNonNull(record, "record");
    lock.writeLock().lock();
    try {
      ensureOpen();
      return insert(record);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public int addAll(List<CertificateRecord> records) {
    List<CertificateRecord> copy = List.copyOf(records);
    lock.writeLock().lock();
    try {
      ensureOpen();
      int added = 0;
      for (CertificateRecord r : copy) {
        if (!bySerial.containsKey(r.serial())) {
          insert(r);
          added++;
        }
      }
      return added;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private CertificateRecord insert(CertificateRecord record) {
    CertificateRecord held = bySerial.putIfAbsent(record.serial(), record);
    if (held != null) {
      return held;
    }
    statusCounts.merge(record.status(), 1L, Long::sum);
    append(CertificateChange.Type.ADDED, record);
    return record;
  }

  private void append(CertificateChange.Type type, CertificateRecord record) {
    changes.add(new CertificateChange(changes.size() + 1L, type, record));
  }

  @Override
  public Optional<CertificateRecord> findBySerial(BigInteger serial) {
    Objects.requireNonNull(serial, "serial");
    lock.readLock().lock();
    try {
      ensureOpen();
      return Optional.ofNullable(bySerial.get(serial));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<CertificateRecord> findByIssuerAndSerial(String issuer, BigInteger serial) {
    Objects.requireNonNull(issuer, "issuer");
    return findBySerial(serial).filter(r -> IssuerName.same(r.issuer(), issuer));
  }

  @Override
  public List<CertificateRecord> search(CertificateQuery query) {
    Objects.requireNonNull(query, "query");
    lock.readLock().lock();
    try {
      ensureOpen();
      List<CertificateRecord> found = new ArrayList<>();
      for (CertificateRecord r : bySerial.values()) {
        if (query.matches(r)) {
          found.add(r);
          if (found.size() == query.limit()) {
            break;
          }
        }
      }
      return List.copyOf(found);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<CertificateRecord> changeStatus(
      BigInteger serial, CertificateStatus status, Instant when) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(when, "when");
    lock.writeLock().lock();
    try {
      ensureOpen();
      CertificateRecord held = bySerial.get(serial);
      if (held == null || held.status() == status) {
        return Optional.ofNullable(held);
      }
      CertificateRecord changed = held.withStatus(status, when);
      bySerial.put(serial, changed);
      statusCounts.merge(held.status(), -1L, Long::sum);
      statusCounts.merge(status, 1L, Long::sum);
      append(CertificateChange.Type.STATUS_CHANGED, changed);
      return Optional.of(changed);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<CertificateChange> changesAfter(long afterSequence, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    lock.readLock().lock();
    try {
      ensureOpen();
      // Sequence n sits at index n - 1.
      long from = Math.max(0, afterSequence);
      if (from >= changes.size()) {
        return List.of();
      }
      int to = (int) Math.min(changes.size(), from + Math.min(limit, MAX_CHANGES_PAGE));
      return List.copyOf(changes.subList((int) from, to));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long lastSequence() {
    lock.readLock().lock();
    try {
      ensureOpen();
      return changes.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long scan(Consumer<CertificateRecord> sink) {
    Objects.requireNonNull(sink, "sink");
    Collection<CertificateRecord> snapshot;
    lock.readLock().lock();
    try {
      ensureOpen();
      snapshot = List.copyOf(bySerial.values());
    } finally {
      lock.readLock().unlock();
    }
    long delivered = 0;
    for (CertificateRecord r : snapshot) {
      sink.accept(r);
      delivered++;
    }
    return delivered;
  }

  @Override
  public long count() {
    lock.readLock().lock();
    try {
      ensureOpen();
      return bySerial.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public long count(CertificateStatus status) {
    Objects.requireNonNull(status, "status");
    lock.readLock().lock();
    try {
      ensureOpen();
      return statusCounts.getOrDefault(status, 0L);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The repository is closed");
    }
  }
}
