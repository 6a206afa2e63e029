package io.dccsim.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.extract.ExtractException;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A week of extracts, as a supplier would load them: one full, then daily deltas. */
class LocalCertificateCacheTest {
  private static final Eui64 METER = Eui64.parse("00-11-22-33-44-55-66-77");

  @Test
  void aFullExtractAndItsDeltasReproduceTheRepository(@TempDir Path dir) {
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-27T01:00:00Z"));
    TestPki pki = TestPki.create(clock);
    InMemoryCertificateRepository repository = new InMemoryCertificateRepository();
    repository.add(
        CertificateProfile.record(
            pki.xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-00")).certificate(),
            CertificateStatus.IN_USE,
            clock.instant()));
    for (int i = 0; i < 20; i++) {
      repository.add(
          pki.deviceCertificateFactory()
              .issueRecord(
                  Eui64.of(0x0011_2233_4455_0000L + i),
                  CertificateUsage.KA,
                  CertificateStatus.IN_USE));
    }
    ExtractPublisher publisher = new ExtractPublisher(repository, dir, clock);
    publisher.publish(ExtractKind.FULL, Optional.empty());

    // Monday: a meter is commissioned.
    clock.advance(Duration.ofDays(1));
    CertificateRecord meterKa =
        repository.add(
            pki.deviceCertificateFactory()
                .issueRecord(METER, CertificateUsage.KA, CertificateStatus.IN_USE));
    publisher.publish(ExtractKind.DELTA, Optional.empty());

    // Tuesday: its certificate is replaced; the old one goes out of use.
    clock.advance(Duration.ofDays(1));
    CertificateRecord replacement =
        repository.add(
            pki.deviceCertificateFactory()
                .issueRecord(METER, CertificateUsage.KA, CertificateStatus.IN_USE));
    repository.changeStatus(meterKa.serial(), CertificateStatus.NOT_IN_USE, clock.instant());
    publisher.publish(ExtractKind.DELTA, Optional.empty());

    LocalCertificateCache cache = new LocalCertificateCache(dir);
    List<ExtractManifest> chain = cache.refresh();

    assertThat(chain)
        .extracting(ExtractManifest::kind)
        .containsExactly(ExtractKind.FULL, ExtractKind.DELTA, ExtractKind.DELTA);
    assertThat(cache.size()).isEqualTo(repository.count()).isEqualTo(23);
    assertThat(statuses(cache.records())).isEqualTo(statuses(repositoryContents(repository)));
    assertThat(cache.inUseFor(METER))
        .extracting(CertificateRecord::serial)
        .containsExactly(replacement.serial());
    assertThat(cache.bySerial(meterKa.serial()).orElseThrow().status())
        .isEqualTo(CertificateStatus.NOT_IN_USE);
  }

  @Test
  void aDamagedDeltaIsRefusedAndTheOldCopyStays(@TempDir Path dir) throws IOException {
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-27T01:00:00Z"));
    TestPki pki = TestPki.create(clock);
    InMemoryCertificateRepository repository = new InMemoryCertificateRepository();
    repository.add(
        pki.deviceCertificateFactory()
            .issueRecord(METER, CertificateUsage.DS, CertificateStatus.IN_USE));
    ExtractPublisher publisher = new ExtractPublisher(repository, dir, clock);
    publisher.publish(ExtractKind.FULL, Optional.empty());
    LocalCertificateCache cache = new LocalCertificateCache(dir);
    cache.refresh();

    clock.advance(Duration.ofDays(1));
    repository.add(
        pki.deviceCertificateFactory()
            .issueRecord(Eui64.of(99), CertificateUsage.DS, CertificateStatus.IN_USE));
    ExtractManifest delta = publisher.publish(ExtractKind.DELTA, Optional.empty());
    Path file = publisher.directory().file(delta.fileName());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);

    assertThatThrownBy(cache::refresh).isInstanceOf(ExtractException.class);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.chain()).hasSize(1);
  }

  private static Map<BigInteger, CertificateRecord> repositoryContents(
      InMemoryCertificateRepository repository) {
    Map<BigInteger, CertificateRecord> out = new HashMap<>();
    repository.scan(r -> out.put(r.serial(), r));
    return out;
  }

  private static Map<BigInteger, CertificateStatus> statuses(Map<BigInteger, CertificateRecord> m) {
    Map<BigInteger, CertificateStatus> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, v.status()));
    return out;
  }
}
