package io.dccsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.benchmarks.crypto.CryptoLimit;
import org.junit.jupiter.api.Test;

/** A fraction-of-a-second JMH run, so the benchmark and its wiring cannot rot. */
class CryptoLimitSmokeTest {
  @Test
  void measuresSignAndVerifyAndCombinesThem() throws Exception {
    CryptoLimit limit = CryptoLimit.measure(1, true);
    assertThat(limit.signPerSecond()).isPositive();
    assertThat(limit.verifyPerSecond()).isPositive();
    // one exchange costs a sign and a verify, so it is slower than either alone
    assertThat(limit.exchangesPerSecond())
        .isLessThan(limit.signPerSecond())
        .isLessThan(limit.verifyPerSecond());
  }
}
