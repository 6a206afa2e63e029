package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The {@link OutboxStore} of a {@link JdbcCertificateRepository}: tables {@code duis_outbox},
 * {@code duis_outbox_sequence} and {@code duis_receive_url} in the same database (and the sequence
 * {@code duis_outbox_seq} on PostgreSQL).
 *
 * <p>New messages and delivered ones to forget are written by one writer thread, in order, many to
 * a transaction: whatever was queued while the last transaction ran goes in the next (at most
 * {@value #WRITE_BATCH} messages), so that the request threads neither queue for connections nor
 * pay a commit each. Sequence numbers are reserved in blocks ({@value #SEQUENCE_BLOCK} at a time,
 * from {@code duis_outbox_seq} on PostgreSQL and the row of {@code duis_outbox_sequence} on H2), so
 * a message has its number before it is written and numbers are handed out once even between
 * processes sharing a PostgreSQL database; a block not used up before a stop leaves a gap. Every
 * other write and every read first waits for the messages queued before it, so the store reads as
 * if each append had been written at once.
 *
 * <p>On H2 file stores that sync each write, a transaction of new messages, a redrive, a dead
 * letter or a change of URL is forced to disk ({@code CHECKPOINT SYNC}) before it counts as kept;
 * the writer's one sync serves every message of its transaction (group commit). Forgetting a
 * delivered message and counting a failed attempt are not forced: after a crash they may be undone,
 * and the message is then delivered again or its attempt repeated, never lost.
 */
final class JdbcOutboxStore implements OutboxStore {
  private static final String COLUMNS =
      "seq, user_eui, kind, request_id, response_code, document, accepted_epoch_milli, attempts,"
          + " next_attempt_epoch_milli, last_error, dead_epoch_milli";

  /** The longest error kept; longer ones are cut. */
  static final int MAX_ERROR = 500;

  private final JdbcDeviceInventory.Connections connections;
  private final Runnable ensureOpen;
  private final boolean syncWrites;
  private final boolean sequenceObject;

  /** The most new messages written in one transaction. */
  static final int WRITE_BATCH = 256;

  /** The most delivered messages forgotten in one transaction. */
  private static final int FORGET_BATCH = 512;

  /** How many sequence numbers are reserved at a time. */
  static final int SEQUENCE_BLOCK = 128;

  private static final String INSERT =
      "INSERT INTO duis_outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL)";

  /** A new message waiting for the writer. */
  private record Queued(
      long seq,
      Eui64 user,
      String kind,
      String requestId,
      String responseCode,
      byte[] document,
      long accepted,
      long firstAttempt,
      CompletableFuture<Void> durable) {}

  /** A delivered message waiting for the writer to forget it. */
  private record Forget(long seq) {}

  /** Completed once the writer has written everything queued before it. */
  private record Barrier(CompletableFuture<Void> passed) {}

  // guarded by queueLock: what the writer has still to write (Queued, Forget, Barrier), in order,
  // and whether it is running. Bounded by the outbox above, which bounds the pending messages.
  private final Object queueLock = new Object();
  private final java.util.ArrayDeque<Object> queue = new java.util.ArrayDeque<>();
  private boolean writing;

  // guarded by sequenceLock: the reserved sequence numbers not yet handed out
  private final Object sequenceLock = new Object();
  private long[] reserved = new long[0];
  private int nextReserved;

  /** The thread the writes and syncs run on, shared by every JDBC outbox of this JVM. */
  private static final java.util.concurrent.Executor WRITER =
      java.util.concurrent.Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "dccsim-outbox-writer");
            t.setDaemon(true);
            return t;
          });

  JdbcOutboxStore(
      JdbcDeviceInventory.Connections connections,
      Runnable ensureOpen,
      boolean syncWrites,
      boolean sequenceObject) {
    this.connections = connections;
    this.ensureOpen = ensureOpen;
    this.syncWrites = syncWrites;
    this.sequenceObject = sequenceObject;
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T write(String what, Work<T> work) {
    return write(what, work, true);
  }

  private <T> T write(String what, Work<T> work, boolean durable) {
    ensureOpen.run();
    awaitQueued(what);
    return transact(what, work, durable);
  }

  /**
   * Runs {@code work} in one transaction, without waiting for what is queued; with {@code durable}
   * on a store that syncs, the commit is then forced to disk.
   */
  private <T> T transact(String what, Work<T> work, boolean durable) {
    T result;
    try (Connection c = connections.get()) {
      c.setAutoCommit(false);
      try {
        result = work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      if (durable && syncWrites) {
        try (Statement sync = c.createStatement()) {
          sync.execute("CHECKPOINT SYNC");
        }
      }
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    }
    return result;
  }

  /** Waits for {@code forcing}, a write of {@code what} being forced to disk. */
  private static void await(String what, CompletableFuture<Void> forcing) {
    try {
      forcing.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CertificateRepositoryException(what + ": interrupted forcing it to disk", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new CertificateRepositoryException(what + ": forcing it to disk failed", e.getCause());
    }
  }

  private <T> T read(String what, Work<T> work) {
    ensureOpen.run();
    awaitQueued(what);
    try (Connection c = connections.get()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    }
  }

  @Override
  public long append(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      Instant firstAttempt) {
    Appended appended =
        appendAsync(user, kind, requestId, responseCode, document, accepted, firstAttempt);
    await("Keeping an outbound message for " + user, appended.durable());
    return appended.sequence();
  }

  @Override
  public Appended appendAsync(
      Eui64 user,
      String kind,
      Optional<String> requestId,
      String responseCode,
      byte[] document,
      Instant accepted,
      Instant firstAttempt) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(document, "document");
    ensureOpen.run();
    long seq = nextSequence();
    CompletableFuture<Void> durable = new CompletableFuture<>();
    enqueue(
        new Queued(
            seq,
            user,
            kind,
            requestId.orElse(null),
            responseCode,
            document,
            accepted.toEpochMilli(),
            firstAttempt.toEpochMilli(),
            durable));
    return new Appended(seq, durable);
  }

  /** The next sequence number, from the block reserved, reserving another when it is used up. */
  private long nextSequence() {
    synchronized (sequenceLock) {
      if (nextReserved == reserved.length) {
        reserved = transact("Reserving outbox sequence numbers", this::reserve, false);
        nextReserved = 0;
      }
      return reserved[nextReserved++];
    }
  }

  /**
   * Reserves {@link #SEQUENCE_BLOCK} sequence numbers: from the {@code duis_outbox_seq} sequence on
   * PostgreSQL (no lock held), from the locked row of {@code duis_outbox_sequence} on H2. Not
   * forced to disk: the forced write of any message numbered from the block forces the reservation
   * too.
   */
  private long[] reserve(Connection c) throws SQLException {
    long[] block = new long[SEQUENCE_BLOCK];
    if (sequenceObject) {
      try (PreparedStatement next =
          c.prepareStatement("SELECT nextval('duis_outbox_seq') FROM generate_series(1, ?)")) {
        next.setInt(1, SEQUENCE_BLOCK);
        try (ResultSet rs = next.executeQuery()) {
          for (int i = 0; i < block.length; i++) {
            if (!rs.next()) {
              throw new SQLException("duis_outbox_seq gave " + i + " values of " + block.length);
            }
            block[i] = rs.getLong(1);
          }
        }
      }
      java.util.Arrays.sort(block);
      return block;
    }
    long last;
    try (PreparedStatement lock =
            c.prepareStatement(
                "SELECT last_seq FROM duis_outbox_sequence WHERE id = 1 FOR UPDATE");
        ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("duis_outbox_sequence has no row");
      }
      last = rs.getLong(1);
    }
    try (PreparedStatement bump =
        c.prepareStatement("UPDATE duis_outbox_sequence SET last_seq = ? WHERE id = 1")) {
      bump.setLong(1, last + SEQUENCE_BLOCK);
      bump.executeUpdate();
    }
    for (int i = 0; i < block.length; i++) {
      block[i] = last + 1 + i;
    }
    return block;
  }

  /** Hands {@code item} to the writer, starting it if it is not running. */
  private void enqueue(Object item) {
    synchronized (queueLock) {
      queue.add(item);
      if (writing) {
        return;
      }
      writing = true;
    }
    try {
      WRITER.execute(this::writeQueued);
    } catch (RuntimeException e) {
      // no thread to write on (the JVM is stopping): nothing queued can be kept
      List<Object> dropped;
      synchronized (queueLock) {
        writing = false;
        dropped = new ArrayList<>(queue);
        queue.clear();
      }
      dropped.forEach(d -> fail(d, e));
    }
  }

  private static void fail(Object item, Throwable e) {
    if (item instanceof Queued q) {
      q.durable().completeExceptionally(e);
    } else if (item instanceof Barrier b) {
      b.passed().complete(null);
    }
  }

  /**
   * The writer: takes what is queued, in order, up to a barrier, and writes it in one transaction
   * (forced to disk when it holds new messages and writes are synced), until the queue is empty.
   */
  private void writeQueued() {
    while (true) {
      List<Queued> messages = new ArrayList<>();
      List<Long> forgets = new ArrayList<>();
      Barrier barrier = null;
      synchronized (queueLock) {
        while (messages.size() < WRITE_BATCH && forgets.size() < FORGET_BATCH) {
          Object head = queue.poll();
          if (head == null) {
            break;
          }
          if (head instanceof Queued q) {
            messages.add(q);
          } else if (head instanceof Forget f) {
            forgets.add(f.seq());
          } else {
            barrier = (Barrier) head;
            break;
          }
        }
        if (messages.isEmpty() && forgets.isEmpty() && barrier == null) {
          writing = false;
          return;
        }
      }
      try {
        if (!messages.isEmpty() || !forgets.isEmpty()) {
          ensureOpen.run();
          transact(
              "Writing " + messages.size() + " outbound messages",
              c -> writeBatch(c, messages, forgets),
              !messages.isEmpty());
        }
        messages.forEach(q -> q.durable().complete(null));
      } catch (RuntimeException e) {
        // forgets not written are kept: delivered again after a restart, never lost
        org.slf4j.LoggerFactory.getLogger(JdbcOutboxStore.class)
            .warn(
                "Writing {} new and {} delivered outbox messages failed: {}",
                messages.size(),
                forgets.size(),
                e.toString());
        messages.forEach(q -> q.durable().completeExceptionally(e));
      }
      if (barrier != null) {
        barrier.passed().complete(null);
      }
    }
  }

  /** Writes new messages and forgets delivered ones, in the writer's transaction. */
  private static Void writeBatch(Connection c, List<Queued> messages, List<Long> forgets)
      throws SQLException {
    if (!messages.isEmpty()) {
      try (PreparedStatement insert = c.prepareStatement(INSERT)) {
        for (Queued q : messages) {
          insert.setLong(1, q.seq());
          insert.setLong(2, q.user().value());
          insert.setString(3, q.kind());
          insert.setString(4, q.requestId());
          insert.setString(5, q.responseCode());
          insert.setBytes(6, q.document());
          insert.setLong(7, q.accepted());
          insert.setLong(8, q.firstAttempt());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
    if (!forgets.isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM duis_outbox WHERE seq = ANY (?)")) {
        ps.setArray(1, c.createArrayOf("BIGINT", forgets.toArray()));
        ps.executeUpdate();
      }
    }
    return null;
  }

  /**
   * Waits until the writer has written everything queued before this call (at once when nothing
   * is), so that a read sees every message appended and a change finds the row it changes.
   */
  private void awaitQueued(String what) {
    CompletableFuture<Void> passed;
    synchronized (queueLock) {
      if (queue.isEmpty() && !writing) {
        return;
      }
      passed = new CompletableFuture<>();
    }
    enqueue(new Barrier(passed));
    await(what, passed);
  }

  @Override
  public boolean delivered(long sequence) {
    return write(
        "Forgetting delivered message " + sequence,
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM duis_outbox WHERE seq = ?")) {
            ps.setLong(1, sequence);
            return ps.executeUpdate() > 0;
          }
        },
        false);
  }

  /**
   * Gathers delivered messages and forgets them together (one statement, in the writer's next
   * transaction, not forced), so that delivery does not pay a commit per message.
   */
  @Override
  public void forgetDelivered(long sequence) {
    enqueue(new Forget(sequence));
  }

  /** Forgets every delivered message told of so far: waits for the writer to reach this point. */
  @Override
  public void flush() {
    awaitQueued("Forgetting delivered messages");
  }

  @Override
  public boolean failedAttempt(long sequence, int attempts, Instant nextAttempt, String error) {
    return update(sequence, attempts, nextAttempt, error, false);
  }

  @Override
  public boolean deadLetter(long sequence, int attempts, Instant when, String error) {
    return update(sequence, attempts, when, error, true);
  }

  private boolean update(long sequence, int attempts, Instant at, String error, boolean dead) {
    Objects.requireNonNull(error, "error");
    String cut = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
    return write(
        "Recording an attempt of message " + sequence,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE duis_outbox SET attempts = ?, next_attempt_epoch_milli = ?,"
                      + " last_error = ?, dead_epoch_milli = ?"
                      + " WHERE seq = ? AND dead_epoch_milli IS NULL")) {
            ps.setInt(1, attempts);
            ps.setLong(2, at.toEpochMilli());
            ps.setString(3, cut);
            if (dead) {
              ps.setLong(4, at.toEpochMilli());
            } else {
              ps.setNull(4, Types.BIGINT);
            }
            ps.setLong(5, sequence);
            return ps.executeUpdate() > 0;
          }
        },
        dead);
  }

  @Override
  public Optional<Entry> find(long sequence) {
    List<Entry> found = select("seq = ?", ps -> ps.setLong(1, sequence), 1);
    return found.stream().findFirst();
  }

  @Override
  public List<Entry> pending() {
    return select("dead_epoch_milli IS NULL", ps -> {}, Integer.MAX_VALUE);
  }

  @Override
  public List<Entry> pending(Eui64 user, int limit) {
    return select(
        "dead_epoch_milli IS NULL AND user_eui = ?",
        ps -> ps.setLong(1, user.value()),
        Math.min(limit, MAX_LIST));
  }

  @Override
  public List<Entry> dead(int limit) {
    return select("dead_epoch_milli IS NOT NULL", ps -> {}, Math.min(limit, MAX_LIST));
  }

  @Override
  public List<Entry> dead(Eui64 user, int limit) {
    return select(
        "dead_epoch_milli IS NOT NULL AND user_eui = ?",
        ps -> ps.setLong(1, user.value()),
        Math.min(limit, MAX_LIST));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private List<Entry> select(String where, Binder binder, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return read(
        "Reading the outbox",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT " + COLUMNS + " FROM duis_outbox WHERE " + where + " ORDER BY seq")) {
            binder.bind(ps);
            if (limit < Integer.MAX_VALUE) {
              ps.setMaxRows(limit);
            }
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next() && out.size() < limit) {
                out.add(entry(rs));
              }
            }
            return out;
          }
        });
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    long dead = rs.getLong(11);
    Optional<Instant> deadAt =
        rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(dead));
    return new Entry(
        rs.getLong(1),
        Eui64.of(rs.getLong(2)),
        rs.getString(3),
        Optional.ofNullable(rs.getString(4)),
        rs.getString(5),
        rs.getBytes(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        rs.getInt(8),
        Instant.ofEpochMilli(rs.getLong(9)),
        Optional.ofNullable(rs.getString(10)),
        deadAt);
  }

  @Override
  public long countPending() {
    return count("dead_epoch_milli IS NULL");
  }

  @Override
  public long countDead() {
    return count("dead_epoch_milli IS NOT NULL");
  }

  private long count(String where) {
    return read(
        "Counting the outbox",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT COUNT(*) FROM duis_outbox WHERE " + where);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public Optional<Entry> redrive(long sequence, Instant now) {
    boolean changed =
        write(
            "Driving dead letter " + sequence + " again",
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE duis_outbox SET attempts = 0, next_attempt_epoch_milli = ?,"
                          + " dead_epoch_milli = NULL"
                          + " WHERE seq = ? AND dead_epoch_milli IS NOT NULL")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setLong(2, sequence);
                return ps.executeUpdate() > 0;
              }
            });
    return changed ? find(sequence) : Optional.empty();
  }

  @Override
  public int dropDead(Optional<Instant> before) {
    return write(
        "Dropping dead letters",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  before.isPresent()
                      ? "DELETE FROM duis_outbox WHERE dead_epoch_milli IS NOT NULL"
                          + " AND dead_epoch_milli <= ?"
                      : "DELETE FROM duis_outbox WHERE dead_epoch_milli IS NOT NULL")) {
            if (before.isPresent()) {
              ps.setLong(1, before.get().toEpochMilli());
            }
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public Map<Eui64, String> receiveUrls() {
    return read(
        "Reading the receiving URLs",
        c -> {
          Map<Eui64, String> out = new LinkedHashMap<>();
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT user_eui, url FROM duis_receive_url");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(Eui64.of(rs.getLong(1)), rs.getString(2));
            }
          }
          return out;
        });
  }

  @Override
  public void receiveUrl(Eui64 user, Optional<String> url) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(url, "url");
    write(
        "Saving the receiving URL of " + user,
        c -> {
          // delete then insert: one statement form for H2 and PostgreSQL alike
          try (PreparedStatement delete =
              c.prepareStatement("DELETE FROM duis_receive_url WHERE user_eui = ?")) {
            delete.setLong(1, user.value());
            delete.executeUpdate();
          }
          if (url.isPresent()) {
            try (PreparedStatement insert =
                c.prepareStatement("INSERT INTO duis_receive_url (user_eui, url) VALUES (?, ?)")) {
              insert.setLong(1, user.value());
              insert.setString(2, url.get());
              insert.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public void clear() {
    write(
        "Clearing the outbox",
        c -> {
          try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM duis_outbox");
            s.executeUpdate("DELETE FROM duis_receive_url");
          }
          return null;
        });
  }
}
