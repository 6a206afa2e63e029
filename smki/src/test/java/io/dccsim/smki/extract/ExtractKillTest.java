package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of writing an extract leaves nothing visible; the next start makes it. */
class ExtractKillTest {
  static final Instant DAY1 = Instant.parse("2021-07-03T12:00:00Z");
  // A Sunday: the weekly full extract is due.
  static final Instant DAY2 = Instant.parse("2021-07-04T12:00:00Z");
  static final int CERTIFICATES = 20_000;

  @TempDir Path dir;

  static CertificateRepository repository(boolean slow) {
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    for (long s = 1; s <= CERTIFICATES; s++) {
      repo.add(Records.record(s, CertificateStatus.IN_USE));
    }
    if (!slow) {
      return repo;
    }
    return new ExtractPublisherTest.ForwardingRepository(repo) {
      @Override
      public long scan(Consumer<CertificateRecord> sink) {
        System.out.println("SCANNING");
        System.out.flush();
        return repo.scan(
            r -> {
              try {
                Thread.sleep(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              sink.accept(r);
            });
      }
    };
  }

  static ExtractScheduler scheduler(CertificateRepository repo, Path dir, Clock clock) {
    ExtractPublisher p =
        new ExtractPublisher(
            repo, new ExtractDirectory(dir), clock, RetentionPolicy.keepFullExtracts(3), 1000);
    return new ExtractScheduler(
        ExtractSchedule.defaults(), p, clock, Duration.ofMinutes(1), new SimpleMeterRegistry());
  }

  /** The child: a scheduled run on DAY2 over a slow repository, to be killed. */
  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    scheduler(repository(true), dir, SimulatedClock.fixed(DAY2)).tick();
    System.out.println("FINISHED");
  }

  @Test
  void killedMidWriteLeavesNoVisibleExtract() throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(DAY1.minus(Duration.ofDays(1)));
    CertificateRepository repo = repository(false);
    ExtractScheduler first = scheduler(repo, dir, clock);
    clock.set(DAY1);
    ExtractManifest day1 = first.tick().orElseThrow();

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                ExtractKillTest.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder seen = new StringBuilder();
      String line;
      while ((line = out.readLine()) != null && !line.contains("SCANNING")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the child started its scan; it said:%n%s", seen).isNotNull();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> tempFiles().stream().anyMatch(p -> sizeOf(p) > 64 * 1024));
      child.destroyForcibly();
      assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }

    assertThat(tempFiles()).as("the killed run left its temporary file").isNotEmpty();
    assertThat(new ExtractDirectory(dir).names()).containsExactly(day1.fileName());

    clock.set(DAY2);
    ExtractScheduler restarted = scheduler(repo, dir, clock);
    assertThat(tempFiles()).as("recovered at start").isEmpty();
    ExtractManifest day2 = restarted.tick().orElseThrow();
    assertThat(day2.kind()).isEqualTo(ExtractKind.FULL);
    assertThat(day2.scheduledFor()).contains(Instant.parse("2021-07-04T00:00:00Z"));
    assertThat(ExtractReader.open(dir).load()).hasSize(CERTIFICATES);
  }

  private List<Path> tempFiles() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
