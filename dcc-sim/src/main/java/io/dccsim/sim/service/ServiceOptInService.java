package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.AnswerElement;
import io.dccsim.sim.service.internal.Fields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * SR 8.6 Service Opt In: confirms a device the inventory holds and answers {@code DSPOptIn} with
 * the DCC Access Control Broker's Digital Signing and Key Agreement certificates (DER, base64), the
 * credentials the device is to trust.
 *
 * <p>A device the inventory does not hold is {@code E080601}; a {@code DeviceType} other than the
 * inventory's is {@code E080602}; {@code MPxNs} that are not all among the device's is {@code
 * E080603}. The inventory is not changed.
 */
public final class ServiceOptInService implements ServiceHandler {
  /** SR 8.6. */
  public static final ServiceReferenceVariant VARIANT = ServiceReferenceVariant.parse("8.6");

  /**
   * The Access Control Broker's certificates, DER encoded.
   *
   * @param digitalSigning the Digital Signing certificate
   * @param keyAgreement the Key Agreement certificate
   */
  public record BrokerCertificates(byte[] digitalSigning, byte[] keyAgreement) {
    /** Copies. */
    public BrokerCertificates {
      digitalSigning = digitalSigning.clone();
      keyAgreement = keyAgreement.clone();
    }
  }

  private final DeviceInventory inventory;
  private final Supplier<BrokerCertificates> broker;

  /**
   * @param inventory the devices
   * @param broker the certificates to answer with (asked for on each answer; may be lazy)
   */
  public ServiceOptInService(DeviceInventory inventory, Supplier<BrokerCertificates> broker) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.broker = Objects.requireNonNull(broker, "broker");
  }

  @Override
  public ServiceReferenceVariant variant() {
    return VARIANT;
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "8.6", "ServiceOptIn");
    Eui64 eui = body.requiredEui("DeviceID");
    DeviceType type =
        DeviceType.fromDuisText(body.required("DeviceType"))
            .orElseThrow(() -> new MalformedRequestException("DeviceType is not a device type"));
    Fields mpxns =
        body.child("MPxNs").orElseThrow(() -> new MalformedRequestException("MPxNs is required"));
    List<String> given = new ArrayList<>();
    given.add(mpxns.required("ImportMPxN"));
    mpxns.text("SecondaryImportMPAN").ifPresent(given::add);
    mpxns.text("ExportMPAN").ifPresent(given::add);
    Optional<Device> device = inventory.find(eui);
    if (device.isEmpty()) {
      return new ServiceAnswer(ResponseCode.E080601, NoBody.INSTANCE);
    }
    if (device.get().type() != type) {
      return new ServiceAnswer(ResponseCode.E080602, NoBody.INSTANCE);
    }
    if (!new HashSet<>(device.get().mpxns()).containsAll(given)) {
      return new ServiceAnswer(ResponseCode.E080603, NoBody.INSTANCE);
    }
    BrokerCertificates certificates = broker.get();
    Base64.Encoder b64 = Base64.getEncoder();
    AnswerElement optIn =
        AnswerElement.root("DSPOptIn")
            .text("DeviceID", eui.toString())
            .text(
                "DSPBrokerSecurityCredentialsDigitalSigning",
                b64.encodeToString(certificates.digitalSigning()))
            .text(
                "DSPBrokerSecurityCredentialsKeyAgreement",
                b64.encodeToString(certificates.keyAgreement()));
    return new ServiceAnswer(ResponseCode.I0, RawResponseBody.of(VARIANT, optIn.element()));
  }
}
