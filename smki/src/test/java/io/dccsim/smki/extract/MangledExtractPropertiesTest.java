package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.xml.Mangling;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * A published chain (a full extract and three deltas) with one file damaged in one way: reading the
 * chain either refuses it with an {@link ExtractException} naming the damaged file, or (never, so
 * far) gives exactly the repository's certificates; never a wrong set, never another failure.
 */
class MangledExtractPropertiesTest {
  private static final List<String> FRAGMENTS = List.of("\n", "\u0000", ",", "x", "{}", "é");

  private static Path dir;
  private static List<ExtractFileName> names;
  private static Map<BigInteger, CertificateRecord> expected;

  @BeforeContainer
  static void publish() throws Exception {
    dir = Files.createTempDirectory("dccsim-mangled-extracts");
    InMemoryCertificateRepository repo = new InMemoryCertificateRepository();
    names = Records.publishChainOfFour(repo, dir);
    expected = ExtractInvariantTest.snapshot(repo);
    assertThat(ExtractReader.open(dir).load()).isEqualTo(expected);
  }

  @AfterContainer
  static void clean() throws Exception {
    TempFiles.deleteTree(dir);
  }

  @Provide
  Arbitrary<Integer> file() {
    return Arbitraries.integers().between(0, 3);
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 64);
  }

  @Property(tries = 300)
  void aDamagedFileIsNamedOrTheChainIsExact(
      @ForAll("file") int which, @ForAll("manglings") Mangling m) throws Exception {
    Path victim = dir.resolve(names.get(which).toString());
    byte[] good = Files.readAllBytes(victim);
    Files.write(victim, m.apply(good));
    try {
      Map<BigInteger, CertificateRecord> read;
      try {
        read = ExtractReader.open(dir).load();
      } catch (ExtractException e) {
        assertThat(e.getMessage()).contains(victim.getFileName().toString());
        return;
      }
      assertThat(read).isEqualTo(expected);
    } finally {
      Files.write(victim, good);
    }
  }
}
