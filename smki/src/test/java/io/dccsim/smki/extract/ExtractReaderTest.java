package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.time.SimulatedClock;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractReaderTest {
  @TempDir Path dir;
  private final InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
  private List<ExtractFileName> names;

  @BeforeEach
  void chainOfFour() {
    names = Records.publishChainOfFour(repo, dir);
  }

  @Test
  void loadsTheChain() {
    ExtractReader r = ExtractReader.open(dir);
    assertThat(r.chain()).extracting(ExtractManifest::number).containsExactly(1L, 2L, 3L, 4L);
    assertThat(r.load()).isEqualTo(ExtractInvariantTest.snapshot(repo));
    assertThat(r.load().get(BigInteger.ONE).status()).isEqualTo(CertificateStatus.REVOKED);
  }

  @Test
  void missingDeltaBreaksTheChain() throws Exception {
    Files.delete(dir.resolve(names.get(2).toString()));
    assertThatThrownBy(() -> ExtractReader.open(dir).load())
        .isInstanceOf(ExtractException.class)
        .hasMessageContaining("Broken chain")
        .hasMessageContaining("extract 4");
  }

  @Test
  void deltaFromAnotherChainIsRejected() throws Exception {
    Path other = Files.createDirectory(dir.resolve("other"));
    SimulatedClock clock = SimulatedClock.fixed(Records.T0);
    InMemoryCertificateRepository repo2 = new InMemoryCertificateRepository();
    ExtractPublisher p =
        new ExtractPublisher(
            repo2, new ExtractDirectory(other), clock, RetentionPolicy.keepFullExtracts(5), 1000);
    repo2.add(Records.record(9, CertificateStatus.IN_USE));
    for (int i = 0; i < 4; i++) {
      p.publish(ExtractKind.FULL, Optional.empty());
    }
    repo2.add(Records.record(10, CertificateStatus.IN_USE));
    ExtractManifest foreign = p.publish(ExtractKind.DELTA, Optional.empty());
    Path foreignFile = other.resolve(foreign.fileName().toString());
    List<Path> files =
        List.of(
            dir.resolve(names.get(0).toString()),
            dir.resolve(names.get(1).toString()),
            dir.resolve(names.get(2).toString()),
            dir.resolve(names.get(3).toString()),
            foreignFile);
    assertThatThrownBy(() -> ExtractReader.of(files).load())
        .hasMessageContaining("builds on full extract");
  }

  @Test
  void corruptedDeltaIsNamed() throws Exception {
    Path victim = dir.resolve(names.get(3).toString());
    byte[] b = Files.readAllBytes(victim);
    b[b.length / 2] ^= 1;
    Files.write(victim, b);
    assertThatThrownBy(() -> ExtractReader.open(dir).load())
        .isInstanceOf(ExtractException.class)
        .hasMessageContaining(victim.getFileName().toString());
  }

  @Test
  void noFullExtract() throws Exception {
    Files.delete(dir.resolve(names.get(0).toString()));
    assertThatThrownBy(() -> ExtractReader.open(dir).chain())
        .hasMessageContaining("No full extract");
  }
}
