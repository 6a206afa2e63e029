package io.dccsim.smki.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.smki.extract.internal.ExtractHeader;
import io.dccsim.smki.extract.internal.ExtractWriter;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractFormatTest {
  @TempDir Path dir;

  private static final Instant CUT_OFF = Instant.parse("2021-06-25T00:30:00Z");

  @Provide
  Arbitrary<CertificateRecord> records() {
    return Records.arbitrary();
  }

  /** Writes an extract file with its digest, as the publisher would name them. */
  static Path write(Path dir, ExtractHeader header, long to, List<CertificateRecord> records)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ExtractWriter w = new ExtractWriter(out, header);
    for (CertificateRecord r : records) {
      w.write(r);
    }
    ExtractWriter.Finished f = w.finish(to, CUT_OFF.plusSeconds(header.number()));
    Path file = dir.resolve(f.manifest().fileName().toString());
    Files.write(file, out.toByteArray());
    Files.writeString(
        dir.resolve(f.manifest().fileName().digestName()),
        ExtractFile.digestLine(f.fileSha256(), file.getFileName().toString()));
    return file;
  }

  static ExtractHeader fullHeader(long number) {
    return new ExtractHeader(
        ExtractKind.FULL, number, OptionalLong.empty(), OptionalLong.empty(), 0, Optional.empty());
  }

  @Property(tries = 30)
  void roundTrip(@ForAll @Size(max = 40) List<@From("records") CertificateRecord> records)
      throws Exception {
    // jqwik does not inject JUnit's @TempDir into properties.
    Path d = Files.createTempDirectory("dccsim-extract-rt");
    ExtractHeader h =
        new ExtractHeader(
            ExtractKind.DELTA,
            7,
            OptionalLong.of(5),
            OptionalLong.of(6),
            100,
            Optional.of(Instant.parse("2021-06-25T00:00:00Z")));
    Path file = write(d, h, 150, records);
    List<CertificateRecord> back = new ArrayList<>();
    ExtractManifest m = ExtractFile.read(file, true, back::add);
    assertThat(back).isEqualTo(records);
    assertThat(m.entryCount()).isEqualTo(records.size());
    assertThat(m.kind()).isEqualTo(ExtractKind.DELTA);
    assertThat(m.number()).isEqualTo(7);
    assertThat(m.basedOnFull()).hasValue(5);
    assertThat(m.previous()).hasValue(6);
    assertThat(m.fromSequence()).isEqualTo(100);
    assertThat(m.toSequence()).isEqualTo(150);
    assertThat(m.scheduledFor()).contains(Instant.parse("2021-06-25T00:00:00Z"));
    assertThat(ExtractFile.readManifest(file)).isEqualTo(m);
    TempFiles.deleteTree(d);
  }

  @Test
  void detachedDigestIsSha256sumOfTheWholeFile() throws Exception {
    Path file = write(dir, fullHeader(1), 3, List.of(Records.record(1, CertificateStatus.IN_USE)));
    String line = Files.readString(dir.resolve(file.getFileName() + ".sha256"));
    String hex =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    assertThat(line).isEqualTo(hex + "  " + file.getFileName() + "\n");
  }

  @Test
  void everyFlippedByteIsDetected() throws Exception {
    List<CertificateRecord> rs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      rs.add(Records.record(i, CertificateStatus.IN_USE));
    }
    Path file = write(dir, fullHeader(1), 3, rs);
    byte[] good = Files.readAllBytes(file);
    Files.delete(dir.resolve(file.getFileName() + ".sha256"));
    for (int i = 0; i < good.length; i += 7) {
      byte[] bad = good.clone();
      bad[i] ^= 0x40;
      Files.write(file, bad);
      assertThatThrownBy(() -> ExtractFile.read(file, false, r -> {}))
          .as("flip at %d", i)
          .isInstanceOf(ExtractException.class)
          .hasMessageContaining(file.getFileName().toString());
    }
  }

  @Test
  void truncatedAndMissingDigestAreClearErrors() throws Exception {
    Path file = write(dir, fullHeader(1), 1, List.of(Records.record(1, CertificateStatus.IN_USE)));
    Path digest = dir.resolve(file.getFileName() + ".sha256");
    Files.writeString(digest, "0".repeat(64) + "  " + file.getFileName() + "\n");
    assertThatThrownBy(() -> ExtractFile.read(file, true, r -> {}))
        .hasMessageContaining("detached SHA-256 mismatch");
    Files.delete(digest);
    assertThatThrownBy(() -> ExtractFile.read(file, true, r -> {})).hasMessageContaining("missing");
    byte[] all = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(all, all.length - 20));
    assertThatThrownBy(() -> ExtractFile.read(file, false, r -> {}))
        .isInstanceOf(ExtractException.class);
    assertThatThrownBy(() -> ExtractFile.readManifest(file)).hasMessageContaining("incomplete");
  }

  @Test
  void fileNames() throws IOException {
    ExtractFileName n = new ExtractFileName(42, ExtractKind.DELTA, CUT_OFF.plusMillis(900));
    assertThat(n.toString()).isEqualTo("smki-extract-0000000042-DELTA-20210625T003000Z.smkx");
    assertThat(ExtractFileName.parse(n.toString())).contains(n);
    assertThat(ExtractFileName.parse("smki-extract-42-DELTA-20210625T003000Z.smkx")).isEmpty();
    assertThat(ExtractFileName.parse("../etc/passwd")).isEmpty();
  }
}
