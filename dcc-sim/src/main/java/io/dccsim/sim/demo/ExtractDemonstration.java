package io.dccsim.sim.demo;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.release.Modification;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.extract.ExtractDirectory;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.extract.ExtractRegimePolicy;
import io.dccsim.smki.extract.ExtractSchedule;
import io.dccsim.smki.extract.ExtractScheduler;
import io.dccsim.smki.extract.RetentionPolicy;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import io.dccsim.smki.repository.bulk.SyntheticDeviceRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The MP147 section of the demonstration: an SMKI repository changing every day, published by the
 * extract scheduler on a simulated clock for a fortnight before go-live and a fortnight after it.
 * Both fortnights use the same schedule and the by-date baseline; only the date differs.
 */
public final class ExtractDemonstration {

  /** The first day of the fortnight before go-live (a Monday). */
  public static final LocalDate BEFORE_START = LocalDate.of(2021, 5, 31);

  /** The first day of the fortnight after go-live (a Monday). */
  public static final LocalDate AFTER_START = LocalDate.of(2021, 7, 5);

  /** Days simulated. */
  public static final int DAYS = 14;

  private final int initialCertificates;
  private final int newPerDay;
  private final int revokedPerDay;

  /** A demonstration over a repository of this many certificates changing by these each day. */
  public ExtractDemonstration(int initialCertificates, int newPerDay, int revokedPerDay) {
    if (initialCertificates < 1 || newPerDay < 0 || revokedPerDay < 0) {
      throw new IllegalArgumentException("sizes must be positive");
    }
    this.initialCertificates = initialCertificates;
    this.newPerDay = newPerDay;
    this.revokedPerDay = revokedPerDay;
  }

  /** The standard size: 1,000 certificates, 50 issued and 5 revoked a day. */
  public static ExtractDemonstration standard() {
    return new ExtractDemonstration(1_000, 50, 5);
  }

