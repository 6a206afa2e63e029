package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.InMemoryDeviceInventory;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A device Service Request looks its target up in the inventory once: the target check's record
 * goes on to the handler, which decides {@code E5} from it, and to the device's GBCS response.
 */
class DeviceLookupsTest {
  @Test
  void aDeviceRequestLooksItsTargetUpOnceAndItsStatusStillDecidesE5() throws Exception {
    InMemoryDeviceInventory held = new InMemoryDeviceInventory();
    held.addAll(SyntheticEstate.devices(3, 7));
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 1);
    AtomicInteger finds = new AtomicInteger();
    DeviceInventory counting =
        (DeviceInventory)
            Proxy.newProxyInstance(
                DeviceInventory.class.getClassLoader(),
                new Class<?>[] {DeviceInventory.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("find") && meter.equals(args[0])) {
                    finds.incrementAndGet();
                  }
                  try {
                    return method.invoke(held, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    RecordedOutbox outbox = new RecordedOutbox();
    try (Simulator dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .inventory(counting)
            .outbox(outbox)
            .start()) {
      SupplierClient supplier = SupplierClient.testSupplierOf(dcc);
      // a meter's first response also files its new SMKI credentials, which reads its status
      RequestId first = supplier.nextIdTo(meter);
      supplier.send(
          CommandVariant.SEND_VIA_WAN.webService().path(),
          supplier.readRegisters(first, CommandVariant.SEND_VIA_WAN));
      await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 1);
      outbox.clear();
      finds.set(0);
      RequestId id = supplier.nextIdTo(meter);
      ServiceResponse ack =
          supplier.send(
              CommandVariant.SEND_VIA_WAN.webService().path(),
              supplier.readRegisters(id, CommandVariant.SEND_VIA_WAN));
      assertThat(ack.header().responseCode().code()).isEqualTo("I99");
      await().atMost(Duration.ofSeconds(10)).until(() -> outbox.size() == 1);
      assertThat(finds).hasValue(1);

      held.updateStatus(meter, DeviceStatus.SUSPENDED);
      RequestId again = supplier.nextIdTo(meter);
      ServiceResponse refused =
          supplier.send(
              CommandVariant.SEND_VIA_WAN.webService().path(),
              supplier.readRegisters(again, CommandVariant.SEND_VIA_WAN));
      assertThat(refused.header().responseCode().code()).isEqualTo("E5");
      assertThat(finds).hasValue(2);
    }
  }
}
