package io.dccsim.sim.pipeline;

import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Stage 3: may this user send this request here? The originator must be a registered User (E1).
 * Then, for an SR the catalogue knows, in this order: the command variant must be one the SR allows
 * (E12); the request must arrive on the web service of that command variant (E13: {@code serviceD}
 * for 8, {@code serviceT} for 4, {@code serviceS} for the others); the User's role must be eligible
 * for the SR (E2). An SR the catalogue does not know passes, to be answered as not simulated.
 */
public final class Authorisation {
  private final UserRegistry users;
  private final ServiceCatalogue catalogue;

  /** Authorises against these users and services. */
  public Authorisation(UserRegistry users, ServiceCatalogue catalogue) {
    this.users = users;
    this.catalogue = catalogue;
  }

  /** Checks one authenticated request that arrived on {@code path}. */
  public Authentication authorise(ParsedRequest request, String path) {
    Optional<UserRole> role = users.roleOf(request.requestId().originator());
    if (role.isEmpty()) {
      return Authentication.refused(
          "E1", "unknown-user: " + request.requestId().originator() + " is not a registered User");
    }
    Optional<ServiceDefinition> definition = catalogue.find(request.serviceReferenceVariant());
    if (definition.isEmpty()) {
      return Authentication.ACCEPTED;
    }
    ServiceDefinition sr = definition.get();
    CommandVariant cv = request.commandVariant();
    if (!sr.allows(cv)) {
      return Authentication.refused(
          "E12",
          "command-variant-mismatch: "
              + sr.variant()
              + " does not take command variant "
              + cv.code()
              + " (it takes "
              + sr.commandVariants().stream()
                  .map(c -> Integer.toString(c.code()))
                  .collect(Collectors.joining(", "))
              + ")");
    }
    Optional<WebService> arrived = WebService.fromPath(path);
    if (arrived.isEmpty() || arrived.get() != cv.webService()) {
      return Authentication.refused(
          "E13",
          "wrong-url: "
              + sr.variant()
              + " with command variant "
              + cv.code()
              + " belongs on "
              + cv.webService().path());
    }
    if (!sr.isEligible(role.get())) {
      return Authentication.refused(
          "E2", "role-not-eligible: " + role.get().displayName() + " may not send " + sr.variant());
    }
    return Authentication.ACCEPTED;
  }
}
