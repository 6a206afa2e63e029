package io.dccsim.sim.device;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.Credential;
import java.util.Objects;

/**
 * A simulated device's two SMKI credentials: its Digital Signing key (it signs alerts with it) and
 * its Key Agreement key (from which the MACs and encryption keys of its messages are derived), each
 * with its Device Certificate from the Device CA. {@link #toString()} never shows a key.
 *
 * @param device the device's EUI-64, the certificates' HardwareModuleName
 * @param digitalSigning the DS credential (keyUsage digitalSignature)
 * @param keyAgreement the KA credential (keyUsage keyAgreement)
 */
public record DeviceKeys(Eui64 device, Credential digitalSigning, Credential keyAgreement) {
  /** Checks that nothing is missing. */
  public DeviceKeys {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(digitalSigning, "digitalSigning");
    Objects.requireNonNull(keyAgreement, "keyAgreement");
  }

  @Override
  public String toString() {
    return "DeviceKeys[device="
        + device
        + ", ds="
        + digitalSigning.serial().toString(16)
        + ", ka="
        + keyAgreement.serial().toString(16)
        + "]";
  }
}
