package io.dccsim.examples.meterread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.device.MeterState;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import io.dccsim.smki.http.SmkiRepositoryClient;
import io.dccsim.smki.http.SmkiRepositoryServer;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A supplier adapter reads a meter end to end: SR 4.1.1 via the WAN, I99, the meter's response
 * delivered to the supplier's inbox, the meter's KA certificate from the SMKI repository's
 * interface, the MAC checked and the registers decrypted with the supplier's own key.
 */
@DccSimulatorTest(startAt = "2021-07-01T09:00:00Z")
class SupplierAdapterTest {
  private static final Instant START = Instant.parse("2021-07-01T09:00:00Z");

  @Test
  void aSupplierReadsItsMetersRegistersAndChecksTheMac(DccSimulatorHandle dcc) {
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 12);
    // what the supplier holds: its own Key Agreement private key (the control API gives it too,
    // GET /control/users/{eui}/credentials)
    PrivateKey ownKey =
        dcc.simulator().keyAgreementCredential(dcc.supplier().eui()).orElseThrow().privateKey();
    try (SmkiRepositoryServer smki =
        SmkiRepositoryServer.builder(dcc.repository()).port(0).start()) {
      MeterReader adapter =
          new MeterReader(
              dcc.newClient(),
              dcc.inbox().receiver(),
              SmkiRepositoryClient.of(smki.baseUri()),
              ownKey);
      Instant readAt = dcc.clock().instant();
      MeterReader.Registers registers = adapter.read(meter, Duration.ofSeconds(30));
      System.out.printf(
          "meter %s: active import %d Wh, reactive import %d varh%n",
          meter, registers.activeImportWh(), registers.reactiveImportVarh());

      // the meter's state at that moment, as the simulator models it
      MeterState state = MeterState.of(meter, MeterState.Fuel.ELECTRICITY);
      assertThat(readAt).isAfterOrEqualTo(START);
      assertThat(registers.activeImportWh())
          .isBetween(state.register(readAt.minusSeconds(1)), state.register(readAt.plusSeconds(5)));
      assertThat(registers.reactiveImportVarh()).isPositive();

      // the clock moves on: so does the register
      dcc.clock().advance(Duration.ofDays(1));
      assertThat(adapter.read(meter, Duration.ofSeconds(30)).activeImportWh())
          .isGreaterThan(registers.activeImportWh());
    }
  }

  @Test
  void anotherSuppliersKeyFailsTheMac(DccSimulatorHandle dcc) {
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 13);
    PrivateKey notOurs =
        dcc.simulator()
            .keyAgreementCredential(Eui64.parse("90-B3-D5-1F-30-03-00-00"))
            .orElseThrow()
            .privateKey();
    try (SmkiRepositoryServer smki =
        SmkiRepositoryServer.builder(dcc.repository()).port(0).start()) {
      MeterReader adapter =
          new MeterReader(
              dcc.newClient(),
              dcc.inbox().receiver(),
              SmkiRepositoryClient.of(smki.baseUri()),
              notOurs);
      assertThatThrownBy(() -> adapter.read(meter, Duration.ofSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("MAC");
    }
  }
}
