package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepositories;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extracts of the embedded H2 repository, with writers running during the full extract. */
class JdbcExtractTest {
  @TempDir Path dir;

  @Test
  void fullAndDeltasOfH2WhileCertificatesChangeConcurrently() throws Exception {
    SimulatedClock clock = SimulatedClock.fixed(Records.T0);
    try (CertificateRepository repo =
        CertificateRepositories.h2InMemory("extract-" + UUID.randomUUID())) {
      List<CertificateRecord> batch = new ArrayList<>();
      for (long s = 1; s <= 3000; s++) {
        batch.add(Records.record(s, CertificateStatus.IN_USE));
      }
      repo.addAll(batch);
      ExtractPublisher publisher =
          new ExtractPublisher(
              repo, new ExtractDirectory(dir), clock, RetentionPolicy.keepFullExtracts(2), 100_000);

      ExecutorService writer = Executors.newSingleThreadExecutor();
      AtomicBoolean stop = new AtomicBoolean();
      Future<Object> changes =
          writer.submit(
              () -> {
                long next = 3001;
                int i = 0;
                while (!stop.get()) {
                  if (i % 3 == 0) {
                    repo.add(Records.record(next++, CertificateStatus.PENDING));
                  } else {
                    repo.changeStatus(
                        BigInteger.valueOf(1 + (i * 7919L) % 3000),
                        CertificateStatus.values()[i % 5],
                        Records.T0.plusSeconds(i));
                  }
                  i++;
                  try {
                    Thread.sleep(1);
                  } catch (InterruptedException e) {
                    return null;
                  }
                }
                return null;
              });
      ExtractManifest full;
      try {
        full = publisher.publish(ExtractKind.FULL, Optional.empty());
        publisher.publish(ExtractKind.DELTA, Optional.empty());
      } finally {
        stop.set(true);
        changes.get();
        writer.shutdown();
      }
      assertThat(full.toSequence()).isGreaterThanOrEqualTo(3000);
      ExtractManifest last = publisher.publish(ExtractKind.DELTA, Optional.empty());
      assertThat(last.toSequence()).isEqualTo(repo.lastSequence());
      Map<BigInteger, CertificateRecord> expected = new TreeMap<>();
      repo.scan(r -> expected.put(r.serial(), r));
      assertThat(ExtractReader.open(dir).load()).isEqualTo(expected);
    }
  }
}