  /**
   * What one fortnight of publication produced.
   *
   * @param regime the extract regime in force during the fortnight
   * @param runs the extracts the schedule published in the fortnight, oldest first
   * @param bytes the bytes of each of those extracts
   * @param chainLength how many files a consumer reads to rebuild the repository at the end
   * @param reproduces whether the latest full extract plus the deltas after it reproduce the
   *     repository exactly
   */
  public record Fortnight(
      String regime,
      List<ExtractManifest> runs,
      List<Long> bytes,
      int chainLength,
      boolean reproduces) {

    long count(ExtractKind kind) {
      return runs.stream().filter(m -> m.kind() == kind).count();
    }

    long entries() {
      return runs.stream().mapToLong(ExtractManifest::entryCount).sum();
    }

    long totalBytes() {
      return bytes.stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * Runs one fortnight: an initial full extract at 01:30 London time on {@code firstDay}, then the
   * scheduled runs of the fourteen days after it.
   */
  public Fortnight run(LocalDate firstDay) throws IOException {
    Path dir = Files.createTempDirectory("dccsim-demo-extracts-");
    try {
      return run(firstDay, dir);
    } finally {
      deleteTree(dir);
    }
  }

  private Fortnight run(LocalDate firstDay, Path dir) {
    // Start just after the first day's 01:00 run, which the initial full extract stands for.
    Instant start = firstDay.atTime(1, 30).atZone(ExtractSchedule.LONDON).toInstant();
    SimulatedClock clock = SimulatedClock.fixed(start, ExtractSchedule.LONDON);
    ExtractSchedule schedule =
        ExtractSchedule.builder()
            .regimePolicy(ExtractRegimePolicy.fromBaseline(BaselinePolicy.byDate()))
            .build();
    SyntheticDeviceRecords records = SyntheticDeviceRecords.withSeed(firstDay.toEpochDay());
    try (InMemoryCertificateRepository repository = new InMemoryCertificateRepository()) {
      List<CertificateRecord> initial = new ArrayList<>();
      for (int i = 0; i < initialCertificates; i++) {
        initial.add(records.record(i));
      }
      repository.addAll(initial);
      ExtractPublisher publisher =
          new ExtractPublisher(
              repository,
              new ExtractDirectory(dir),
              clock,
              RetentionPolicy.keepFullExtracts(DAYS + 1),
              ExtractPublisher.DEFAULT_MAX_CHANGED);
      // The repository already had a full extract when the fortnight began.
      publisher.publish(ExtractKind.FULL, Optional.empty());
      List<ExtractManifest> runs = new ArrayList<>();
      List<Long> bytes = new ArrayList<>();
      try (ExtractScheduler scheduler =
          new ExtractScheduler(
              schedule, publisher, clock, Duration.ofMinutes(5), new SimpleMeterRegistry())) {
        long next = initialCertificates;
        long nextToRevoke = 0;
        for (int day = 1; day <= DAYS; day++) {
          clock.set(start.plus(Duration.ofDays(day - 1)).plus(Duration.ofHours(12)));
          for (int i = 0; i < newPerDay; i++) {
            repository.add(records.record(next++));
          }
          for (int i = 0; i < revokedPerDay; i++) {
            repository.changeStatus(
                records.serial(nextToRevoke++), CertificateStatus.REVOKED, clock.instant());
          }
          clock.set(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(3)));
          Optional<ExtractManifest> published = scheduler.tick();
          if (published.isPresent()) {
            runs.add(published.get());
            bytes.add(size(publisher.directory().file(published.get().fileName())));
          }
        }
      }
      ExtractReader reader = ExtractReader.open(dir);
      int chain = reader.chain().size();
      Map<BigInteger, CertificateRecord> rebuilt = reader.load();
      Map<BigInteger, CertificateStatus> expected = new HashMap<>();
      repository.scan(r -> expected.put(r.serial(), r.status()));
      Map<BigInteger, CertificateStatus> actual = new HashMap<>();
      rebuilt.forEach((serial, r) -> actual.put(serial, r.status()));
      String regime = schedule.regimeAt(start.plus(Duration.ofDays(DAYS / 2))).name();
      return new Fortnight(regime, runs, bytes, chain, expected.equals(actual));
    }
  }

  /** The MP147 section. */
  public DemoSection section() throws IOException {
    Fortnight before = run(BEFORE_START);
    Fortnight after = run(AFTER_START);
    List<DemoRow> rows = new ArrayList<>();
    rows.add(new DemoRow("regime in force", before.regime(), after.regime()));
    rows.add(
        new DemoRow(
            "full extracts published",
            Long.toString(before.count(ExtractKind.FULL)),
            Long.toString(after.count(ExtractKind.FULL))));
    rows.add(
        new DemoRow(
            "delta extracts published",
            Long.toString(before.count(ExtractKind.DELTA)),
            Long.toString(after.count(ExtractKind.DELTA))));
    rows.add(new DemoRow("published on", days(before), days(after)));
    rows.add(
        new DemoRow(
            "certificate entries written",
            Long.toString(before.entries()),
            Long.toString(after.entries())));
    rows.add(
        new DemoRow(
            "bytes written",
            String.format(Locale.ROOT, "%,d", before.totalBytes()),
            String.format(Locale.ROOT, "%,d", after.totalBytes())));
    rows.add(
        new DemoRow(
            "files a consumer reads to rebuild",
            Integer.toString(before.chainLength()),
            Integer.toString(after.chainLength())));
    rows.add(
        new DemoRow(
            "rebuilt repository equals the live one",
            before.reproduces() ? "yes" : "NO",
            after.reproduces() ? "yes" : "NO"));
    return DemoSection.of(
        Modification.MP147,
        List.of(
            "an in-memory SMKI repository of "
                + initialCertificates
                + " device certificates; each day "
                + newPerDay
                + " are added and "
                + revokedPerDay
                + " revoked",
            "the extract scheduler runs on a simulated clock for "
                + DAYS
                + " days from "
                + BEFORE_START
                + " and from "
                + AFTER_START
                + " (default schedule: daily at 01:00, weekly full on Sunday, London time,"
                + " regime by date)",
            "then the extract reader rebuilds the repository from the latest full extract and"
                + " the deltas after it"),
        rows);
  }

  private static String days(Fortnight f) {
    StringBuilder out = new StringBuilder();
    for (ExtractManifest m : f.runs()) {
      if (out.length() > 0) {
        out.append(' ');
      }
      LocalDate d =
          m.scheduledFor().orElse(m.cutOff()).atZone(ExtractSchedule.LONDON).toLocalDate();
      out.append(d.getDayOfMonth()).append(m.kind() == ExtractKind.FULL ? "F" : "d");
    }
    return out.toString();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
