package io.dccsim.smki.repository;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CertificateRepository} in a relational database: embedded H2 (file or in-memory) or
 * PostgreSQL, through a HikariCP pool, its tables created and migrated by Flyway. Open one with
 * {@link CertificateRepositories}.
 *
 * <p><b>Writers are serialised.</b> Every write takes a lock in this process and then, inside its
 * transaction, locks the single row of {@code smki_change_sequence} ({@code SELECT ... FOR
 * UPDATE}), which also serialises writers in other processes sharing a PostgreSQL database. So
 * changes commit in sequence order, and a reader following the feed never finds, later, a change
 * older than one it has seen.
 *
 * <p><b>Durability.</b> A write returns after its transaction commits. PostgreSQL makes a commit
 * durable itself. H2 2.x does not write a commit to its file at once (it stores changes in the
 * background), so for H2 file stores with {@link RepositoryConfig#syncEachWrite()} every write that
 * changed something is followed by {@code CHECKPOINT SYNC}, which writes the store and forces it to
 * disk before the call returns.
 *
 * <p><b>Scans</b> read pages of {@link RepositoryConfig#scanPageSize()} records by keyset ({@code
 * serial > last ORDER BY serial}), each page in its own short query, and hand them to the sink with
 * no connection held: memory stays bounded and the sink may write to the repository.
 */
public final class JdbcCertificateRepository implements CertificateRepository {

  /** The largest page {@link #changesAfter} returns, whatever limit is asked for. */
  public static final int MAX_CHANGES_PAGE = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(JdbcCertificateRepository.class);
  private static final AtomicInteger POOLS = new AtomicInteger();

  private static final String COLUMNS =
      "serial, issuer, kind, subject_eui, subject_alt_name_eui, role_code, usage_code,"
          + " status_code, status_epoch_second, status_nano, der";

  /** The most certificate records an H2 store keeps from its reads by serial. */
  static final int CERTIFICATES_KEPT = 10_000;

  /** The most device records an H2 store keeps from its reads by EUI-64. */
  static final int DEVICES_KEPT = 50_000;

  private final RepositoryConfig config;
  private final HikariDataSource pool;
  private final boolean syncWrites;
  private final boolean inMemoryH2;
  private final ReentrantLock writer = new ReentrantLock();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final JdbcDeviceInventory devices;
  private final JdbcOutboxStore outbox;
  // an embedded H2 database is written by this process alone, so its reads may be kept; a
  // PostgreSQL database may be shared, so every read goes to it
  private final ReadCache<BigInteger, CertificateRecord> certificates;

  private JdbcCertificateRepository(
      RepositoryConfig config, HikariDataSource pool, boolean syncWrites, boolean inMemoryH2) {
    this.config = config;
    this.pool = pool;
    this.syncWrites = syncWrites;
    this.inMemoryH2 = inMemoryH2;
    boolean ownDatabase = config.store() == RepositoryConfig.Store.H2;
    this.certificates = ownDatabase ? new ReadCache<>(CERTIFICATES_KEPT) : ReadCache.none();
    this.devices =
        new JdbcDeviceInventory(
            pool::getConnection,
            this::ensureOpen,
            syncWrites,
            config.store() == RepositoryConfig.Store.POSTGRESQL,
            config.batchSize(),
            config.scanPageSize(),
            ownDatabase ? new ReadCache<>(DEVICES_KEPT) : ReadCache.none());
    this.outbox =
        new JdbcOutboxStore(
            pool::getConnection,
            this::ensureOpen,
            syncWrites,
            config.store() == RepositoryConfig.Store.POSTGRESQL);
  }

