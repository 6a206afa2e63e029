package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.Fields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SR 8.14.1 to 8.14.4 Communications Hub Status Update: moves a Communications Hub (CHF) through
 * its lifecycle in the inventory. One instance answers one of the four variants.
 *
 * <ul>
 *   <li>8.14.1 install success: a {@code Pending}, {@code Whitelisted} or {@code
 *       InstalledNotCommissioned} hub becomes {@code Commissioned}, installed at the premises of
 *       the meter holding {@code MPxN};
 *   <li>8.14.2 install, no SM WAN: a {@code Pending} or {@code Whitelisted} hub becomes {@code
 *       InstalledNotCommissioned} at that premises;
 *   <li>8.14.3 fault return: a hub in any status but {@code Decommissioned} or {@code Withdrawn}
 *       becomes {@code Withdrawn};
 *   <li>8.14.4 no fault return: a hub never commissioned ({@code Pending}, {@code Whitelisted},
 *       {@code InstalledNotCommissioned}) becomes {@code Withdrawn}.
 * </ul>
 *
 * <p>A device that is not a CHF in the inventory is {@code E081401}; a status the variant does not
 * move from is {@code E081402}; an {@code MPxN} no installed device holds is {@code E081403}.
 */
public final class CommsHubStatusUpdateService implements ServiceHandler {

  /** The four variants. */
  public enum Update {
    /** 8.14.1. */
    INSTALL_SUCCESS(
        "8.14.1",
        "CHFInstallSuccessSMWAN",
        Set.of(
            DeviceStatus.PENDING,
            DeviceStatus.WHITELISTED,
            DeviceStatus.INSTALLED_NOT_COMMISSIONED),
        DeviceStatus.COMMISSIONED),
    /** 8.14.2. */
    INSTALL_NO_SM_WAN(
        "8.14.2",
        "CHFInstallSuccessNoSMWAN",
        Set.of(DeviceStatus.PENDING, DeviceStatus.WHITELISTED),
        DeviceStatus.INSTALLED_NOT_COMMISSIONED),
    /** 8.14.3. */
    FAULT_RETURN(
        "8.14.3",
        "CHFFaultReturn",
        Set.of(
            DeviceStatus.PENDING,
            DeviceStatus.WHITELISTED,
            DeviceStatus.INSTALLED_NOT_COMMISSIONED,
            DeviceStatus.COMMISSIONED,
            DeviceStatus.SUSPENDED,
            DeviceStatus.RECOVERY,
            DeviceStatus.RECOVERED),
        DeviceStatus.WITHDRAWN),
    /** 8.14.4. */
    NO_FAULT_RETURN(
        "8.14.4",
        "CHFNoFaultReturn",
        Set.of(
            DeviceStatus.PENDING,
            DeviceStatus.WHITELISTED,
            DeviceStatus.INSTALLED_NOT_COMMISSIONED),
        DeviceStatus.WITHDRAWN);

    private final ServiceReferenceVariant variant;
    private final String element;
    private final Set<DeviceStatus> from;
    private final DeviceStatus to;

    Update(String variant, String element, Set<DeviceStatus> from, DeviceStatus to) {
      this.variant = ServiceReferenceVariant.parse(variant);
      this.element = element;
      this.from = from;
      this.to = to;
    }

    /** The Service Reference Variant. */
    public ServiceReferenceVariant variant() {
      return variant;
    }

    /** The statuses the hub may be in. */
    public Set<DeviceStatus> from() {
      return from;
    }

    /** The status it moves to. */
    public DeviceStatus to() {
      return to;
    }

    boolean installs() {
      return this == INSTALL_SUCCESS || this == INSTALL_NO_SM_WAN;
    }
  }

  private final DeviceInventory inventory;
  private final Update update;
  private final Optional<StateChangeAlerts> alerts;

  /** Answers {@code update} against {@code inventory}, raising no alert. */
  public CommsHubStatusUpdateService(DeviceInventory inventory, Update update) {
    this(inventory, update, Optional.empty());
  }

  /**
   * Answers {@code update} against {@code inventory}, telling the others through {@code alerts}.
   */
  public CommsHubStatusUpdateService(
      DeviceInventory inventory, Update update, Optional<StateChangeAlerts> alerts) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.update = Objects.requireNonNull(update, "update");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  /** One handler for each of the four variants, raising no alert. */
  public static List<ServiceHandler> all(DeviceInventory inventory) {
    return all(inventory, Optional.empty());
  }

  /** One handler for each of the four variants, telling the others through {@code alerts}. */
  public static List<ServiceHandler> all(
      DeviceInventory inventory, Optional<StateChangeAlerts> alerts) {
    List<ServiceHandler> out = new ArrayList<>();
    for (Update u : Update.values()) {
      out.add(new CommsHubStatusUpdateService(inventory, u, alerts));
    }
    return out;
  }

  @Override
  public ServiceReferenceVariant variant() {
    return update.variant;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), update.variant.toString(), update.element);
    Eui64 eui = body.requiredEui("DeviceID");
    Optional<Device> held = inventory.find(eui);
    if (held.isEmpty() || held.get().type() != DeviceType.CHF) {
      return refused(ResponseCode.E081401);
    }
    Device hub = held.get();
    if (!update.from.contains(hub.status())) {
      return refused(ResponseCode.E081402);
    }
    Device moved = hub.withStatus(update.to);
    if (update.installs()) {
      String mpxn = body.required("MPxN");
      Optional<Device> meter =
          inventory.findByMpxn(mpxn).stream().filter(d -> d.postcode().isPresent()).findFirst();
      if (meter.isEmpty()) {
        return refused(ResponseCode.E081403);
      }
      moved = installedAt(moved, meter.get(), mpxn);
    }
    inventory.replace(moved);
    Device now = moved;
    alerts.ifPresent(a -> a.hubStatusChanged(now, request.requestId().originator()));
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }

  /** The hub at the meter's premises, serving the given MPxN besides any it already served. */
  private static Device installedAt(Device hub, Device meter, String mpxn) {
    Set<String> mpxns = new LinkedHashSet<>(hub.mpxns());
    mpxns.add(mpxn);
    List<String> served = new ArrayList<>(mpxns);
    if (served.size() > Device.MAX_MPXNS) {
      served = List.of(mpxn);
    }
    return hub.withPremises(
        served, meter.uprn(), meter.postcode(), meter.addressIdentifier(), meter.cspRegion());
  }

  private static ServiceAnswer refused(ResponseCode code) {
    return new ServiceAnswer(code, NoBody.INSTANCE);
  }
}
