package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Service Requests the simulated DCC knows, by Service Reference Variant. Immutable; {@link
 * #with(ServiceDefinition)} returns an extended copy.
 */
public final class ServiceCatalogue {

  /** SR 12.1 Request WAN Matrix: non-device, command variant 8, open to every DUIS User Role. */
  public static final ServiceDefinition REQUEST_WAN_MATRIX =
      new ServiceDefinition(
          ServiceReferenceVariant.REQUEST_WAN_MATRIX,
          "Request WAN Matrix",
          EnumSet.of(CommandVariant.NON_DEVICE),
          WebService.NON_DEVICE,
          EnumSet.allOf(UserRole.class));

  private static final ServiceCatalogue STANDARD =
      new ServiceCatalogue(Map.of()).with(REQUEST_WAN_MATRIX);

  private final Map<ServiceReferenceVariant, ServiceDefinition> byVariant;

  private ServiceCatalogue(Map<ServiceReferenceVariant, ServiceDefinition> byVariant) {
    this.byVariant = byVariant;
  }

  /** The catalogue of the services this library models: SR 12.1. */
  public static ServiceCatalogue standard() {
    return STANDARD;
  }

  /** A copy holding {@code definition} too, replacing any of the same variant. */
  public ServiceCatalogue with(ServiceDefinition definition) {
    Map<ServiceReferenceVariant, ServiceDefinition> copy = new LinkedHashMap<>(byVariant);
    copy.put(definition.variant(), definition);
    return new ServiceCatalogue(Collections.unmodifiableMap(copy));
  }

  /** The definition of {@code variant}, if known. */
  public Optional<ServiceDefinition> find(ServiceReferenceVariant variant) {
    return Optional.ofNullable(byVariant.get(variant));
  }

  /** Every definition, in the order added. */
  public Collection<ServiceDefinition> definitions() {
    return byVariant.values();
  }
}
