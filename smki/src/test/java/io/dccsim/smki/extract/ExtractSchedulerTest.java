package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractSchedulerTest {
  @TempDir Path dir;
  private final SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-20T12:00:00Z"));
  private final InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private ExtractScheduler scheduler(Path where) {
    ExtractPublisher p =
        new ExtractPublisher(
            repo, new ExtractDirectory(where), clock, RetentionPolicy.keepFullExtracts(3), 1000);
    return new ExtractScheduler(
        ExtractSchedule.defaults(), p, clock, Duration.ofMinutes(5), meters);
  }

  private double runs(String kind, String outcome) {
    var c =
        meters
            .find(ExtractScheduler.RUNS_METRIC)
            .tag("kind", kind)
            .tag("outcome", outcome)
            .counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void followsTheClockAcrossGoLiveAndCatchesUpWithOneExtract() {
    for (long s = 1; s <= 5; s++) {
      repo.add(Records.record(s, CertificateStatus.IN_USE));
    }
    ExtractScheduler sch = scheduler(dir);
    assertThat(sch.tick()).isEmpty();

    clock.set(Instant.parse("2021-06-21T12:00:00Z"));
    ExtractManifest first = sch.tick().orElseThrow();
    assertThat(first.kind()).isEqualTo(ExtractKind.FULL);
    assertThat(first.scheduledFor()).contains(Instant.parse("2021-06-21T00:00:00Z"));
    assertThat(sch.tick()).isEmpty();

    // Across go-live: missed fulls on 22 and 23 June and deltas on 24 and 25: one full covers all.
    clock.set(Instant.parse("2021-06-25T12:00:00Z"));
    ExtractManifest catchUp = sch.tick().orElseThrow();
    assertThat(catchUp.kind()).isEqualTo(ExtractKind.FULL);
    assertThat(catchUp.scheduledFor()).contains(Instant.parse("2021-06-25T00:00:00Z"));

    repo.changeStatus(BigInteger.ONE, CertificateStatus.REVOKED, clock.instant());
    clock.set(Instant.parse("2021-06-26T12:00:00Z"));
    ExtractManifest delta = sch.tick().orElseThrow();
    assertThat(delta.kind()).isEqualTo(ExtractKind.DELTA);
    assertThat(delta.entryCount()).isEqualTo(1);
    assertThat(runs("FULL", "success")).isEqualTo(2);
    assertThat(runs("DELTA", "success")).isEqualTo(1);
  }

  @Test
  void missedDeltasAreCoveredByTheNextDeltaSoNoChangeIsSkipped() {
    clock.set(Instant.parse("2021-07-04T12:00:00Z")); // a Sunday after go-live
    repo.add(Records.record(1, CertificateStatus.IN_USE));
    ExtractScheduler sch = scheduler(dir);
    sch.runNow(ExtractKind.FULL);
    repo.changeStatus(BigInteger.ONE, CertificateStatus.NOT_IN_USE, clock.instant());
    repo.add(Records.record(2, CertificateStatus.PENDING));
    // Monday to Thursday's deltas missed: one delta at Thursday noon covers them.
    clock.set(Instant.parse("2021-07-08T12:00:00Z"));
    ExtractManifest d = sch.tick().orElseThrow();
    assertThat(d.kind()).isEqualTo(ExtractKind.DELTA);
    assertThat(d.entryCount()).isEqualTo(2);
    assertThat(ExtractReader.open(dir).load()).isEqualTo(ExtractInvariantTest.snapshot(repo));
  }

  @Test
  void failedRunIsCountedAndRetriedAfterTheDelay() throws IOException {
    Path blocked = dir.resolve("extracts");
    Files.writeString(blocked, "not a directory");
    ExtractScheduler sch = scheduler(blocked);
    clock.set(Instant.parse("2021-06-21T12:00:00Z"));
    assertThat(sch.tick()).isEmpty();
    assertThat(runs("FULL", "failure")).isEqualTo(1);
    Files.delete(blocked);
    clock.advance(Duration.ofMinutes(1));
    assertThat(sch.tick()).as("within the retry delay").isEmpty();
    clock.advance(Duration.ofMinutes(5));
    assertThat(sch.tick()).isPresent();
    assertThat(runs("FULL", "success")).isEqualTo(1);
  }

  @Test
  void restartProducesAFullExtractMissedDuringDowntime() {
    clock.set(Instant.parse("2021-07-04T12:00:00Z"));
    ExtractScheduler before = scheduler(dir);
    clock.set(Instant.parse("2021-07-05T12:00:00Z"));
    assertThat(before.tick().map(ExtractManifest::kind)).contains(ExtractKind.FULL);
    before.close();
    // Down for eight days, across Sunday 11 July: the first tick after the restart catches up.
    clock.set(Instant.parse("2021-07-13T12:00:00Z"));
    ExtractScheduler after = scheduler(dir);
    assertThat(after.lastPlanned()).isEqualTo(Instant.parse("2021-07-05T00:00:00Z"));
    assertThat(after.tick().map(ExtractManifest::kind)).contains(ExtractKind.FULL);
    assertThat(after.tick()).isEmpty();
  }

  @Test
  void timerTicksOnItsOwnThread() {
    ExtractScheduler sch = scheduler(dir);
    clock.set(Instant.parse("2021-06-22T12:00:00Z"));
    sch.start(Duration.ofMillis(20));
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> new ExtractDirectory(dir).latest().isPresent());
    } finally {
      sch.close();
    }
    assertThat(new ExtractDirectory(dir).latest().flatMap(ExtractManifest::scheduledFor))
        .isEqualTo(Optional.of(Instant.parse("2021-06-22T00:00:00Z")));
  }
}
