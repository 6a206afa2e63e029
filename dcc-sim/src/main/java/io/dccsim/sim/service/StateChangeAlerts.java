package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.FirmwareStatus;
import io.dccsim.core.value.Eui64;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts the DCC raises when a Service Request changes the state of the estate, delivered like
 * every alert. Which alert code marks which change is this project's rule (the DUIS alert tables
 * are not reproduced here), so both codes are settings of the simulator:
 *
 * <ul>
 *   <li><b>A Communications Hub changes status</b> (SR 8.14.1 to 8.14.4): every other User
 *       responsible for a device at the hub's premises (its supplier or network operator) gets the
 *       DCC alert {@link Rules#hubStatusChanged()}; the User who sent the update has its answer.
 *   <li><b>Firmware is distributed</b> (SR 11.1, 11.4): {@link Rules#firmwareDistribution()} of
 *       simulated time after the request, each device it was accepted for runs the new version
 *       ({@code Active}) and the User who sent it gets the DCC alert {@link
 *       Rules#firmwareDistributed()}, one for each device.
 * </ul>
 */
public final class StateChangeAlerts {
  private static final Logger LOG = LoggerFactory.getLogger(StateChangeAlerts.class);

  /**
   * The codes and timing.
   *
   * @param hubStatusChanged the DCC alert code for a Communications Hub's new status
   * @param firmwareDistributed the DCC alert code for firmware distributed to a device
   * @param firmwareDistribution how long (simulated) distributing firmware takes
   */
  public record Rules(
      String hubStatusChanged, String firmwareDistributed, Duration firmwareDistribution) {
    /** The project's defaults: {@code N42}, {@code N16}, one hour. */
    public static final Rules DEFAULTS = new Rules("N42", "N16", Duration.ofHours(1));

    /** Validates the codes as DCC alert codes. */
    public Rules {
      hubStatusChanged = Alerts.dccCode(hubStatusChanged);
      firmwareDistributed = Alerts.dccCode(firmwareDistributed);
      Objects.requireNonNull(firmwareDistribution, "firmwareDistribution");
      if (firmwareDistribution.isNegative()) {
        throw new IllegalArgumentException(
            "firmware distribution cannot take a negative time: " + firmwareDistribution);
      }
    }
  }

  private final Alerts alerts;
  private final DeviceInventory inventory;
  private final Rules rules;

  /** Raises {@code rules}' alerts through {@code alerts}, about devices of {@code inventory}. */
  public StateChangeAlerts(Alerts alerts, DeviceInventory inventory, Rules rules) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  /** The rules in force. */
  public Rules rules() {
    return rules;
  }

  /** {@code hub} (as it is now) changed status by {@code requester}'s SR 8.14.x. */
  void hubStatusChanged(Device hub, Eui64 requester) {
    Set<Eui64> told = new LinkedHashSet<>();
    Set<Device> around = new LinkedHashSet<>();
    hub.uprn().ifPresent(u -> around.addAll(inventory.findByUprn(u)));
    for (String mpxn : hub.mpxns()) {
      around.addAll(inventory.findByMpxn(mpxn));
    }
    for (Device d : around) {
      d.supplier().ifPresent(told::add);
      d.networkOperator().ifPresent(told::add);
    }
    told.remove(requester);
    for (Eui64 user : told) {
      if (!alerts.dccAlert(user, rules.hubStatusChanged(), Optional.empty())) {
        LOG.warn("No {} alert to {}: too many alerts wait", rules.hubStatusChanged(), user);
      }
    }
  }

  /**
   * {@code version} is being distributed to {@code device} for {@code requester}, from {@code now}.
   */
  void firmwareDistributing(Eui64 device, String version, Eui64 requester, Instant now) {
    Instant done = now.plus(rules.firmwareDistribution());
    boolean queued =
        alerts.at(
            done,
            () -> {
              Optional<Device> held = inventory.find(device);
              if (held.isEmpty() || !version.equals(held.get().firmwareVersion())) {
                return; // removed or given another version since
              }
              inventory.replace(held.get().withFirmware(version, FirmwareStatus.ACTIVE));
              alerts.dccAlert(requester, rules.firmwareDistributed(), Optional.empty());
            });
    if (!queued) {
      LOG.warn("Firmware {} for {} is not activated: too many alerts wait", version, device);
    }
  }
}
