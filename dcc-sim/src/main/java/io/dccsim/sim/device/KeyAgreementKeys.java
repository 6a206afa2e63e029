package io.dccsim.sim.device;

import io.dccsim.core.value.Eui64;
import java.security.PublicKey;
import java.util.Optional;

/**
 * The Key Agreement public keys of the remote parties a device talks to (the Users, and the DSP for
 * the commands it sends itself): what a device's MAC and encryption keys are agreed with.
 */
@FunctionalInterface
public interface KeyAgreementKeys {
  /** The KA public key of {@code party} (a User or the DSP), if it has one. */
  Optional<PublicKey> of(Eui64 party);
}
