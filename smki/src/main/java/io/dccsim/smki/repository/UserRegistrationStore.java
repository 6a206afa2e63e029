package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's DCC User registrations, kept in the same store as the certificates so that they
 * survive a restart: each User ID with the name of its DUIS User Role, or with no role for a User
 * that was removed (so that removing a User the simulator registers by default lasts too).
 */
public interface UserRegistrationStore {

  /** Every kept registration, in no particular order. */
  Map<Eui64, Optional<String>> load();

  /**
   * Records one registration, replacing any earlier one of the same User.
   *
   * @param role the role's name, or empty to record that the User was removed
   */
  void save(Eui64 user, Optional<String> role);

  /** Forgets every registration. */
  void clear();
}
