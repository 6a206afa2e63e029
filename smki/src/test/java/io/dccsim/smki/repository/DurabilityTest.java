package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged write survives {@code kill -9}: a forked JVM ({@link AcknowledgingWriter}) writes
 * and acknowledges, is killed with SIGKILL while writing, and the store, reopened, holds every
 * acknowledged add and status change.
 */
class DurabilityTest {

  /** How many acknowledgements to read before the kill; the writer is still writing then. */
  private static final int ACKS_BEFORE_KILL = 120;

  @TempDir Path dir;

  @Test
  void h2FileStoreKeepsEveryAcknowledgedWriteAcrossKill9() throws Exception {
    Path store = dir.resolve("store");
    Acks acks = runAndKill("h2", store.toString());
    try (CertificateRepository reopened = CertificateRepositories.h2File(store)) {
      assertHoldsEveryAcknowledgedWrite(reopened, acks);
    }
  }

  @Test
  void postgresKeepsEveryAcknowledgedWriteAcrossKill9() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    String schema = PostgresTestDatabase.uniqueSchema("dccsim_durability_test");
    try {
      Acks acks = runAndKill("postgres", schema);
      try (CertificateRepository reopened =
          CertificateRepositories.postgres(
              PostgresTestDatabase.URL,
              PostgresTestDatabase.USER,
              PostgresTestDatabase.PASSWORD,
              schema)) {
        assertHoldsEveryAcknowledgedWrite(reopened, acks);
      }
    } finally {
      PostgresTestDatabase.dropSchema(schema);
    }
  }

  /** The serials the writer acknowledged as added and as revoked. */
  record Acks(TreeSet<Long> added, TreeSet<Long> revoked) {}

  private static Acks runAndKill(String kind, String where)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child =
        new ProcessBuilder(
                java.toString(),
                "-Xmx128m",
                "-cp",
                System.getProperty("java.class.path"),
                AcknowledgingWriter.class.getName(),
                kind,
                where)
            .redirectErrorStream(true)
            .start();
    TreeSet<Long> added = new TreeSet<>();
    TreeSet<Long> revoked = new TreeSet<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      String line;
      while (added.size() + revoked.size() < ACKS_BEFORE_KILL
          && System.nanoTime() < deadline
          && (line = lines.readLine()) != null) {
        if (line.startsWith("ACK ADDED ")) {
          added.add(Long.parseLong(line.substring(10)));
        } else if (line.startsWith("ACK REVOKED ")) {
          revoked.add(Long.parseLong(line.substring(12)));
        } else if (other.size() < 200) {
          other.add(line);
        }
      }
      if (added.size() + revoked.size() < ACKS_BEFORE_KILL) {
        child.destroyForcibly();
        fail(
            "The writer stopped after %d acknowledgements; its other output:%n%s",
            added.size() + revoked.size(), String.join("\n", other));
      }
      assertThat(child.isAlive()).as("the writer is still writing when it is killed").isTrue();
      child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      child.destroyForcibly();
    }
    return new Acks(added, revoked);
  }

  private static void assertHoldsEveryAcknowledgedWrite(CertificateRepository repo, Acks acks) {
    for (long serial : acks.added()) {
      CertificateRecord held =
          repo.findBySerial(BigInteger.valueOf(serial))
              .orElseThrow(() -> new AssertionError("acknowledged add of " + serial + " lost"));
      assertThat(held.der()).isEqualTo(SyntheticCertificates.der(serial, 450));
    }
    for (long serial : acks.revoked()) {
      CertificateRecord held = repo.findBySerial(BigInteger.valueOf(serial)).orElseThrow();
      assertThat(held.status())
          .as("acknowledged revocation of %d", serial)
          .isEqualTo(CertificateStatus.REVOKED);
      assertThat(held.statusChangedAt()).isEqualTo(Instant.ofEpochSecond(serial));
    }
    // The feed agrees with the store: contiguous from 1, one ADDED per certificate held.
    Supplier<List<CertificateChange>> feed = () -> repo.changesAfter(0, 10_000);
    List<CertificateChange> changes = feed.get();
    assertThat(changes).hasSize((int) repo.lastSequence());
    for (int i = 0; i < changes.size(); i++) {
      assertThat(changes.get(i).sequence()).isEqualTo(i + 1L);
    }
    assertThat(changes.stream().filter(c -> c.type() == CertificateChange.Type.ADDED).count())
        .isEqualTo(repo.count());
    assertThat(repo.count()).isGreaterThanOrEqualTo(acks.added().size());
  }
}
