package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateChange;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractPublisherTest {
  @TempDir Path dir;
  private final SimulatedClock clock = SimulatedClock.fixed(Records.T0);
  private final InMemoryCertificateRepository repo = new InMemoryCertificateRepository();

  private ExtractPublisher publisher(Path where, int keep, int maxChanged) {
    return new ExtractPublisher(
        repo,
        new ExtractDirectory(where),
        clock,
        RetentionPolicy.keepFullExtracts(keep),
        maxChanged);
  }

  private void issue(long from, long to) {
    for (long s = from; s <= to; s++) {
      repo.add(Records.record(s, CertificateStatus.IN_USE));
    }
  }

  @Test
  void fullThenDeltaWithLatestStateOfEachChangedCertificate() {
    issue(1, 10);
    ExtractPublisher p = publisher(dir, 4, 1000);
    ExtractManifest full = p.publish(ExtractKind.FULL, Optional.empty());
    assertThat(full.number()).isEqualTo(1);
    assertThat(full.entryCount()).isEqualTo(10);
    assertThat(full.statusCounts()).containsExactly(Map.entry(CertificateStatus.IN_USE, 10L));
    assertThat(Files.exists(dir.resolve(full.fileName().digestName()))).isTrue();

    repo.changeStatus(BigInteger.ONE, CertificateStatus.NOT_IN_USE, clock.instant());
    repo.changeStatus(BigInteger.ONE, CertificateStatus.REVOKED, clock.instant());
    issue(11, 11);
    ExtractManifest delta = p.publish(ExtractKind.DELTA, Optional.of(Records.T0));
    assertThat(delta.kind()).isEqualTo(ExtractKind.DELTA);
    assertThat(delta.number()).isEqualTo(2);
    assertThat(delta.basedOnFull()).hasValue(1);
    assertThat(delta.previous()).hasValue(1);
    assertThat(delta.fromSequence()).isEqualTo(full.toSequence());
    assertThat(delta.toSequence()).isEqualTo(repo.lastSequence());
    assertThat(delta.entryCount()).isEqualTo(2);
    assertThat(delta.statusCounts())
        .containsOnly(
            Map.entry(CertificateStatus.REVOKED, 1L), Map.entry(CertificateStatus.IN_USE, 1L));
    assertThat(delta.scheduledFor()).contains(Records.T0);

    ExtractManifest empty = p.publish(ExtractKind.DELTA, Optional.empty());
    assertThat(empty.entryCount()).isZero();
    assertThat(empty.fromSequence()).isEqualTo(empty.toSequence());
  }

  @Test
  void firstDeltaAndOversizeDeltaBecomeFullExtracts() {
    issue(1, 5);
    ExtractPublisher p = publisher(dir, 4, 3);
    assertThat(p.publish(ExtractKind.DELTA, Optional.empty()).kind()).isEqualTo(ExtractKind.FULL);
    for (long s = 1; s <= 4; s++) {
      repo.changeStatus(BigInteger.valueOf(s), CertificateStatus.REVOKED, clock.instant());
    }
    assertThat(p.publish(ExtractKind.DELTA, Optional.empty()).kind()).isEqualTo(ExtractKind.FULL);
  }

  @Test
  void retentionKeepsTheNewestFullsAndTheirDeltas() {
    issue(1, 3);
    ExtractPublisher p = publisher(dir, 2, 1000);
    List<ExtractKind> kinds =
        List.of(
            ExtractKind.FULL,
            ExtractKind.DELTA,
            ExtractKind.FULL,
            ExtractKind.DELTA,
            ExtractKind.DELTA,
            ExtractKind.FULL,
            ExtractKind.DELTA);
    for (ExtractKind k : kinds) {
      p.publish(k, Optional.empty());
    }
    assertThat(p.directory().names().stream().map(ExtractFileName::number))
        .containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(digestFiles()).hasSize(5);
  }

  @Test
  void fullExtractMatchesOneSequencePointWhileCertificatesChangeDuringTheScan() {
    issue(1, 50);
    // A repository whose scan sees changes made while it runs, as a JDBC scan may.
    InMemoryCertificateRepository live = repo;
    var racing =
        new ForwardingRepository(live) {
          @Override
          public long scan(Consumer<CertificateRecord> sink) {
            long[] n = {0};
            return live.scan(
                r -> {
                  n[0]++;
                  if (n[0] == 10) {
                    live.changeStatus(BigInteger.valueOf(3), CertificateStatus.REVOKED, Records.T0);
                    live.changeStatus(
                        BigInteger.valueOf(40), CertificateStatus.REVOKED, Records.T0);
                    live.add(Records.record(51, CertificateStatus.PENDING));
                  }
                  sink.accept(r);
                });
          }
        };
    ExtractPublisher p =
        new ExtractPublisher(
            racing, new ExtractDirectory(dir), clock, RetentionPolicy.keepFullExtracts(2), 1000);
    ExtractManifest full = p.publish(ExtractKind.FULL, Optional.empty());
    assertThat(full.toSequence()).isEqualTo(live.lastSequence());
    assertThat(ExtractReader.open(dir).load()).isEqualTo(ExtractInvariantTest.snapshot(live));
  }

  @Test
  void failureMidWriteLeavesNothingAndIsAClearError() throws IOException {
    issue(1, 100);
    var failing =
        new ForwardingRepository(repo) {
          @Override
          public long scan(Consumer<CertificateRecord> sink) {
            return repo.scan(
                r -> {
                  if (r.serial().intValue() == 60) {
                    throw new UncheckedIOException(new IOException("No space left on device"));
                  }
                  sink.accept(r);
                });
          }
        };
    ExtractPublisher p =
        new ExtractPublisher(
            failing, new ExtractDirectory(dir), clock, RetentionPolicy.keepFullExtracts(2), 1000);
    assertThatThrownBy(() -> p.publish(ExtractKind.FULL, Optional.empty()))
        .isInstanceOf(ExtractException.class)
        .hasMessageContaining("No space left on device")
        .hasMessageContaining(dir.toString());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void unwritableDirectoryIsAClearError() throws IOException {
    Path notADir = Files.writeString(dir.resolve("occupied"), "x");
    issue(1, 1);
    ExtractPublisher p = publisher(notADir.resolve("extracts"), 2, 1000);
    assertThatThrownBy(() -> p.publish(ExtractKind.FULL, Optional.empty()))
        .isInstanceOf(ExtractException.class)
        .hasMessageContaining("Cannot create extract directory");
  }

  @Test
  void recoverRemovesLeftovers() throws IOException {
    issue(1, 2);
    ExtractPublisher p = publisher(dir, 2, 1000);
    ExtractManifest m = p.publish(ExtractKind.FULL, Optional.empty());
    Files.writeString(dir.resolve(".smki-extract-2.tmp"), "partial");
    Files.writeString(
        dir.resolve(new ExtractFileName(2, ExtractKind.DELTA, Records.T0).digestName()), "x");
    assertThat(p.directory().recover()).isEqualTo(2);
    assertThat(p.directory().names()).containsExactly(m.fileName());
    assertThat(digestFiles()).hasSize(1);
  }

  private List<Path> digestFiles() {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(f -> f.toString().endsWith(".sha256")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Delegates everything; tests override what they need. */
  static class ForwardingRepository implements io.dccsim.smki.repository.CertificateRepository {
    final io.dccsim.smki.repository.CertificateRepository d;

    ForwardingRepository(io.dccsim.smki.repository.CertificateRepository d) {
      this.d = d;
    }

    @Override
    public CertificateRecord add(CertificateRecord record) {
      return d.add(record);
    }

    @Override
    public int addAll(List<CertificateRecord> records) {
      return d.addAll(records);
    }

    @Override
    public Optional<CertificateRecord> findBySerial(BigInteger serial) {
      return d.findBySerial(serial);
    }

    @Override
    public Optional<CertificateRecord> findByIssuerAndSerial(String issuer, BigInteger serial) {
      return d.findByIssuerAndSerial(issuer, serial);
    }

    @Override
    public List<CertificateRecord> search(io.dccsim.smki.repository.CertificateQuery query) {
      return d.search(query);
    }

    @Override
    public Optional<CertificateRecord> changeStatus(
        BigInteger serial, CertificateStatus status, java.time.Instant when) {
      return d.changeStatus(serial, status, when);
    }

    @Override
    public List<CertificateChange> changesAfter(long afterSequence, int limit) {
      return d.changesAfter(afterSequence, limit);
    }

    @Override
    public long lastSequence() {
      return d.lastSequence();
    }

    @Override
    public long scan(Consumer<CertificateRecord> sink) {
      return d.scan(sink);
    }

    @Override
    public long count() {
      return d.count();
    }

    @Override
    public long count(CertificateStatus status) {
      return d.count(status);
    }

    @Override
    public void close() {
      d.close();
    }
  }
}
