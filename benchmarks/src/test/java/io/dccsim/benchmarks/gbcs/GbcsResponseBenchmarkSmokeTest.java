package io.dccsim.benchmarks.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.benchmarks.JmhSmoke;
import io.dccsim.core.gbcs.GeneralCiphering;
import io.dccsim.core.gbcs.KeyDerivation;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.gbcs.SharedSecret;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * A fraction-of-a-second JMH run of {@link GbcsResponseBenchmark}, and a check that what it builds
 * is the real response: an ECS17b frame whose MAC the User verifies.
 */
class GbcsResponseBenchmarkSmokeTest {

  @Test
  void bothBenchmarksRunAndScore() throws Exception {
    Collection<RunResult> results = JmhSmoke.run(GbcsResponseBenchmark.class);
    assertThat(results)
        .extracting(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""))
        .containsExactlyInAnyOrderElementsOf(
            List.of("instantaneousRegistersResponse", "ecdhAndAesGcm"));
    assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
  }

  @Test
  void theBenchmarkedResponseIsAMacedEcs17bFrame() {
    GbcsResponseBenchmark bench = new GbcsResponseBenchmark();
    bench.setUp();
    try {
      GeneralCiphering frame = GeneralCiphering.decode(bench.instantaneousRegistersResponse());
      assertThat(frame.generalSigning().messageCode()).isEqualTo(MessageCode.ECS17B);
      SharedSecret z =
          SharedSecret.agree(
              bench.user().privateKey(), bench.keys().keyAgreement().certificate().getPublicKey());
      assertThat(frame.macVerifies(KeyDerivation.macKey(z, frame.generalSigning()))).isTrue();
      assertThat(bench.ecdhAndAesGcm()[0]).isEqualTo((byte) 0x31);
    } finally {
      bench.tearDown();
    }
  }
}
