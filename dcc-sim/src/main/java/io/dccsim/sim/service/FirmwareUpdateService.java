package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.FirmwareStatus;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.AnswerElement;
import io.dccsim.sim.service.internal.Fields;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * SR 11.1 Update Firmware and SR 11.4 Update PPMID Firmware: distributes a firmware image to the
 * listed devices. Each accepted device's firmware becomes the image's version with status {@code
 * Pending} (until it is activated); the others are listed in the warning, each in the first list
 * that applies:
 *
 * <ol>
 *   <li>{@code InvalidDeviceIDList}: not in the inventory;
 *   <li>{@code NotApplicableDeviceIDList}: a device type the SR does not update (11.1: ESME, GSME,
 *       HCALCS; 11.4: PPMID), or another manufacturer or model than the first device accepted;
 *   <li>{@code NotCommissionedDeviceIDList}: not {@code Commissioned};
 *   <li>{@code InProgressDeviceIDList}: a firmware update already pending;
 *   <li>{@code InvalidGBCSVersionDeviceIDList}: another GBCS version than the first device
 *       accepted.
 * </ol>
 *
 * <p>All accepted: {@code I0} and no warning. Some accepted: {@code W110101} ({@code W110401}) with
 * the warning. None accepted: {@code E110101} ({@code E110401}) with the warning.
 */
public final class FirmwareUpdateService implements ServiceHandler {

  /** The two Service Requests. */
  public enum Kind {
    /** SR 11.1 Update Firmware. */
    METERS(
        "11.1",
        "UpdateFirmware",
        "DSPUpdateFirmwareWarning",
        Set.of(DeviceType.ESME, DeviceType.GSME, DeviceType.HCALCS),
        ResponseCode.W110101,
        ResponseCode.E110101),
    /** SR 11.4 Update PPMID Firmware. */
    PPMID(
        "11.4",
        "UpdatePPMIDFirmware",
        "DSPUpdatePPMIDFirmwareWarning",
        Set.of(DeviceType.PPMID),
        ResponseCode.W110401,
        ResponseCode.E110401);

    private final ServiceReferenceVariant variant;
    private final String request;
    private final String warning;
    private final Set<DeviceType> types;
    private final ResponseCode partly;
    private final ResponseCode none;

    Kind(
        String variant,
        String request,
        String warning,
        Set<DeviceType> types,
        ResponseCode partly,
        ResponseCode none) {
      this.variant = ServiceReferenceVariant.parse(variant);
      this.request = request;
      this.warning = warning;
      this.types = types;
      this.partly = partly;
      this.none = none;
    }

    /** The Service Reference Variant. */
    public ServiceReferenceVariant variant() {
      return variant;
    }

    /** The device types this SR updates. */
    public Set<DeviceType> types() {
      return types;
    }
  }

  private enum Warning {
    INVALID("InvalidDeviceIDList"),
    NOT_COMMISSIONED("NotCommissionedDeviceIDList"),
    NOT_APPLICABLE("NotApplicableDeviceIDList"),
    IN_PROGRESS("InProgressDeviceIDList"),
    INVALID_GBCS_VERSION("InvalidGBCSVersionDeviceIDList");

    private final String element;

    Warning(String element) {
      this.element = element;
    }
  }

  private final DeviceInventory inventory;
  private final Kind kind;
  private final Optional<StateChangeAlerts> alerts;

  /** Answers {@code kind} against {@code inventory}; the versions stay pending. */
  public FirmwareUpdateService(DeviceInventory inventory, Kind kind) {
    this(inventory, kind, Optional.empty());
  }

  /**
   * Answers {@code kind} against {@code inventory}; {@code alerts} activates each version accepted
   * once distributed, and tells the User.
   */
  public FirmwareUpdateService(
      DeviceInventory inventory, Kind kind, Optional<StateChangeAlerts> alerts) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return kind.variant;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), kind.variant.toString(), kind.request);
    String version = body.required("FirmwareVersion").toUpperCase(Locale.ROOT);
    List<List<Eui64>> warned = new ArrayList<>();
    for (int i = 0; i < Warning.values().length; i++) {
      warned.add(new ArrayList<>());
    }
    List<Device> accepted = new ArrayList<>();
    for (Eui64 eui : new LinkedHashSet<>(body.euiList("DeviceIDList"))) {
      Optional<Device> device = inventory.find(eui);
      Optional<Warning> w =
          device.isEmpty() ? Optional.of(Warning.INVALID) : check(device.get(), accepted);
      if (w.isPresent()) {
        warned.get(w.get().ordinal()).add(eui);
      } else {
        accepted.add(device.get());
      }
    }
    for (Device d : accepted) {
      inventory.replace(d.withFirmware(version, FirmwareStatus.PENDING));
      alerts.ifPresent(
          a ->
              a.firmwareDistributing(
                  d.eui(), version, request.requestId().originator(), context.now()));
    }
    if (warned.stream().allMatch(List::isEmpty)) {
      return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
    }
    AnswerElement warning = AnswerElement.root(kind.warning);
    // the schema's order, which is not the order the checks are made in
    for (Warning w :
        List.of(
            Warning.INVALID,
            Warning.NOT_COMMISSIONED,
            Warning.NOT_APPLICABLE,
            Warning.IN_PROGRESS,
            Warning.INVALID_GBCS_VERSION)) {
      warning.list(w.element, warned.get(w.ordinal()));
    }
    return new ServiceAnswer(
        accepted.isEmpty() ? kind.none : kind.partly,
        RawResponseBody.of(kind.variant, warning.element()));
  }

  private Optional<Warning> check(Device d, List<Device> accepted) {
    Optional<Device> first = accepted.isEmpty() ? Optional.empty() : Optional.of(accepted.get(0));
    if (!kind.types.contains(d.type())
        || first
            .map(f -> !f.manufacturer().equals(d.manufacturer()) || !f.model().equals(d.model()))
            .orElse(false)) {
      return Optional.of(Warning.NOT_APPLICABLE);
    }
    if (d.status() != DeviceStatus.COMMISSIONED) {
      return Optional.of(Warning.NOT_COMMISSIONED);
    }
    if (d.firmwareStatus() == FirmwareStatus.PENDING) {
      return Optional.of(Warning.IN_PROGRESS);
    }
    if (first.map(f -> !f.gbcsVersion().equals(d.gbcsVersion())).orElse(false)) {
      return Optional.of(Warning.INVALID_GBCS_VERSION);
    }
    return Optional.empty();
  }
}
