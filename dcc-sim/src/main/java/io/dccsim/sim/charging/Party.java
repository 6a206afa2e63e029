package io.dccsim.sim.charging;

import io.dccsim.core.value.UserRole;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A DCC User that the DCC invoices.
 *
 * @param id a short identifier, unique within a charge sheet ({@code [A-Za-z0-9._-]}, 1-40
 *     characters), used in invoice numbers
 * @param name the party's name as printed on invoices
 * @param roles the DCC User roles the party holds; at least one
 * @param allocationWeight the party's weight when a cost is shared across all DCC Users (the
 *     allocation key, see {@link Allocation}); zero exempts the party unless every party is zero
 */
public record Party(String id, String name, Set<UserRole> roles, long allocationWeight) {

  /** The largest allocation weight a party may carry. */
  public static final long MAX_ALLOCATION_WEIGHT = 1_000_000_000_000L;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  /** Checks the party is well formed and copies the roles. */
  public Party {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "party id '" + id + "' is not 1-40 letters, digits, '.', '_' or '-'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("party " + id + ": name is missing");
    }
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("party " + id + ": at least one role is required");
    }
    if (allocationWeight < 0 || allocationWeight > MAX_ALLOCATION_WEIGHT) {
      throw new IllegalArgumentException(
          "party "
              + id
              + ": allocation weight "
              + allocationWeight
              + " is not between 0 and "
              + MAX_ALLOCATION_WEIGHT);
    }
    roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
  }

  /** A party with an allocation weight of one (equal shares). */
  public static Party of(String id, String name, UserRole... roles) {
    return new Party(id, name, Set.of(roles), 1);
  }

  /** Whether the party is an Other User. */
  public boolean isOtherUser() {
    return roles.contains(UserRole.OTHER_USER);
  }

  /** A copy with another allocation weight. */
  public Party withAllocationWeight(long weight) {
    return new Party(id, name, roles, weight);
  }
}
