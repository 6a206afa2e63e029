package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.Outbox;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * I99 is answered only once the device's response is kept: not before the outbox has it durably,
 * and HTTP 503 (nothing acknowledged) when it cannot keep it.
 */
class AcknowledgementKeptTest {
  private final AtomicReference<CompletableFuture<Long>> keeping = new AtomicReference<>();

  /** An outbox whose durability the test decides. */
  private final Outbox outbox =
      new Outbox() {
        @Override
        public long enqueue(OutboundMessage message) {
          return 1;
        }

        @Override
        public CompletableFuture<Long> enqueueKept(OutboundMessage message, Instant due) {
          return keeping.get();
        }
      };

  @Test
  void theAcknowledgementWaitsForTheResponseToBeKeptAndIs503WhenItIsNot() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Simulator dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .outbox(outbox)
            .start()) {
      SupplierClient supplier = SupplierClient.testSupplierOf(dcc);
      keeping.set(new CompletableFuture<>());
      Future<HttpResponse<byte[]>> first = pool.submit(() -> read(dcc, supplier));
      try {
        first.get(300, TimeUnit.MILLISECONDS);
        throw new AssertionError("answered before the response was kept");
      } catch (TimeoutException expected) {
        // still waiting, as it should
      }
      keeping.get().complete(7L);
      HttpResponse<byte[]> kept = first.get(10, TimeUnit.SECONDS);
      assertThat(kept.statusCode()).isEqualTo(200);
      assertThat(supplier.verifyAndRead(kept.body()).header().responseCode().code())
          .isEqualTo("I99");

      keeping.set(CompletableFuture.failedFuture(new IllegalStateException("disk gone")));
      HttpResponse<byte[]> lost = read(dcc, supplier);
      assertThat(lost.statusCode()).isEqualTo(503);
      assertThat(new String(lost.body(), StandardCharsets.UTF_8)).doesNotContain("disk gone");
    } finally {
      pool.shutdownNow();
    }
  }

  private static HttpResponse<byte[]> read(Simulator dcc, SupplierClient supplier)
      throws Exception {
    RequestId id = supplier.nextIdTo(SyntheticEstate.eui(DeviceType.ESME, 1));
    return supplier.post(
        "/api/v1/serviceS", supplier.readRegisters(id, CommandVariant.SEND_VIA_WAN));
  }
}
