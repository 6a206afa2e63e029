package io.dccsim.sim.service;

import io.dccsim.core.value.Eui64;
import java.security.PublicKey;
import java.util.List;

/**
 * The public keys a User's signed pre-commands (critical commands, command variants 5 to 7) are
 * checked with: those of its Digital Signing organisation certificates in use in the SMKI
 * repository, whose remote party role is the User's.
 */
@FunctionalInterface
public interface DigitalSigningKeys {
  /** None: every signed pre-command is refused. */
  DigitalSigningKeys NONE = user -> List.of();

  /** The keys of {@code user}'s Digital Signing certificates in use; empty if it has none. */
  List<PublicKey> of(Eui64 user);
}
