package io.dccsim.examples.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.Eui64;
import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.TestPki;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import io.dccsim.smki.repository.InMemoryCertificateRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python consumer in {@code examples/python} (standard library only) reads back, from the files
 * alone, exactly the certificates the Java side published: a full extract and two deltas with
 * issuance, status changes and a revocation in between. A damaged extract makes it fail with one
 * line and exit status 1.
 */
class PythonExtractConsumerTest {
  private static final Path SCRIPT = Path.of("python", "smki_extracts.py");

  @TempDir Path dir;

  @Test
  void readsBackTheRepositorysExactSet() throws Exception {
    String python = python3();
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-27T00:00:00.123456789Z"));
    TestPki pki = TestPki.create(clock);
    InMemoryCertificateRepository repository = new InMemoryCertificateRepository();
    CertificateRecord supplier =
        repository.add(
            CertificateProfile.record(
                pki.xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-00")).certificate(),
                CertificateStatus.IN_USE,
                clock.instant()));
    List<CertificateRecord> devices = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      devices.add(
          repository.add(
              pki.deviceCertificateFactory()
                  .issueRecord(
                      Eui64.of(0x0011_2233_4455_0000L + i),
                      i % 2 == 0 ? CertificateUsage.KA : CertificateUsage.DS,
                      CertificateStatus.IN_USE)));
    }
    ExtractPublisher publisher = new ExtractPublisher(repository, dir, clock);
    publisher.publish(ExtractKind.FULL, Optional.of(clock.instant()));

    clock.advance(Duration.ofDays(1));
    repository.changeStatus(devices.get(3).serial(), CertificateStatus.NOT_IN_USE, clock.instant());
    repository.add(
        pki.deviceCertificateFactory()
            .issueRecord(
                Eui64.parse("00-11-22-33-44-55-66-77"),
                CertificateUsage.KA,
                CertificateStatus.PENDING));
    publisher.publish(ExtractKind.DELTA, Optional.of(clock.instant()));

    clock.advance(Duration.ofDays(1));
    repository.changeStatus(supplier.serial(), CertificateStatus.REVOKED, clock.instant());
    repository.changeStatus(devices.get(3).serial(), CertificateStatus.REVOKED, clock.instant());
    publisher.publish(ExtractKind.DELTA, Optional.of(clock.instant()));

    Run run = run(python, SCRIPT.toString(), dir.toString(), "--json");
    assertThat(run.code()).as(run.err()).isZero();
    JsonNode out = new ObjectMapper().readTree(run.out());
    assertThat(out.get("fullExtract").asLong()).isEqualTo(1);
    assertThat(out.get("deltas").toString()).isEqualTo("[2,3]");
    assertThat(out.get("toSequence").asLong()).isEqualTo(repository.lastSequence());

    TreeMap<String, String> expected = new TreeMap<>();
    repository.scan(r -> expected.put(r.serialHex(), describe(r)));
    TreeMap<String, String> read = new TreeMap<>();
    for (JsonNode c : out.get("certificates")) {
      read.put(c.get("serial").asText(), describe(c));
    }
    assertThat(read).hasSize(14).isEqualTo(expected);

    Run summary = run(python, SCRIPT.toString(), dir.toString());
    assertThat(summary.code()).isZero();
    assertThat(summary.out())
        .startsWith("OK: full extract 1 and 2 deltas verified; 14 certificates")
        .contains("I=11")
        .contains("R=2");
  }

  @Test
  void aDamagedExtractFailsWithOneLine() throws Exception {
    String python = python3();
    SimulatedClock clock = SimulatedClock.fixed(Instant.parse("2021-06-27T00:00:00Z"));
    TestPki pki = TestPki.create(clock);
    InMemoryCertificateRepository repository = new InMemoryCertificateRepository();
    for (int i = 0; i < 3; i++) {
      repository.add(
          pki.deviceCertificateFactory()
              .issueRecord(
                  Eui64.of(0x0011_2233_4455_0100L + i),
                  CertificateUsage.KA,
                  CertificateStatus.IN_USE));
    }
    Path file =
        dir.resolve(
            new ExtractPublisher(repository, dir, clock)
                .publish(ExtractKind.FULL, Optional.empty())
                .fileName()
                .toString());
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x5A;
    Files.write(file, bytes, StandardOpenOption.TRUNCATE_EXISTING);

    Run run = run(python, SCRIPT.toString(), dir.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().strip()).startsWith("smki_extracts: ").doesNotContain("\n");
    assertThat(run(python, SCRIPT.toString()).code()).isEqualTo(2);
  }

  private static String describe(CertificateRecord r) {
    return String.join(
        "|",
        r.kind().name(),
        r.usage().name(),
        String.valueOf(r.status().code()),
        r.subjectEui().map(Eui64::toString).orElse("-"),
        r.subjectAltNameEui().map(Eui64::toString).orElse("-"),
        r.role().map(role -> String.valueOf(role.code())).orElse("-"),
        r.statusChangedAt().getEpochSecond() + "." + r.statusChangedAt().getNano(),
        r.issuer(),
        sha256(r.der()));
  }

  private static String describe(JsonNode c) {
    return String.join(
        "|",
        c.get("kind").asText(),
        c.get("usage").asText(),
        c.get("status").asText(),
        c.get("subjectEui").isNull() ? "-" : c.get("subjectEui").asText(),
        c.get("subjectAltNameEui").isNull() ? "-" : c.get("subjectAltNameEui").asText(),
        c.get("role").isNull() ? "-" : c.get("role").asText(),
        c.get("statusChangedAt").get(0).asLong() + "." + c.get("statusChangedAt").get(1).asInt(),
        c.get("issuer").asText(),
        c.get("derSha256").asText());
  }

  private static String sha256(byte[] der) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** python3, or a loudly skipped (or, with DCCSIM_REQUIRE_TOOLS=true, failed) test. */
  private static String python3() {
    try {
      Run r = run("python3", "--version");
      if (r.code() == 0) {
        return "python3";
      }
    } catch (IOException e) {
      // not installed
    }
    String message = "SKIPPED LOUDLY: 'python3' is not installed; install it to run this check";
    if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_TOOLS"))) {
      fail("python3 is required (DCCSIM_REQUIRE_TOOLS=true) but not installed");
    }
    System.err.println(message);
    Assumptions.abort(message);
    return null;
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... command) throws IOException {
    Path err = Files.createTempFile("python-err", ".txt");
    try {
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("did not finish: " + String.join(" ", command));
      }
      return new Run(p.exitValue(), out, Files.readString(err, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
