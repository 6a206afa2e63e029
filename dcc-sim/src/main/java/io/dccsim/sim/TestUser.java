package io.dccsim.sim;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.UserRole;
import io.dccsim.smki.pki.Credential;
import java.util.Objects;

/**
 * A DCC User the simulator knows and trusts: its User ID, DUIS role and XML-signing credential
 * (registered in the SMKI repository as in use).
 *
 * @param eui the User ID, the originator of its RequestIDs
 * @param role the DUIS user role
 * @param credential the {@code xmlSign} organisation certificate and its private key
 */
public record TestUser(Eui64 eui, UserRole role, Credential credential) {
  /** Validates. */
  public TestUser {
    Objects.requireNonNull(eui, "eui");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(credential, "credential");
  }
}
