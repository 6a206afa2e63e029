package io.dccsim.sim.pipeline;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.Eui64;
import java.util.Objects;
import java.util.Optional;

/**
 * The RequestID's target: a non-device Service Request (one the catalogue gives command variant 8,
 * such as SR 12.1) must be addressed to the DCC's own EUI. Any other target is refused with {@value
 * #WRONG_TARGET_CODE} and the reason {@code wrong-target}. A device request's target is put to the
 * {@link DeviceDirectory} (refused {@code unknown-device} when it does not know it), once: the
 * record it finds goes on to the handler ({@link Checked#device()}); the default directory, {@link
 * DeviceDirectory#ANY_DEVICE}, knows every device. SRs the catalogue does not know are not checked
 * (they are answered as not simulated).
 *
 * <p>Project rule: the public DUIS code list has no code for a non-device request addressed to
 * anything but the DCC; the simulator answers {@code E19} ("device doesn't exist: Device ID
 * invalid"), the code the list gives for an invalid target identifier.
 */
public final class TargetCheck {
  /** The response code for a RequestID whose target is not the one the SR must name. */
  public static final String WRONG_TARGET_CODE = "E19";

  private final Eui64 dcc;
  private final ServiceCatalogue catalogue;
  private final DeviceDirectory devices;

  /**
   * Checks targets against the DCC's EUI {@code dcc}, for the SRs of {@code catalogue}, taking
   * every device target to exist.
   */
  public TargetCheck(Eui64 dcc, ServiceCatalogue catalogue) {
    this(dcc, catalogue, DeviceDirectory.ANY_DEVICE);
  }

  /** Checks targets as above, device targets against {@code devices}. */
  public TargetCheck(Eui64 dcc, ServiceCatalogue catalogue, DeviceDirectory devices) {
    this.dcc = Objects.requireNonNull(dcc, "dcc");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.devices = Objects.requireNonNull(devices, "devices");
  }

  /** The DCC's EUI, the target every non-device request must name. */
  public Eui64 dcc() {
    return dcc;
  }

  /**
   * The check's verdict and, for a device request the directory holds a record of, that record.
   *
   * @param authentication accepted, or refused with {@link #WRONG_TARGET_CODE}
   * @param device the target device's record, as the directory found it
   */
  public record Checked(Authentication authentication, Optional<Device> device) {
    private static final Checked ACCEPTED = new Checked(Authentication.ACCEPTED, Optional.empty());

    /** Validates. */
    public Checked {
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(device, "device");
    }

    private static Checked refused(Authentication refusal) {
      return new Checked(refusal, Optional.empty());
    }
  }

  /**
   * Accepted, or refused with {@link #WRONG_TARGET_CODE}; with the target device's record where the
   * directory found one.
   */
  public Checked check(ParsedRequest request) {
    Optional<ServiceDefinition> definition = catalogue.find(request.serviceReferenceVariant());
    if (definition.isEmpty()) {
      return Checked.ACCEPTED;
    }
    Eui64 target = request.requestId().target();
    if (definition.get().isDevice()) {
      DeviceDirectory.Lookup found = devices.lookup(target);
      return found.known()
          ? new Checked(Authentication.ACCEPTED, found.device())
          : Checked.refused(
              Authentication.refused(
                  WRONG_TARGET_CODE,
                  "unknown-device: "
                      + target
                      + " is not a device the DCC knows ("
                      + definition.get().variant()
                      + ")"));
    }
    if (target.equals(dcc)) {
      return Checked.ACCEPTED;
    }
    return Checked.refused(
        Authentication.refused(
            WRONG_TARGET_CODE,
            "wrong-target: "
                + definition.get().variant()
                + " is a non-device request and must be addressed to the DCC "
                + dcc
                + ", not "
                + target));
  }
}
