package io.dccsim.smki.repository;

import io.dccsim.core.inventory.Connectivity;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.DuplicateDeviceException;
import io.dccsim.core.inventory.FirmwareStatus;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link DeviceInventory} kept in the certificate repository's database (tables {@code
 * smi_device} and {@code smi_device_mpxn}, migrations V5 and V6), over the repository's connection
 * pool. Obtain it from {@link CertificateRepository#deviceInventory()}; it lives as long as the
 * repository.
 *
 * <p>Each call is one transaction. A duplicate EUI-64 is found by looking before inserting and, if
 * another writer got there first, by the primary key's unique violation. {@link #addAll} checks and
 * inserts in batches of the repository's batch size, all in one transaction, so a load is all or
 * nothing; rows go in multi-row INSERTs of up to {@value #DEVICES_PER_INSERT} devices. On
 * PostgreSQL, once a load has doubled the devices held since the statistics were last refreshed,
 * {@code addAll} refreshes them ({@code ANALYZE}) after committing, so lookups keep their indexes
 * straight after a bulk load. On H2 file stores that sync each write, every write is forced to disk
 * before it returns. Scans read pages by keyset on the EUI-64 key, with no connection held while
 * the sink runs.
 */
final class JdbcDeviceInventory implements DeviceInventory {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(JdbcDeviceInventory.class);

  /** Where connections come from. */
  @FunctionalInterface
  interface Connections {
    Connection get() throws SQLException;
  }

  private static final String COLUMNS =
      "d.device_eui, d.device_type, d.status, d.manufacturer, d.model, d.firmware_version,"
          + " d.firmware_status, d.smets_chts_version, d.gbcs_version, d.uprn, d.postcode,"
          + " d.address_identifier, d.csp_region, d.han_variant, d.connectivity, d.supplier_eui,"
          + " d.network_operator_eui";
  private static final String INSERT =
      "INSERT INTO smi_device (device_eui, device_type, status, manufacturer, model,"
          + " firmware_version, firmware_status, smets_chts_version, gbcs_version, uprn, postcode,"
          + " address_identifier, csp_region, han_variant, connectivity, supplier_eui,"
          + " network_operator_eui) VALUES ";
  private static final String DEVICE_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_MPXN =
      "INSERT INTO smi_device_mpxn (device_eui, position, mpxn) VALUES ";
  private static final String MPXN_ROW = "(?, ?, ?)";

  /** Devices per multi-row INSERT: one statement's round trip carries this many. */
  private static final int DEVICES_PER_INSERT = 100;

  /** MPxN rows per multi-row INSERT. */
  private static final int MPXNS_PER_INSERT = 300;

  /** The fewest devices added since the last ANALYZE that may call for another. */
  private static final long MIN_ANALYZE_GROWTH = 1_000;

  private static final String UPDATE =
      "UPDATE smi_device SET device_type = ?, status = ?, manufacturer = ?, model = ?,"
          + " firmware_version = ?, firmware_status = ?, smets_chts_version = ?, gbcs_version = ?,"
          + " uprn = ?, postcode = ?, address_identifier = ?, csp_region = ?, han_variant = ?,"
          + " connectivity = ?, supplier_eui = ?, network_operator_eui = ? WHERE device_eui = ?";
  private static final int MAX_IN_LIST = 1_000;

  private final Connections connections;
  private final Runnable ensureOpen;
  private final boolean syncWrites;
  private final int batchSize;
  private final int pageSize;
  private final ReadCache<Eui64, Device> cache;
  private final boolean analyzeAfterLoads;
  private final Object analyzeLock = new Object();
  private long addedSinceAnalyze;
  private long heldAtAnalyze;

  JdbcDeviceInventory(
      Connections connections,
      Runnable ensureOpen,
      boolean syncWrites,
      boolean analyzeAfterLoads,
      int batchSize,
      int scanPageSize,
      ReadCache<Eui64, Device> cache) {
    this.cache = Objects.requireNonNull(cache, "cache");
    this.connections = connections;
    this.ensureOpen = ensureOpen;
    this.syncWrites = syncWrites;
    this.analyzeAfterLoads = analyzeAfterLoads;
    this.batchSize = Math.min(batchSize, MAX_IN_LIST);
    this.pageSize = Math.min(scanPageSize, MAX_IN_LIST);
  }

  // ---- plumbing ----

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Another writer inserted one of these EUI-64s while this transaction ran. */
  private static final class LostRace extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Eui64> candidates;

    LostRace(List<Eui64> candidates, SQLException cause) {
      super(cause);
      this.candidates = candidates;
    }
  }

  private <T> T read(String what, Work<T> work) {
    ensureOpen.run();
    try (Connection c = connections.get()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new CertificateRepositoryException(what + " failed", e);
    }
  }

  private <T> T write(String what, Work<T> work) {
    ensureOpen.run();
    try {
      return writeUncounted(what, work);
    } finally {
      cache.changed();
    }
  }

  private <T> T writeUncounted(String what, Work<T> work) {
    try {
      try (Connection c = connections.get()) {
        T result;
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
        if (syncWrites) {
          try (Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
          }
        }
        return result;
      } catch (SQLException e) {
        throw new CertificateRepositoryException(what + " failed", e);
      }
    } catch (LostRace race) {
      for (Eui64 eui : race.candidates) {
        if (findStored(eui).isPresent()) {
          throw new DuplicateDeviceException(eui);
        }
      }
      throw new CertificateRepositoryException(what + " failed", race.getCause());
    }
  }

  private static boolean uniqueViolation(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      if ("23505".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static String key(Eui64 eui) {
    return eui.toCompactHex();
  }

  // ---- reads ----

  @Override
  public Optional<Device> find(Eui64 eui) {
    Objects.requireNonNull(eui, "eui");
    return cache.get(eui, () -> findStored(eui));
  }

  private Optional<Device> findStored(Eui64 eui) {
    return read(
            "Finding device " + eui,
            c ->
                lookup(
                    c, WITH_MPXNS + MPXNS_JOINED + " WHERE d.device_eui = ?" + IN_ORDER, key(eui))
                    .stream())
        .findFirst();
  }

  private static Optional<Device> select(Connection c, String key, boolean forUpdate)
      throws SQLException {
    List<Device> found =
        query(
            c,
            "SELECT "
                + COLUMNS
                + " FROM smi_device d WHERE d.device_eui = ?"
                + (forUpdate ? " FOR UPDATE" : ""),
            key);
    return found.stream().findFirst();
  }

  @Override
  public List<Device> findByUprn(Uprn uprn) {
    Objects.requireNonNull(uprn, "uprn");
    return read(
        "Finding the devices at UPRN " + uprn,
        c -> lookup(c, WITH_MPXNS + MPXNS_JOINED + " WHERE d.uprn = ?" + IN_ORDER, uprn.value()));
  }

  @Override
  public List<Device> findByMpxn(String mpxn) {
    Objects.requireNonNull(mpxn, "mpxn");
    return read(
        "Finding the devices of MPxN " + mpxn,
        c ->
            lookup(
                c,
                // The MPxN's own rows first, so the plan starts from its index.
                "SELECT "
                    + COLUMNS
                    + ", x.mpxn FROM smi_device_mpxn m"
                    + " JOIN smi_device d ON d.device_eui = m.device_eui"
                    + MPXNS_JOINED
                    + " WHERE m.mpxn = ?"
                    + IN_ORDER,
                mpxn));
  }

  @Override
  public List<Device> findByPostcode(Postcode postcode) {
    Objects.requireNonNull(postcode, "postcode");
    return read(
        "Finding the devices at " + postcode,
        c ->
            lookup(
                c,
                WITH_MPXNS + MPXNS_JOINED + " WHERE d.postcode = ?" + IN_ORDER,
                postcode.toString()));
  }

  @Override
  public List<Device> findByAddress(Postcode postcode, String addressIdentifier) {
    Objects.requireNonNull(postcode, "postcode");
    Objects.requireNonNull(addressIdentifier, "addressIdentifier");
    return read(
        "Finding the devices at " + postcode + ", " + addressIdentifier,
        c ->
            lookup(
                c,
                WITH_MPXNS
                    + MPXNS_JOINED
                    + " WHERE d.postcode = ? AND LOWER(d.address_identifier) = LOWER(?)"
                    + IN_ORDER,
                postcode.toString(),
                addressIdentifier));
  }

  @Override
  public long count() {
    return read(
        "Counting devices",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM smi_device");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public long scan(Consumer<Device> sink) {
    Objects.requireNonNull(sink, "sink");
    long delivered = 0;
    String after = "";
    while (true) {
      String from = after;
      List<Device> page =
          read(
              "Scanning devices",
              c ->
                  query(
                      c,
                      "SELECT "
                          + COLUMNS
                          + " FROM smi_device d WHERE d.device_eui > ? ORDER BY d.device_eui"
                          + " LIMIT "
                          + pageSize,
                      from));
      for (Device d : page) {
        sink.accept(d);
        delivered++;
      }
      if (page.size() < pageSize) {
        return delivered;
      }
      after = key(page.get(page.size() - 1).eui());
    }
  }

  /**
   * The start of a lookup that reads devices and their MPxNs in one statement: {@link #COLUMNS},
   * then an MPxN (null for a device with none), one row per MPxN.
   */
  private static final String WITH_MPXNS = "SELECT " + COLUMNS + ", x.mpxn FROM smi_device d";

  /** What follows the tables of a {@link #WITH_MPXNS} query: the join that brings the MPxNs. */
  private static final String MPXNS_JOINED =
      " LEFT JOIN smi_device_mpxn x ON x.device_eui = d.device_eui";

  /** The order {@link #lookup} needs: each device's rows together, its MPxNs in position order. */
  private static final String IN_ORDER = " ORDER BY d.device_eui, x.position";

  /**
   * The devices a {@link #WITH_MPXNS} query ordered {@link #IN_ORDER} selects, in EUI-64 order: one
   * statement and one round trip a lookup.
   */
  private static List<Device> lookup(Connection c, String sql, Object... args) throws SQLException {
    List<Device> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        Object[] row = null;
        List<String> mpxns = null;
        while (rs.next()) {
          String eui = rs.getString(1);
          if (row == null || !row[0].equals(eui)) {
            if (row != null) {
              out.add(device(row, mpxns));
            }
            row = new Object[17];
            for (int i = 0; i < row.length; i++) {
              row[i] = i == 9 ? (Object) nullableLong(rs, i + 1) : rs.getString(i + 1);
            }
            mpxns = new ArrayList<>(2);
          }
          String mpxn = rs.getString(18);
          if (mpxn != null) {
            mpxns.add(mpxn);
          }
        }
        if (row != null) {
          out.add(device(row, mpxns));
        }
      }
    }
    return out;
  }

  /** The devices a query over {@link #COLUMNS} selects, in its order, with their MPxNs. */
  private static List<Device> query(Connection c, String sql, Object... args) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] row = new Object[17];
          for (int i = 0; i < row.length; i++) {
            row[i] = i == 9 ? (Object) nullableLong(rs, i + 1) : rs.getString(i + 1);
          }
          rows.add(row);
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, List<String>> mpxns = mpxns(c, rows.stream().map(r -> (String) r[0]).toList());
    List<Device> out = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      out.add(device(r, mpxns.getOrDefault((String) r[0], List.of())));
    }
    return out;
  }

  private static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  private static Map<String, List<String>> mpxns(Connection c, List<String> keys)
      throws SQLException {
    Map<String, List<String>> out = new HashMap<>();
    StringBuilder sql =
        new StringBuilder("SELECT device_eui, mpxn FROM smi_device_mpxn WHERE device_eui IN (");
    for (int i = 0; i < keys.size(); i++) {
      sql.append(i == 0 ? "?" : ",?");
    }
    sql.append(") ORDER BY device_eui, position");
    try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < keys.size(); i++) {
        ps.setString(i + 1, keys.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }
      }
    }
    return out;
  }

  private static Device device(Object[] r, List<String> mpxns) {
    try {
      return new Device(
          Eui64.parse((String) r[0]),
          DeviceType.fromDuisText((String) r[1]).orElseThrow(),
          DeviceStatus.fromDuisText((String) r[2]).orElseThrow(),
          (String) r[3],
          (String) r[4],
          (String) r[5],
          FirmwareStatus.fromDuisText((String) r[6]).orElseThrow(),
          (String) r[7],
          (String) r[8],
          mpxns,
          Optional.ofNullable((Long) r[9]).map(Uprn::of),
          Optional.ofNullable((String) r[10]).map(Postcode::parse),
          Optional.ofNullable((String) r[11]),
          Optional.ofNullable((String) r[12]).map(s -> CspRegion.fromXmlText(s).orElseThrow()),
          (String) r[13],
          Optional.ofNullable((String) r[14]).map(s -> Connectivity.fromDuisText(s).orElseThrow()),
          Optional.ofNullable((String) r[15]).map(Eui64::parse),
          Optional.ofNullable((String) r[16]).map(Eui64::parse));
    } catch (RuntimeException e) {
      throw new CertificateRepositoryException(
          "The stored device " + r[0] + " is not a valid device: " + e.getMessage(), e);
    }
  }

  // ---- writes ----

  @Override
  public void add(Device device) {
    Objects.requireNonNull(device, "device");
    write(
        "Adding device " + device.eui(),
        c -> {
          if (select(c, key(device.eui()), false).isPresent()) {
            throw new DuplicateDeviceException(device.eui());
          }
          insert(c, List.of(device));
          return null;
        });
  }

  @Override
  public int addAll(List<Device> devices) {
    List<Device> copy = List.copyOf(devices);
    Set<Eui64> seen = new HashSet<>();
    for (Device d : copy) {
      if (!seen.add(d.eui())) {
        throw new DuplicateDeviceException(d.eui());
      }
    }
    if (copy.isEmpty()) {
      return 0;
    }
    write(
        "Adding " + copy.size() + " devices",
        c -> {
          // no look-up first: a device already held breaks the key, the whole load is rolled
          // back, and the batch's held device is then named (as when another writer won a race)
          for (int from = 0; from < copy.size(); from += batchSize) {
            insert(c, copy.subList(from, Math.min(copy.size(), from + batchSize)));
          }
          return copy.size();
        });
    analyzeAfterGrowth(copy.size());
    return copy.size();
  }

  /**
   * On PostgreSQL, refreshes the planner's statistics once the devices added since the last refresh
   * are as many as were held then (so at most about log2 of the estate's size times over a load):
   * without them, as after a bulk load before autovacuum's next visit (or with autovacuum off), the
   * planner guesses and reads a whole table for an MPxN or postcode lookup.
   */
  private void analyzeAfterGrowth(int added) {
    if (!analyzeAfterLoads) {
      return;
    }
    synchronized (analyzeLock) {
      addedSinceAnalyze += added;
      if (addedSinceAnalyze < Math.max(MIN_ANALYZE_GROWTH, heldAtAnalyze)) {
        return;
      }
      addedSinceAnalyze = 0;
      try {
        heldAtAnalyze =
            read(
                "Refreshing the device inventory's statistics",
                c -> {
                  try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE smi_device, smi_device_mpxn");
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM smi_device")) {
                      rs.next();
                      return rs.getLong(1);
                    }
                  }
                });
      } catch (CertificateRepositoryException e) {
        // the devices are committed; stale statistics only slow lookups, so the load succeeds
        LOG.warn("Could not refresh the device inventory's statistics after a load", e);
      }
    }
  }

  /** Inserts {@code batch} and its MPxNs, many rows to a statement. */
  private static void insert(Connection c, List<Device> batch) throws SQLException {
    try {
      insertRows(
          c,
          INSERT,
          DEVICE_ROW,
          DEVICES_PER_INSERT,
          batch,
          (ps, at, d) -> {
            ps.setString(at, key(d.eui()));
            return setFields(ps, at + 1, d);
          });
    } catch (SQLException e) {
      if (uniqueViolation(e)) {
        throw new LostRace(batch.stream().map(Device::eui).toList(), e);
      }
      throw e;
    }
    insertMpxns(c, batch);
  }

  /** One MPxN row: a device's MPxN at a position. */
  private record MpxnRow(String key, short position, String mpxn) {}

  private static void insertMpxns(Connection c, List<Device> devices) throws SQLException {
    List<MpxnRow> rows = new ArrayList<>();
    for (Device d : devices) {
      for (int i = 0; i < d.mpxns().size(); i++) {
        rows.add(new MpxnRow(key(d.eui()), (short) i, d.mpxns().get(i)));
      }
    }
    insertRows(
        c,
        INSERT_MPXN,
        MPXN_ROW,
        MPXNS_PER_INSERT,
        rows,
        (ps, at, r) -> {
          ps.setString(at, r.key());
          ps.setShort(at + 1, r.position());
          ps.setString(at + 2, r.mpxn());
          return at + 3;
        });
  }

  /** Sets one row's parameters from {@code at}, returning the next parameter's index. */
  @FunctionalInterface
  private interface RowSetter<T> {
    int set(PreparedStatement ps, int at, T row) throws SQLException;
  }

  /**
   * Inserts {@code rows} with multi-row INSERTs of up to {@code perStatement} rows: one prepared
   * statement for the full groups, executed as a JDBC batch, and one for the remainder.
   */
  private static <T> void insertRows(
      Connection c, String insert, String row, int perStatement, List<T> rows, RowSetter<T> setter)
      throws SQLException {
    int full = rows.size() / perStatement;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(values(insert, row, perStatement))) {
        for (int g = 0; g < full; g++) {
          int at = 1;
          for (T r : rows.subList(g * perStatement, (g + 1) * perStatement)) {
            at = setter.set(ps, at, r);
          }
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    int rest = rows.size() - full * perStatement;
    if (rest > 0) {
      try (PreparedStatement ps = c.prepareStatement(values(insert, row, rest))) {
        int at = 1;
        for (T r : rows.subList(full * perStatement, rows.size())) {
          at = setter.set(ps, at, r);
        }
        ps.executeUpdate();
      }
    }
  }

  private static String values(String insert, String row, int count) {
    StringBuilder sql = new StringBuilder(insert.length() + count * (row.length() + 2));
    sql.append(insert);
    for (int i = 0; i < count; i++) {
      sql.append(i == 0 ? "" : ", ").append(row);
    }
    return sql.toString();
  }

  /**
   * Sets the sixteen columns after the key, from {@code first}.
   *
   * @return the index after the last one set
   */
  private static int setFields(PreparedStatement ps, int first, Device d) throws SQLException {
    int i = first;
    ps.setString(i++, d.type().duisText());
    ps.setString(i++, d.status().duisText());
    ps.setString(i++, d.manufacturer());
    ps.setString(i++, d.model());
    ps.setString(i++, d.firmwareVersion());
    ps.setString(i++, d.firmwareStatus().duisText());
    ps.setString(i++, d.smetsChtsVersion());
    ps.setString(i++, d.gbcsVersion());
    if (d.uprn().isPresent()) {
      ps.setLong(i++, d.uprn().get().value());
    } else {
      ps.setNull(i++, Types.BIGINT);
    }
    ps.setString(i++, d.postcode().map(Postcode::toString).orElse(null));
    ps.setString(i++, d.addressIdentifier().orElse(null));
    ps.setString(i++, d.cspRegion().map(CspRegion::xmlText).orElse(null));
    ps.setString(i++, d.hanVariant());
    ps.setString(i++, d.connectivity().map(Connectivity::duisText).orElse(null));
    ps.setString(i++, d.supplier().map(JdbcDeviceInventory::key).orElse(null));
    ps.setString(i++, d.networkOperator().map(JdbcDeviceInventory::key).orElse(null));
    return i;
  }

  @Override
  public Optional<Device> replace(Device device) {
    Objects.requireNonNull(device, "device");
    return write(
        "Replacing device " + device.eui(),
        c -> {
          Optional<Device> old = select(c, key(device.eui()), true);
          if (old.isEmpty()) {
            return old;
          }
          try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            setFields(ps, 1, device);
            ps.setString(17, key(device.eui()));
            ps.executeUpdate();
          }
          deleteMpxns(c, device.eui());
          insertMpxns(c, List.of(device));
          return old;
        });
  }

  @Override
  public Optional<Device> updateStatus(Eui64 eui, DeviceStatus status) {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(status, "status");
    return write(
        "Setting the status of device " + eui,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE smi_device SET status = ? WHERE device_eui = ?")) {
            ps.setString(1, status.duisText());
            ps.setString(2, key(eui));
            if (ps.executeUpdate() == 0) {
              return Optional.empty();
            }
          }
          return select(c, key(eui), false);
        });
  }

  @Override
  public boolean remove(Eui64 eui) {
    Objects.requireNonNull(eui, "eui");
    return write(
        "Removing device " + eui,
        c -> {
          deleteMpxns(c, eui);
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM smi_device WHERE device_eui = ?")) {
            ps.setString(1, key(eui));
            return ps.executeUpdate() > 0;
          }
        });
  }

  private static void deleteMpxns(Connection c, Eui64 eui) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM smi_device_mpxn WHERE device_eui = ?")) {
      ps.setString(1, key(eui));
      ps.executeUpdate();
    }
  }
}
