package io.dccsim.examples.extract;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A supplier's local copy of the SMKI repository, kept from the extracts the DCC publishes: since
 * the June 2021 release (MP147) a full extract each week and a delta each day. {@link #refresh()}
 * loads the newest full extract and every delta after it, checking digests and the chain, and swaps
 * the new copy in only when all of it loaded.
 */
public final class LocalCertificateCache {
  private record Snapshot(
      Map<BigInteger, CertificateRecord> records, List<ExtractManifest> chain) {}

  private final Path directory;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), List.of());

  /** A cache of the extracts published into {@code directory}. */
  public LocalCertificateCache(Path directory) {
    this.directory = Objects.requireNonNull(directory, "directory");
  }

  /**
   * Reloads from the directory.
   *
   * @return the extracts the copy now reflects: a full extract, then its deltas
   * @throws io.dccsim.smki.extract.ExtractException when a file is damaged or the chain broken; the
   *     previous copy stays in use
   */
  public List<ExtractManifest> refresh() {
    ExtractReader reader = ExtractReader.open(directory);
    List<ExtractManifest> chain = reader.chain();
    Map<BigInteger, CertificateRecord> records = reader.load();
    snapshot = new Snapshot(Map.copyOf(records), List.copyOf(chain));
    return chain;
  }

  /** The certificate with this serial, as of the last refresh. */
  public Optional<CertificateRecord> bySerial(BigInteger serial) {
    return Optional.ofNullable(snapshot.records().get(serial));
  }

  /** The in-use certificates of a device, as of the last refresh. */
  public List<CertificateRecord> inUseFor(Eui64 device) {
    return snapshot.records().values().stream()
        .filter(r -> r.status() == CertificateStatus.IN_USE)
        .filter(r -> r.subjectAltNameEui().equals(Optional.of(device)))
        .toList();
  }

  /** How many certificates the copy holds. */
  public int size() {
    return snapshot.records().size();
  }

  /** The whole copy, by serial. */
  public Map<BigInteger, CertificateRecord> records() {
    return snapshot.records();
  }

  /** The extracts the copy reflects. */
  public List<ExtractManifest> chain() {
    return snapshot.chain();
  }
}
