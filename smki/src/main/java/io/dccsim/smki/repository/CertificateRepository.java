package io.dccsim.smki.repository;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The SMKI Repository's store of certificates.
 *
 * <p>Implementations (in-memory, H2, PostgreSQL) pass one shared compatibility suite. Every method
 * is thread-safe. A method that returns normally has made its change durable (for the JDBC
 * implementations: committed), so an acknowledged add or status change survives a crash.
 */
public interface CertificateRepository extends AutoCloseable {

  /**
   * Adds a certificate. Idempotent by serial: adding a serial that is already held changes nothing
   * and returns the record already held (its status is not overwritten).
   *
   * @return the record as now held
   */
  CertificateRecord add(CertificateRecord record);

  /**
   * Adds many certificates in as few transactions as the implementation can manage, each one
   * idempotent as {@link #add}. For bulk loads.
   *
   * @return how many were new
   */
  int addAll(List<CertificateRecord> records);

  /** The certificate with this serial. */
  Optional<CertificateRecord> findBySerial(BigInteger serial);

  /**
   * The certificate with this issuer and serial. The issuer is compared as an X.500 name, so {@code
   * CN=Root, O=Test} and {@code cn=Root,o=Test} are the same issuer.
   */
  Optional<CertificateRecord> findByIssuerAndSerial(String issuer, BigInteger serial);

  /** The certificates matching the query, ordered by serial, at most {@code query.limit()}. */
  List<CertificateRecord> search(CertificateQuery query);

  /**
   * Sets the status of a certificate and appends a change to the feed. Setting the status it
   * already has is a no-op that appends nothing.
   *
   * @return the record as now held, or empty when the serial is unknown
   */
  Optional<CertificateRecord> changeStatus(
      BigInteger serial, CertificateStatus status, Instant when);

  /**
   * The changes with sequence strictly greater than {@code afterSequence}, in sequence order, at
   * most {@code limit} of them.
   */
  List<CertificateChange> changesAfter(long afterSequence, int limit);

  /** The sequence of the latest change, or 0 when there has been none. */
  long lastSequence();

  /**
   * Streams every certificate, ordered by serial, to {@code sink}, with bounded memory whatever the
   * repository's size. The scan is stable: it sees each certificate that existed when it started
   * exactly once.
   *
   * @return how many records were delivered
   */
  long scan(Consumer<CertificateRecord> sink);

  /** How many certificates are held. */
  long count();

  /** How many certificates have this status. */
  long count(CertificateStatus status);

  /**
   * Where the store also keeps the DUIS RequestID counters, if it does: a database does, an
   * in-memory repository does not (nothing it holds outlives the process).
   */
  default java.util.Optional<RequestCounterStore> requestCounters() {
    return java.util.Optional.empty();
  }

  /**
   * Where the store also keeps the simulator's User registrations, if it does: a database does, an
   * in-memory repository does not.
   */
  default java.util.Optional<UserRegistrationStore> userRegistrations() {
    return java.util.Optional.empty();
  }

  /**
   * Where the store also keeps the Smart Metering Inventory (the devices the DCC knows), if it
   * does: a database does, in the same database as the certificates; an in-memory repository does
   * not (use {@link io.dccsim.core.inventory.InMemoryDeviceInventory} there).
   */
  default java.util.Optional<io.dccsim.core.inventory.DeviceInventory> deviceInventory() {
    return java.util.Optional.empty();
  }

  /**
   * Where the store also keeps the simulator's outbox (what the DCC sends Users later, and their
   * receiving URLs), if it does: a database does, an in-memory repository does not (use {@link
   * InMemoryOutboxStore} there).
   */
  default java.util.Optional<OutboxStore> outbox() {
    return java.util.Optional.empty();
  }

  /** Releases connections and files. */
  @Override
  void close();
}
