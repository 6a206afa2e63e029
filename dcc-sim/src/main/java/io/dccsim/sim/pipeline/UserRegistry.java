package io.dccsim.sim.pipeline;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.UserRole;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The DCC Users the simulator knows: User ID (EUI-64) to DUIS User Role. A request from an
 * originator not registered here is refused with E1. Thread-safe. Every change is told to the
 * registry's {@link Listener} (the simulator's keeps them in its store, where it has one).
 */
public final class UserRegistry {
  /** Hears each registration and removal, after it took effect. */
  @FunctionalInterface
  public interface Listener {
    /**
     * A User was registered in {@code role}, or removed when {@code role} is empty.
     *
     * @param user the User ID
     * @param role its role now, or empty when it was removed
     */
    void changed(Eui64 user, Optional<UserRole> role);
  }

  private final Map<Eui64, UserRole> roles = new ConcurrentHashMap<>();
  private final Listener listener;

  /** A registry that tells no one of its changes. */
  public UserRegistry() {
    this((user, role) -> {});
  }

  /** A registry telling {@code listener} of every change. */
  public UserRegistry(Listener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Registers (or re-registers) a user. */
  public UserRegistry register(Eui64 user, UserRole role) {
    roles.put(Objects.requireNonNull(user, "user"), Objects.requireNonNull(role, "role"));
    listener.changed(user, Optional.of(role));
    return this;
  }

  /** Forgets a user. */
  public void remove(Eui64 user) {
    if (roles.remove(user) != null) {
      listener.changed(user, Optional.empty());
    }
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
