package io.dccsim.benchmarks.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The turn-taking measurement counts every step's operations and only after warm-up. */
class InterleavedRatiosTest {
  @Test
  void everyStepRunsInEveryRoundAndIsTimedAfterWarmUp() throws Exception {
    int[] calls = new int[2];
    Map<String, InterleavedRatios.Step> steps = new LinkedHashMap<>();
    steps.put("a", () -> calls[0]++);
    steps.put("b", () -> calls[1]++);

    Map<String, Double> micros = InterleavedRatios.measure(steps, 3);

    assertThat(calls).containsExactly(600, 600);
    assertThat(micros).containsOnlyKeys("a", "b");
    assertThat(micros.values()).allSatisfy(v -> assertThat(v).isNotNaN().isNotNegative());
  }

  @Test
  void aShortRunOfTheRealStepsReportsTheGoals() throws Exception {
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    java.io.PrintStream original = System.out;
    System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      InterleavedRatios.main(new String[] {"1"});
    } finally {
      System.setOut(original);
    }
    String report = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(report).contains("receiveRequest / bareVerify cost:", "sendResponse 5.4 / bareSign");
    assertThat(report).doesNotContain("NaN");
  }
}