  /** Opens (creating or migrating) the database {@code config} describes. */
  static JdbcCertificateRepository open(RepositoryConfig config) {
    RepositoryConfig.Store store = config.store();
    if (store == RepositoryConfig.Store.IN_MEMORY) {
      throw new IllegalArgumentException(
          "Not a JDBC URL: " + RepositoryConfig.redactedUrl(config.url()));
    }
    config.schema().ifPresent(schema -> createSchema(config, schema));
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("dccsim-smki-repository-" + POOLS.incrementAndGet());
    hikari.setJdbcUrl(config.url());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setMinimumIdle(1);
    hikari.setAutoCommit(true);
    config.schema().ifPresent(hikari::setSchema);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new CertificateRepositoryException(
          "Cannot connect to the certificate repository "
              + RepositoryConfig.redactedUrl(config.url()),
          e);
    }
    try {
      String vendor = store == RepositoryConfig.Store.H2 ? "h2" : "postgresql";
      var flyway =
          Flyway.configure(JdbcCertificateRepository.class.getClassLoader())
              .dataSource(pool)
              .locations("classpath:db/migration/" + vendor)
              .failOnMissingLocations(true);
      config.schema().ifPresent(s -> flyway.schemas(s).defaultSchema(s));
      flyway.load().migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new CertificateRepositoryException(
          "Cannot migrate the certificate repository " + RepositoryConfig.redactedUrl(config.url()),
          e);
    }
    boolean inMemoryH2 =
        store == RepositoryConfig.Store.H2
            && config.url().toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:mem:");
    boolean h2File = store == RepositoryConfig.Store.H2 && !inMemoryH2;
    LOG.info("Opened the certificate repository {}", config);
    return new JdbcCertificateRepository(
        config, pool, h2File && config.syncEachWrite(), inMemoryH2);
  }

  private static void createSchema(RepositoryConfig config, String schema) {
    // Quoted, so H2 keeps it lower-case as Flyway and PostgreSQL do; the name is validated.
    try (Connection c =
            DriverManager.getConnection(config.url(), config.user(), config.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS \"" + schema + "\"");
    } catch (SQLException e) {
      throw new CertificateRepositoryException(
          "Cannot create schema " + schema + " in " + RepositoryConfig.redactedUrl(config.url()),
          e);
    }
  }

  /** The configuration this repository was opened with. */
  public RepositoryConfig config() {
    return config;
  }

  // ---- writes ----

  /** A unit of work inside one write transaction. */
  @FunctionalInterface
  private interface WriteWork<T> {
    T run(Connection c, Sequence sequence) throws SQLException;
  }

  /** The change sequence inside one write transaction. */
  private static final class Sequence {
    private final long start;
    private long last;

    Sequence(long start) {
      this.start = start;
      this.last = start;
    }

    long next() {
      return ++last;
    }

    boolean advanced() {
      return last != start;
    }
  }

  private <T> T write(String what, WriteWork<T> work) {
    return write(what, work, true);
  }

  /**
   * Runs {@code work} in one transaction holding the writer locks. With {@code sync}, a write that
   * changed something is forced to disk (H2 file stores) before returning.
   */
  private <T> T write(String what, WriteWork<T> work, boolean sync) {
    ensureOpen();
    writer.lock();
    try (Connection c = pool.getConnection()) {
      boolean changed;
      T result;
      c.setAutoCommit(false);
      try {
        Sequence sequence = new Sequence(lockSequence(c));
        result = work.run(c, sequence);
        changed = sequence.advanced();
        if (changed) {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE smki_change_sequence SET last_seq = ? WHERE id = 1")) {
            ps.setLong(1, sequence.last);
            ps.executeUpdate();
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      if (changed && sync && syncWrites) {
        checkpoint(c);
      }
      return result;
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    } finally {
      certificates.changed();
      writer.unlock();
    }
  }

  /** Writes H2's committed changes to its file and forces them to disk. */
  private static void checkpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT SYNC");
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static long lockSequence(Connection c) throws SQLException {
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT last_seq FROM smki_change_sequence WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new CertificateRepositoryException("The change sequence row is missing");
      }
      return rs.getLong(1);
    }
  }

  @Override
  public CertificateRecord add(CertificateRecord record) {
    Objects.requireNonNull(record, "record");
    return write(
        "Adding certificate " + record.serialHex(),
        (c, sequence) -> {
          Optional<CertificateRecord> held = selectBySerial(c, record.serial());
          if (held.isPresent()) {
            return held.get();
          }
          insertCertificates(c, List.of(record));
          insertChanges(c, sequence, CertificateChange.Type.ADDED, List.of(record));
          return record;
        });
  }

  @Override
  public int addAll(List<CertificateRecord> records) {
    List<CertificateRecord> copy = List.copyOf(records);
    int added = 0;
    // One transaction per batch; one forced write for the whole call, at its end.
    for (int from = 0; from < copy.size(); from += config.batchSize()) {
      List<CertificateRecord> batch =
          copy.subList(from, Math.min(copy.size(), from + config.batchSize()));
      added +=
          write("Adding " + batch.size() + " certificates", (c, s) -> addNew(c, s, batch), false);
    }
    if (added > 0 && syncWrites) {
      writer.lock();
      try {
        read(
            "Forcing added certificates to disk",
            c -> {
              checkpoint(c);
              return null;
            });
      } finally {
        writer.unlock();
      }
    }
    return added;
  }

  private static int addNew(Connection c, Sequence sequence, List<CertificateRecord> batch)
      throws SQLException {
    Map<BigInteger, CertificateRecord> fresh = new LinkedHashMap<>();
    for (CertificateRecord r : batch) {
      fresh.putIfAbsent(r.serial(), r);
    }
    StringBuilder sql = new StringBuilder("SELECT serial FROM smki_certificate WHERE serial IN (");
    for (int i = 0; i < fresh.size(); i++) {
      sql.append(i == 0 ? "?" : ",?");
    }
    sql.append(')');
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      int i = 1;
      for (BigInteger serial : fresh.keySet()) {
        ps.setBigDecimal(i++, new BigDecimal(serial));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fresh.remove(rs.getBigDecimal(1).toBigIntegerExact());
        }
      }
    }
    List<CertificateRecord> toInsert = List.copyOf(fresh.values());
    if (!toInsert.isEmpty()) {
      insertCertificates(c, toInsert);
      insertChanges(c, sequence, CertificateChange.Type.ADDED, toInsert);
    }
    return toInsert.size();
  }

  private static void insertCertificates(Connection c, List<CertificateRecord> records)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO smki_certificate (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
      for (CertificateRecord r : records) {
        ps.setBigDecimal(1, new BigDecimal(r.serial()));
        ps.setString(2, r.issuer());
        ps.setString(3, r.kind().name());
        setEui(ps, 4, r.subjectEui());
        setEui(ps, 5, r.subjectAltNameEui());
        if (r.role().isPresent()) {
          ps.setShort(6, (short) r.role().get().code());
        } else {
          ps.setNull(6, Types.SMALLINT);
        }
        ps.setString(7, r.usage().name());
        ps.setString(8, String.valueOf(r.status().code()));
        ps.setLong(9, r.statusChangedAt().getEpochSecond());
        ps.setInt(10, r.statusChangedAt().getNano());
        ps.setBytes(11, r.der());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void insertChanges(
      Connection c, Sequence sequence, CertificateChange.Type type, List<CertificateRecord> after)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO smki_certificate_change (seq, change_type, serial, status_code,"
                + " status_epoch_second, status_nano) VALUES (?,?,?,?,?,?)")) {
      for (CertificateRecord r : after) {
        ps.setLong(1, sequence.next());
        ps.setString(2, type.name());
        ps.setBigDecimal(3, new BigDecimal(r.serial()));
        ps.setString(4, String.valueOf(r.status().code()));
        ps.setLong(5, r.statusChangedAt().getEpochSecond());
        ps.setInt(6, r.statusChangedAt().getNano());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void setEui(PreparedStatement ps, int index, Optional<Eui64> eui)
      throws SQLException {
    if (eui.isPresent()) {
      ps.setLong(index, eui.get().value());
    } else {
      ps.setNull(index, Types.BIGINT);
    }
  }

  @Override
  public Optional<CertificateRecord> changeStatus(
      BigInteger serial, CertificateStatus status, Instant when) {
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(when, "when");
    return write(
        "Changing the status of certificate " + serial.toString(16),
        (c, sequence) -> {
          Optional<CertificateRecord> held = selectBySerial(c, serial);
          if (held.isEmpty() || held.get().status() == status) {
            return held;
          }
          CertificateRecord changed = held.get().withStatus(status, when);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE smki_certificate SET status_code = ?, status_epoch_second = ?,"
                      + " status_nano = ? WHERE serial = ?")) {
            ps.setString(1, String.valueOf(status.code()));
            ps.setLong(2, when.getEpochSecond());
            ps.setInt(3, when.getNano());
            ps.setBigDecimal(4, new BigDecimal(serial));
            ps.executeUpdate();
          }
          insertChanges(c, sequence, CertificateChange.Type.STATUS_CHANGED, List.of(changed));
          return Optional.of(changed);
        });
  }

  // ---- reads ----

  @FunctionalInterface
  private interface ReadWork<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T read(String what, ReadWork<T> work) {
    ensureOpen();
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    }
  }

  @Override
  public Optional<CertificateRecord> findBySerial(BigInteger serial) {
    Objects.requireNonNull(serial, "serial");
    return certificates.get(
        serial,
        () -> read("Finding certificate " + serial.toString(16), c -> selectBySerial(c, serial)));
  }

  private static Optional<CertificateRecord> selectBySerial(Connection c, BigInteger serial)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM smki_certificate WHERE serial = ?")) {
      ps.setBigDecimal(1, new BigDecimal(serial));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(record(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public Optional<CertificateRecord> findByIssuerAndSerial(String issuer, BigInteger serial) {
    Objects.requireNonNull(issuer, "issuer");
    // The serial is the primary key, so one row at most; the issuer is then compared as a name.
    return findBySerial(serial).filter(r -> IssuerName.same(r.issuer(), issuer));
  }

  @Override
  public List<CertificateRecord> search(CertificateQuery query) {
    Objects.requireNonNull(query, "query");
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM smki_certificate");
    List<Object> args = new ArrayList<>();
    query.subjectEui().ifPresent(e -> where(sql, args, "subject_eui = ?", e.value()));
    query
        .subjectAltNameEui()
        .ifPresent(e -> where(sql, args, "subject_alt_name_eui = ?", e.value()));
    query.role().ifPresent(r -> where(sql, args, "role_code = ?", (short) r.code()));
    query.usage().ifPresent(u -> where(sql, args, "usage_code = ?", u.name()));
    query.status().ifPresent(s -> where(sql, args, "status_code = ?", String.valueOf(s.code())));
    sql.append(" ORDER BY serial LIMIT ?");
    args.add(query.limit());
    return read(
        "Searching certificates",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
              ps.setObject(i + 1, args.get(i));
            }
            List<CertificateRecord> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(record(rs));
              }
            }
            return List.copyOf(found);
          }
        });
  }

  private static void where(StringBuilder sql, List<Object> args, String condition, Object arg) {
    sql.append(args.isEmpty() ? " WHERE " : " AND ").append(condition);
    args.add(arg);
  }

  @Override
  public List<CertificateChange> changesAfter(long afterSequence, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    return read(
        "Reading changes after " + afterSequence,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT ch.seq, ch.change_type, c.serial, c.issuer, c.kind, c.subject_eui,"
                      + " c.subject_alt_name_eui, c.role_code, c.usage_code, ch.status_code,"
                      + " ch.status_epoch_second, ch.status_nano, c.der"
                      + " FROM smki_certificate_change ch"
                      + " JOIN smki_certificate c ON c.serial = ch.serial"
                      + " WHERE ch.seq > ? ORDER BY ch.seq LIMIT ?")) {
            ps.setLong(1, afterSequence);
            ps.setInt(2, Math.min(limit, MAX_CHANGES_PAGE));
            List<CertificateChange> changes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                changes.add(
                    new CertificateChange(
                        rs.getLong(1),
                        CertificateChange.Type.valueOf(rs.getString(2)),
                        record(rs, 3)));
              }
            }
            return List.copyOf(changes);
          }
        });
  }

  @Override
  public long lastSequence() {
    return read(
        "Reading the last sequence",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT last_seq FROM smki_change_sequence WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0L;
          }
        });
  }

  @Override
  public long scan(Consumer<CertificateRecord> sink) {
    Objects.requireNonNull(sink, "sink");
    long delivered = 0;
    BigDecimal after = BigDecimal.ZERO; // serials are positive
    while (true) {
      BigDecimal from = after;
      List<CertificateRecord> page =
          read(
              "Scanning certificates",
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT "
                            + COLUMNS
                            + " FROM smki_certificate WHERE serial > ? ORDER BY serial LIMIT ?")) {
                  ps.setBigDecimal(1, from);
                  ps.setInt(2, config.scanPageSize());
                  List<CertificateRecord> records = new ArrayList<>(config.scanPageSize());
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      records.add(record(rs));
                    }
                  }
                  return records;
                }
              });
      for (CertificateRecord r : page) {
        sink.accept(r);
        delivered++;
      }
      if (page.size() < config.scanPageSize()) {
        return delivered;
      }
      after = new BigDecimal(page.get(page.size() - 1).serial());
    }
  }

  @Override
  public long count() {
    return read(
        "Counting certificates",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM smki_certificate");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public long count(CertificateStatus status) {
    Objects.requireNonNull(status, "status");
    return read(
        "Counting certificates by status",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM smki_certificate WHERE status_code = ?")) {
            ps.setString(1, String.valueOf(status.code()));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  // ---- rows ----

  private static CertificateRecord record(ResultSet rs) throws SQLException {
    return record(rs, 1);
  }

  /** Reads the {@link #COLUMNS}, in that order, starting at column {@code first}. */
  private static CertificateRecord record(ResultSet rs, int first) throws SQLException {
    int i = first;
    BigInteger serial = rs.getBigDecimal(i++).toBigIntegerExact();
    String issuer = rs.getString(i++);
    CertificateKind kind = CertificateKind.valueOf(rs.getString(i++));
    Optional<Eui64> subjectEui = eui(rs, i++);
    Optional<Eui64> altNameEui = eui(rs, i++);
    short roleCode = rs.getShort(i);
    Optional<RemotePartyRole> role;
    if (rs.wasNull()) {
      role = Optional.empty();
    } else {
      role = RemotePartyRole.fromCode(roleCode);
      if (role.isEmpty()) {
        throw new CertificateRepositoryException(
            "Certificate " + serial.toString(16) + " has an unknown role code " + roleCode);
      }
    }
    i++;
    CertificateUsage usage = CertificateUsage.valueOf(rs.getString(i++).trim());
    CertificateStatus status = CertificateStatus.fromCode(rs.getString(i++).charAt(0));
    long second = rs.getLong(i++);
    int nano = rs.getInt(i++);
    byte[] der = rs.getBytes(i);
    return new CertificateRecord(
        serial,
        issuer,
        kind,
        subjectEui,
        altNameEui,
        role,
        usage,
        status,
        Instant.ofEpochSecond(second, nano),
        der);
  }

  private static Optional<Eui64> eui(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Eui64.of(value));
  }

  // ---- DUIS request counters ----

  @Override
  public Optional<RequestCounterStore> requestCounters() {
    return Optional.of(counters);
  }

  private final RequestCounterStore counters =
      new RequestCounterStore() {
        @Override
        public Map<Eui64, Long> load() {
          ensureOpen();
          Map<Eui64, Long> out = new LinkedHashMap<>();
          try (Connection c = pool.getConnection();
              PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT originator_eui, last_counter FROM duis_request_counter");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(Eui64.of(rs.getLong(1)), rs.getLong(2));
            }
            return out;
          } catch (SQLException e) {
            throw new CertificateRepositoryException("Reading the request counters failed", e);
          }
        }

        @Override
        public void save(Map<Eui64, Long> given) {
          if (given.isEmpty()) {
            return;
          }
          counterWrite(
              "Saving the request counters",
              c -> {
                for (Map.Entry<Eui64, Long> e : given.entrySet()) {
                  saveCounter(c, e.getKey(), e.getValue());
                }
              });
        }

        @Override
        public void clear() {
          counterWrite(
              "Clearing the request counters",
              c -> {
                try (Statement s = c.createStatement()) {
                  s.executeUpdate("DELETE FROM duis_request_counter");
                }
              });
        }
      };

  private interface CounterWork {
    void run(Connection c) throws SQLException;
  }

  /**
   * One transaction of counter or registration work, forced to disk on H2 file stores that sync
   * each write.
   */
  private void counterWrite(String what, CounterWork work) {
    ensureOpen();
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
      if (syncWrites) {
        checkpoint(c);
      }
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    }
  }

  private static void saveCounter(Connection c, Eui64 originator, long counter)
      throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT last_counter FROM duis_request_counter WHERE originator_eui = ? FOR UPDATE")) {
      select.setLong(1, originator.value());
      try (ResultSet rs = select.executeQuery()) {
        if (rs.next()) {
          if (Long.compareUnsigned(counter, rs.getLong(1)) > 0) {
            try (PreparedStatement update =
                c.prepareStatement(
                    "UPDATE duis_request_counter SET last_counter = ? WHERE originator_eui = ?")) {
              update.setLong(1, counter);
              update.setLong(2, originator.value());
              update.executeUpdate();
            }
          }
          return;
        }
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO duis_request_counter (originator_eui, last_counter) VALUES (?, ?)")) {
      insert.setLong(1, originator.value());
      insert.setLong(2, counter);
      insert.executeUpdate();
    }
  }

  // ---- DCC User registrations ----

  @Override
  public Optional<UserRegistrationStore> userRegistrations() {
    return Optional.of(registrations);
  }

  private final UserRegistrationStore registrations =
      new UserRegistrationStore() {
        @Override
        public Map<Eui64, Optional<String>> load() {
          ensureOpen();
          Map<Eui64, Optional<String>> out = new LinkedHashMap<>();
          try (Connection c = pool.getConnection();
              PreparedStatement ps = c.prepareStatement("SELECT user_eui, role FROM duis_user");
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(Eui64.of(rs.getLong(1)), Optional.ofNullable(rs.getString(2)));
            }
            return out;
          } catch (SQLException e) {
            throw new CertificateRepositoryException("Reading the User registrations failed", e);
          }
        }

        @Override
        public void save(Eui64 user, Optional<String> role) {
          Objects.requireNonNull(user, "user");
          Objects.requireNonNull(role, "role");
          counterWrite(
              "Saving the registration of " + user,
              c -> {
                // delete then insert: one statement form for H2 and PostgreSQL alike
                try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM duis_user WHERE user_eui = ?")) {
                  delete.setLong(1, user.value());
                  delete.executeUpdate();
                }
                try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO duis_user (user_eui, role) VALUES (?, ?)")) {
                  insert.setLong(1, user.value());
                  insert.setString(2, role.orElse(null));
                  insert.executeUpdate();
                }
              });
        }

        @Override
        public void clear() {
          counterWrite(
              "Clearing the User registrations",
              c -> {
                try (Statement s = c.createStatement()) {
                  s.executeUpdate("DELETE FROM duis_user");
                }
              });
        }
      };

  // ---- the Smart Metering Inventory ----

  /** The device inventory in this repository's database, over the same pool. */
  @Override
  public Optional<io.dccsim.core.inventory.DeviceInventory> deviceInventory() {
    return Optional.of(devices);
  }

  // ---- the outbox ----

  /** The simulator's outbox in this repository's database, over the same pool. */
  @Override
  public Optional<OutboxStore> outbox() {
    return Optional.of(outbox);
  }

  // ---- lifecycle ----

  private void ensureOpen() {
    if (closed.get()) {
      throw new IllegalStateException("The repository is closed");
    }
  }

  @Override
  public void close() {
    if (closed.get()) {
      return;
    }
    try {
      outbox.flush(); // what delivery forgot, before the pool goes
    } catch (RuntimeException e) {
      LOG.warn("Forgetting delivered messages at close failed: {}", e.toString());
    }
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    // Wait for a write in progress, so it is acknowledged before the pool goes away.
    writer.lock();
    try {
      // Closing the pool closes every session, which closes an H2 file database (and releases its
      // lock); a private in-memory H2 database is kept alive by DB_CLOSE_DELAY=-1, so end it.
      pool.close();
      if (inMemoryH2) {
        try (Connection c =
                DriverManager.getConnection(
                    config.url() + ";IFEXISTS=TRUE", config.user(), config.password());
            Statement s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          LOG.warn(
              "Shutting down the H2 database {} failed: {}",
              RepositoryConfig.redactedUrl(config.url()),
              e.toString());
        }
      }
      LOG.info("Closed the certificate repository {}", RepositoryConfig.redactedUrl(config.url()));
    } finally {
      writer.unlock();
    }
  }
}
