package io.dccsim.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.smki.repository.PostgresTestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The device-flow load for a few seconds, so the benchmark cannot rot: structure (every request
 * acknowledged I99, every response delivered, signed and drained, the minute rows printed), never
 * timings.
 */
class DeviceFlowUnderLoadSmokeTest {

  @Test
  void everyAcknowledgedRequestsResponseReachesTheUserInMemoryAndOnH2() throws Exception {
    assertEveryResponseDelivered(run("memory"));
    assertEveryResponseDelivered(run("h2"));
  }

  @Test
  void everyAcknowledgedRequestsResponseReachesTheUserOnPostgres() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    assertEveryResponseDelivered(run("postgres"));
  }

  private static DeviceFlowUnderLoad.Result run(String store) throws Exception {
    return DeviceFlowUnderLoad.run(
        DeviceFlowUnderLoad.Options.parse(
            new String[] {
              "--store",
              store,
              "--rate",
              "250",
              "--seconds",
              "2",
              "--warmup",
              "1",
              "--connections",
              "4",
              "--premises",
              "20"
            }));
  }

  private static void assertEveryResponseDelivered(DeviceFlowUnderLoad.Result r) {
    assertThat(r.load().errors()).as(r.load().toString()).isZero();
    assertThat(r.load().completed()).as(r.load().toString()).isPositive();
    assertThat(r.drained()).isTrue();
    assertThat(r.pending()).isZero();
    assertThat(r.dead()).isZero();
    // the measured window's responses and those of the second of load before it, no fewer
    assertThat(r.received()).isGreaterThanOrEqualTo(r.load().completed());
    assertThat(r.received()).isLessThanOrEqualTo(r.load().completed() + 250 * 2);
    // 500 or more arrived, so one at least was verified, and none refused
    assertThat(r.verified()).isPositive();
    assertThat(r.refused()).isZero();
    assertThat(r.minutes()).hasSize(1);
  }
}
