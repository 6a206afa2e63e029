package io.dccsim.sim.control;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.UserRole;
import io.dccsim.smki.pki.Credential;
import java.util.Optional;

/**
 * The Users' signing credentials, where a simulator gives them out: the control API registers a
 * User with one and serves its certificate and private key (test keys only).
 */
public interface UserCredentials {

  /** The {@code xmlSign} credential the User signs with, if it has one here. */
  Optional<Credential> of(Eui64 user);

  /**
   * The User's Digital Signing organisation credential, with which it signs pre-commands (critical
   * commands), if it has one here.
   */
  default Optional<Credential> digitalSigningOf(Eui64 user) {
    return Optional.empty();
  }

  /**
   * The User's Key Agreement organisation credential, with which it checks the MACs of its devices'
   * responses and decrypts their register values, if it has one here.
   */
  default Optional<Credential> keyAgreementOf(Eui64 user) {
    return Optional.empty();
  }

  /**
   * Registers the User in {@code role} with a credential (the one it has, else a new one whose
   * certificate is put in the SMKI repository as in use).
   */
  Credential register(Eui64 user, UserRole role);
}
