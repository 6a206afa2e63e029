package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.signature.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
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
  private static final Path SCRIPT = Path.of("src", "test", "python", "gbcs_vectors.py");
  private static final Path COMMITTED =
      Path.of("src", "test", "resources", "io", "dccsim", "core", "gbcs", GbcsVectors.RESOURCE);

  /** The fields a fresh ECDSA signature changes. */
  private static final Set<String> SIGNATURE_DEPENDENT =
      Set.of("signature", "general_signing", "mac", "frame");

  @TempDir Path dir;

  @Test
  void reRunReproducesTheCommittedVectors() throws Exception {
    Path out = dir.resolve("vectors.txt");
    ExternalTool.Result run =
        python()
            .run(
                Path.of("."),
                SCRIPT.toString(),
                "--out",
                out.toString(),
                "--reuse-signatures",
                COMMITTED.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(Files.readString(out, StandardCharsets.US_ASCII))
        .isEqualTo(Files.readString(COMMITTED, StandardCharsets.US_ASCII));
  }

  @Test
  void freshSignaturesChangeOnlyWhatTheyCoverAndVerify() throws Exception {
    Path out = dir.resolve("fresh.txt");
    ExternalTool.Result run =
        python().run(Path.of("."), SCRIPT.toString(), "--out", out.toString());
    assertThat(run.exitCode()).as(run.output()).isZero();
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
  private static ExternalTool python() throws Exception {
    return ExternalTool.require(
        "/usr/bin/python3",
        "lacks the cryptography package (Debian: python3-cryptography)",
        "-c",
        "import cryptography.hazmat.primitives.ciphers.aead");
  }
}
