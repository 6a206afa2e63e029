package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.UserRole;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DCC Users the simulator knows: User ID (EUI-64) to DUIS User Role. A request from an
 * originator not registered here is refused with E1. Thread-safe.
 */
public final class UserRegistry {
  private final Map<Eui64, UserRole> roles = new ConcurrentHashMap<>();

  /** Registers (or re-registers) a user. */
  public UserRegistry register(Eui64 user, UserRole role) {
    roles.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(role, "role"));
    return this;
  }

  /** Forgets a user. */
  public void remove(Eui64 user) {
    roles.remove(user);
  }

  /** The user's role, if registered. */
  public Optional<UserRole> roleOf(Eui64 user) {
    return Optional.ofNullable(roles.get(user));
  }

  /** A copy of the registrations. */
  public Map<Eui64, UserRole> all() {
    return Map.copyOf(roles);
  }
}
