package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed vectors are what {@code src/test/python/gbcs_vectors.py} computes: re-run with
 * Debian's {@code /usr/bin/python3} and its {@code cryptography} package, it writes the same file
 * byte for byte (taking the committed signatures, which it verifies, instead of signing afresh);
 * signing afresh changes only the signatures and what covers them, and the new signatures verify
 * here. Skipped loudly where that Python is missing; failed instead when {@code
 * DCCSIM_REQUIRE_TOOLS=true}.
 */
class GbcsVectorsScriptTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static final Path SCRIPT = Path.of("src", "test", "python", "gbcs_vectors.py");
  private static final Path COMMITTED =
      Path.of("src", "test", "resources", "io", "dccsim", "core", "gbcs", GbcsVectors.RESOURCE);

  /** The fields a fresh ECDSA signature changes. */
  private static final Set<String> SIGNATURE_DEPENDENT =
      Set.of("signature", "general_signing", "mac", "frame");

  @TempDir Path dir;

  @Test
  void reRunReproducesTheCommittedVectors() throws Exception {
    requirePythonCryptography();
    Path out = dir.resolve("vectors.txt");
    Run run =
        run(
            PYTHON,
            SCRIPT.toString(),
            "--out",
            out.toString(),
            "--reuse-signatures",
            COMMITTED.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readString(out, StandardCharsets.US_ASCII))
        .isEqualTo(Files.readString(COMMITTED, StandardCharsets.US_ASCII));
  }

  @Test
  void freshSignaturesChangeOnlyWhatTheyCoverAndVerify() throws Exception {
    requirePythonCryptography();
    Path out = dir.resolve("fresh.txt");
    Run run = run(PYTHON, SCRIPT.toString(), "--out", out.toString());
    assertThat(run.code()).as(run.err()).isZero();
    Map<String, GbcsVectors.Vector> fresh =
        GbcsVectors.parse(Files.readString(out, StandardCharsets.US_ASCII));
    Map<String, GbcsVectors.Vector> committed =
        GbcsVectors.parse(Files.readString(COMMITTED, StandardCharsets.US_ASCII));
    assertThat(fresh.keySet()).isEqualTo(committed.keySet());
    int signed = 0;
    for (GbcsVectors.Vector v : fresh.values()) {
      GbcsVectors.Vector c = committed.get(v.name());
      assertThat(v.fields().keySet()).isEqualTo(c.fields().keySet());
      for (Map.Entry<String, String> e : v.fields().entrySet()) {
        if (!v.has("signature") || !SIGNATURE_DEPENDENT.contains(e.getKey())) {
          assertThat(e.getValue()).as(v + " " + e.getKey()).isEqualTo(c.get(e.getKey()));
        }
      }
      if (v.has("signature")) {
        signed++;
        GeneralSigning apdu = GeneralSigning.decode(v.bytes("general_signing"));
        assertThat(apdu.signature()).contains(Octets.fromHex(v.get("signature")));
        assertThat(apdu.signatureVerifies(P256Keys.publicKey(v.get("signer_public"))))
            .as(v + " fresh signature")
            .isTrue();
      }
    }
    assertThat(signed).isEqualTo(2);
  }

  /** Debian's python3 with cryptography, or a loud skip (a failure when tools are required). */
  private static void requirePythonCryptography() throws IOException {
    String problem;
    if (!Files.isExecutable(Path.of(PYTHON))) {
      problem = PYTHON + " is not installed";
    } else {
      Run probe = run(PYTHON, "-c", "import cryptography.hazmat.primitives.ciphers.aead");
      problem =
          probe.code() == 0
              ? null
              : PYTHON + " lacks the cryptography package (Debian: python3-cryptography)";
    }
    if (problem == null) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_TOOLS"))) {
      fail(problem + ", and DCCSIM_REQUIRE_TOOLS=true requires it");
    }
    String message =
        "SKIPPED LOUDLY: "
            + problem
            + "; the GBCS vectors were not recomputed (install it to run this check)";
    System.err.println(message);
    Assumptions.abort(message);
  }

  private record Run(int code, String out, String err) {}

  private static Run run(String... command) throws IOException {
    Path err = Files.createTempFile("gbcs-python-err", ".txt");
    try {
      Process p = new ProcessBuilder(List.of(command)).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("did not finish within a minute: " + String.join(" ", command));
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
