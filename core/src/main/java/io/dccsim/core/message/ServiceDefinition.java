package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the DCC knows about one Service Request variant: its name, the command variants it may be
 * sent with (and so the web services that take it), the User Roles eligible to send it, whether it
 * is critical, how it may be scheduled, and whether this simulator answers it.
 *
 * <p>The command variants decide the rest of the envelope: variant 8 alone makes a non-device
 * request; variants 4 to 7 are those of a critical request, 1 to 3 those of a non-critical device
 * request. Each variant has one web service ({@link CommandVariant#webService()}).
 *
 * @param variant the Service Reference Variant, e.g. {@code 12.1}
 * @param name the Service Request's name, e.g. {@code Request WAN Matrix}
 * @param commandVariants the command variants allowed (unmodifiable, not empty)
 * @param eligibleRoles the User Roles that may send it (unmodifiable; empty when no User may)
 * @param critical whether it is a critical Service Request (sent as a signed pre-command)
 * @param onDemand whether it may be sent for immediate execution on a device
 * @param futureDating whether and how a future execution date may be asked for
 * @param dccSchedulable whether the DCC may run it on a schedule (SR 5.1 Create Schedule)
 * @param simulated whether this simulator answers it beyond its envelope checks
 * @param note the catalogue's remark on the entry, empty when there is none
 */
public record ServiceDefinition(
    ServiceReferenceVariant variant,
    String name,
    Set<CommandVariant> commandVariants,
    Set<UserRole> eligibleRoles,
    boolean critical,
    boolean onDemand,
    FutureDating futureDating,
    boolean dccSchedulable,
    boolean simulated,
    String note) {

  private static final Set<CommandVariant> PRE_COMMAND_VARIANTS =
      EnumSet.of(
          CommandVariant.TRANSFORM_TO_PRE_COMMAND,
          CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
          CommandVariant.SIGNED_PRE_COMMAND_RETURN,
          CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN);

  /**
   * Checks every part is present, copies the sets, and checks the command variants fit: variant 8
   * stands alone, and a request is critical exactly when its variants are pre-command ones (4-7).
   */
  public ServiceDefinition {
    Objects.requireNonNull(variant, "variant");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(futureDating, "futureDating");
    Objects.requireNonNull(note, "note");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A service needs a name");
    }
    if (commandVariants.isEmpty()) {
      throw new IllegalArgumentException("A service needs command variants");
    }
    EnumSet<CommandVariant> cvs = EnumSet.copyOf(commandVariants);
    if (cvs.contains(CommandVariant.NON_DEVICE) && cvs.size() > 1) {
      throw new IllegalArgumentException(
          variant + ": command variant 8 (non-device) cannot be mixed with device variants");
    }
    for (CommandVariant cv : cvs) {
      if (PRE_COMMAND_VARIANTS.contains(cv) != critical) {
        throw new IllegalArgumentException(
            variant
                + ": command variant "
                + cv.code()
                + (critical
                    ? " is not one of a critical request (4-7)"
                    : " is one of a critical request"));
      }
    }
    commandVariants = Collections.unmodifiableSet(cvs);
    eligibleRoles =
        Collections.unmodifiableSet(
            eligibleRoles.isEmpty()
                ? EnumSet.noneOf(UserRole.class)
                : EnumSet.copyOf(eligibleRoles));
  }

  /**
   * A definition from the envelope alone: critical when its variants are 4-7, on demand when it is
   * a device request, no future dating or DCC scheduling, not simulated, no note.
   *
   * @throws IllegalArgumentException when a command variant is not taken by {@code webService}, or
   *     no role is eligible
   */
  public ServiceDefinition(
      ServiceReferenceVariant variant,
      String name,
      Set<CommandVariant> commandVariants,
      WebService webService,
      Set<UserRole> eligibleRoles) {
    this(
        variant,
        name,
        checkedAgainst(webService, commandVariants),
        nonEmpty(eligibleRoles),
        commandVariants.stream().anyMatch(PRE_COMMAND_VARIANTS::contains),
        !commandVariants.contains(CommandVariant.NON_DEVICE),
        FutureDating.NONE,
        false,
        false,
        "");
  }

  private static Set<CommandVariant> checkedAgainst(
      WebService webService, Set<CommandVariant> commandVariants) {
    Objects.requireNonNull(webService, "webService");
    for (CommandVariant cv : commandVariants) {
      if (cv.webService() != webService) {
        throw new IllegalArgumentException(
            "Command variant " + cv.code() + " is taken by " + cv.webService().path());
      }
    }
    return commandVariants;
  }

  private static Set<UserRole> nonEmpty(Set<UserRole> roles) {
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("A service needs command variants and eligible roles");
    }
    return roles;
  }

  /** The Service Reference, e.g. {@code 12.1}. */
  public ServiceReference reference() {
    return variant.reference();
  }

  /** Whether the request is addressed to a device (any command variant but 8). */
  public boolean isDevice() {
    return !commandVariants.contains(CommandVariant.NON_DEVICE);
  }

  /** The web services that take the request, one or more, in {@link WebService} order. */
  public Set<WebService> webServices() {
    EnumSet<WebService> out = EnumSet.noneOf(WebService.class);
    commandVariants.forEach(cv -> out.add(cv.webService()));
    return Collections.unmodifiableSet(out);
  }

  /**
   * The one web service that takes the request.
   *
   * @throws IllegalStateException when it is taken by several (a device request: {@code serviceS}
   *     to send it over the WAN, {@code serviceD} for local delivery, and for a critical one {@code
   *     serviceT} to transform it first); see {@link #webServices()}
   */
  public WebService webService() {
    Set<WebService> all = webServices();
    if (all.size() != 1) {
      throw new IllegalStateException(variant + " is taken by several web services: " + all);
    }
    return all.iterator().next();
  }

  /** Whether the request may be sent with {@code commandVariant}. */
  public boolean allows(CommandVariant commandVariant) {
    return commandVariants.contains(commandVariant);
  }

  /** Whether a User in {@code role} may send the request. */
  public boolean isEligible(UserRole role) {
    return eligibleRoles.contains(role);
  }

  /** This definition, marked simulated or not. */
  public ServiceDefinition withSimulated(boolean isSimulated) {
    return new ServiceDefinition(
        variant,
        name,
        commandVariants,
        eligibleRoles,
        critical,
        onDemand,
        futureDating,
        dccSchedulable,
        isSimulated,
        note);
  }
}
