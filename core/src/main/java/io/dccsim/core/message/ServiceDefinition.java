package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the DCC knows about one Service Request variant: its name, the command variants it may be
 * sent with, the web service that takes it and the User Roles eligible to send it.
 *
 * @param variant the Service Reference Variant, e.g. {@code 12.1}
 * @param name the Service Request's name, e.g. {@code Request WAN Matrix}
 * @param commandVariants the command variants allowed (unmodifiable, not empty)
 * @param webService the web service the request must be posted to
 * @param eligibleRoles the User Roles that may send it (unmodifiable, not empty)
 */
public record ServiceDefinition(
    ServiceReferenceVariant variant,
    String name,
    Set<CommandVariant> commandVariants,
    WebService webService,
    Set<UserRole> eligibleRoles) {

  /** Checks every part is present and copies the sets. */
  public ServiceDefinition {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(webService, "webService");
    if (commandVariants.isEmpty() || eligibleRoles.isEmpty()) {
      throw new IllegalArgumentException("A service needs command variants and eligible roles");
    }
    commandVariants = Set.copyOf(EnumSet.copyOf(commandVariants));
    eligibleRoles = Set.copyOf(EnumSet.copyOf(eligibleRoles));
  }

  /** The Service Reference, e.g. {@code 12.1}. */
  public ServiceReference reference() {
    return variant.reference();
  }

  /** Whether the request may be sent with {@code commandVariant}. */
  public boolean allows(CommandVariant commandVariant) {
    return commandVariants.contains(commandVariant);
  }

  /** Whether a User in {@code role} may send the request. */
  public boolean isEligible(UserRole role) {
    return eligibleRoles.contains(role);
  }
}
