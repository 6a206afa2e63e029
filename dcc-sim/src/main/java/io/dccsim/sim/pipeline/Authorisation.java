package io.dccsim.sim.pipeline;

import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.Optional;

/**
 * Stage 3: may this user send this request here? The originator must be a registered User (E1); its
 * role must be eligible for the SR (E2); the command variant must be one the SR allows (E12); the
 * request must arrive on the SR's URL (E13). An SR the catalogue does not know passes, to be
 * answered as not simulated.
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
    if (!sr.isEligible(role.get())) {
      return Authentication.refused(
          "E2", "role-not-eligible: " + role.get().displayName() + " may not send " + sr.variant());
    }
    if (!sr.allows(request.commandVariant())) {
      return Authentication.refused(
          "E12",
          "command-variant-mismatch: "
              + sr.variant()
              + " does not take command variant "
              + request.commandVariant().code());
    }
    Optional<WebService> arrived = WebService.fromPath(path);
    if (arrived.isEmpty() || arrived.get() != sr.webService()) {
      return Authentication.refused(
          "E13", "wrong-url: " + sr.variant() + " belongs on " + sr.webService().path());
    }
    return Authentication.ACCEPTED;
  }
}
