package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The invariant of the extract chain: the last full extract plus every delta after it reproduces
 * the repository exactly as it stood at the last extract's sequence point.
 */
class ExtractInvariantTest {

  /** One step of a history. */
  sealed interface Step {}

  record Issue(int count) implements Step {}

  record ChangeStatus(int pick, CertificateStatus status) implements Step {}

  record Publish(ExtractKind kind) implements Step {}

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> issue = Arbitraries.integers().between(1, 5).map(Issue::new);
    Arbitrary<Step> change =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000), Arbitraries.of(CertificateStatus.class))
            .as(ChangeStatus::new);
    Arbitrary<Step> publish = Arbitraries.of(ExtractKind.class).map(Publish::new);
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(3, issue),
            net.jqwik.api.Tuple.of(5, change),
            net.jqwik.api.Tuple.of(2, publish))
        .list()
        .ofMinSize(1)
        .ofMaxSize(60);
  }

  @Property(tries = 60)
  void lastFullPlusDeltasReproduceTheRepository(
      @ForAll("histories") List<Step> history, @ForAll @IntRange(min = 1, max = 3) int keepFulls)
      throws Exception {
    Path dir = Files.createTempDirectory("dccsim-extract-inv");
    SimulatedClock clock = SimulatedClock.fixed(Records.T0);
    try (InMemoryCertificateRepository repo = new InMemoryCertificateRepository()) {
      ExtractPublisher publisher =
          new ExtractPublisher(
              repo,
              new ExtractDirectory(dir),
              clock,
              RetentionPolicy.keepFullExtracts(keepFulls),
              ExtractPublisher.DEFAULT_MAX_CHANGED);
      long serial = 0;
      Map<BigInteger, CertificateRecord> atLastExtract = null;
      for (Step step : history) {
        clock.advance(Duration.ofMinutes(7));
        if (step instanceof Issue i) {
          for (int k = 0; k < i.count(); k++) {
            repo.add(Records.record(++serial, CertificateStatus.PENDING));
          }
        } else if (step instanceof ChangeStatus c) {
          if (serial > 0) {
            repo.changeStatus(
                BigInteger.valueOf(1 + c.pick() % serial), c.status(), clock.instant());
          }
        } else if (step instanceof Publish p) {
          ExtractManifest m = publisher.publish(p.kind(), Optional.empty());
          assertThat(m.toSequence()).isEqualTo(repo.lastSequence());
          atLastExtract = snapshot(repo);
          assertThat(ExtractReader.open(dir).load()).isEqualTo(atLastExtract);
        }
      }
      publisher.publish(ExtractKind.DELTA, Optional.empty());
      assertThat(ExtractReader.open(dir).load()).isEqualTo(snapshot(repo));
      assertThat(publisher.directory().names().stream().filter(n -> n.kind() == ExtractKind.FULL))
          .hasSizeLessThanOrEqualTo(keepFulls);
    } finally {
      TempFiles.deleteTree(dir);
    }
  }

  static Map<BigInteger, CertificateRecord> snapshot(InMemoryCertificateRepository repo) {
    Map<BigInteger, CertificateRecord> m = new TreeMap<>();
    repo.scan(r -> m.put(r.serial(), r));
    return m;
  }
}
