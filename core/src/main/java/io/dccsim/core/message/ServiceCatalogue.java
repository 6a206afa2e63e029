package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

  /**
   * SR 12.1 Request WAN Matrix: non-device, command variant 8, open to every DUIS User Role, and
   * simulated. The same as the entry of {@link #duis54()}.
   */
  public static final ServiceDefinition REQUEST_WAN_MATRIX =
      new ServiceDefinition(
          ServiceReferenceVariant.REQUEST_WAN_MATRIX,
          "Request WAN Matrix",
          EnumSet.of(CommandVariant.NON_DEVICE),
          EnumSet.allOf(UserRole.class),
          false,
          false,
          FutureDating.NONE,
          false,
          true,
          "");

  /** The class-path resource holding {@link #duis54()}. */
  public static final String DUIS_54_RESOURCE = "duis-5.4-catalogue.tsv";

  private static final ServiceCatalogue STANDARD =
      new ServiceCatalogue(Map.of()).with(REQUEST_WAN_MATRIX);

  /** Loaded on first use; a fault in the resource is a fault of the build, thrown at once. */
  private static final class Duis54 {
    static final ServiceCatalogue CATALOGUE = load();

    private static ServiceCatalogue load() {
      try (InputStream in = ServiceCatalogue.class.getResourceAsStream(DUIS_54_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(DUIS_54_RESOURCE + " is missing from the class path");
        }
        return read(new InputStreamReader(in, StandardCharsets.UTF_8), DUIS_54_RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Map<ServiceReferenceVariant, ServiceDefinition> byVariant;

  private ServiceCatalogue(Map<ServiceReferenceVariant, ServiceDefinition> byVariant) {
    this.byVariant = byVariant;
  }

  /**
   * The catalogue of the services this library answers in full: SR 12.1 alone. For every Service
   * Request of the interface see {@link #duis54()}.
   */
  public static ServiceCatalogue standard() {
    return STANDARD;
  }

  /**
   * Every Service Reference Variant of DUIS 5.4 (129 of them), read from the resource {@value
   * #DUIS_54_RESOURCE} in the format described in docs/catalogue.md. Only SR 12.1 is marked {@link
   * ServiceDefinition#simulated() simulated}.
   */
  public static ServiceCatalogue duis54() {
    return Duis54.CATALOGUE;
  }

  /**
   * Reads a catalogue in the project's format, strictly.
   *
   * @param source the name to give in error messages, e.g. the file's path
   * @throws CatalogueFormatException for the first line that breaks the format, with its number
   */
  public static ServiceCatalogue read(Reader reader, String source) {
    Map<ServiceReferenceVariant, ServiceDefinition> all = new LinkedHashMap<>();
    for (ServiceDefinition d : ServiceCatalogueFile.read(reader, source)) {
      all.put(d.variant(), d);
    }
    return new ServiceCatalogue(Collections.unmodifiableMap(all));
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

  /** The number of definitions. */
  public int size() {
    return byVariant.size();
  }

  /** Every definition, in the order added. */
  public Collection<ServiceDefinition> definitions() {
    return byVariant.values();
  }
}
