package io.dccsim.sim.catalogue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service catalogue listed: as a fixed-width table ({@code dccsim catalogue}) and as JSON ({@code
 * dccsim catalogue --format json} and {@code GET /control/catalogue}, the same document).
 */
public final class CatalogueListing {
  private static final List<String> HEADINGS =
      List.of(
          "SRV", "NAME", "CVS", "CRITICAL", "TARGET", "WEB SERVICE", "ROLES", "SIMULATED", "GBCS");

  private CatalogueListing() {}

  /**
   * The catalogue as JSON: {@code {"count": n, "services": [...]}}, one object an SRV with {@code
   * srv, serviceReference, name, commandVariants, critical, device, webServices} (paths), {@code
   * eligibleRoles} (abbreviations), {@code onDemand, futureDated} ({@code no, dsp, device,
   * dsp+device}), {@code dccSchedulable, simulated}, {@code realGbcs} (the device types whose
   * simulated devices answer it with real GBCS rather than the placeholder: {@code ESME}, {@code
   * GSME}; empty for the others) and {@code note} (absent when there is none).
   */
  public static ObjectNode json(ServiceCatalogue catalogue) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    out.put("count", catalogue.size());
    ArrayNode list = out.putArray("services");
    for (ServiceDefinition d : catalogue.definitions()) {
      ObjectNode o = list.addObject();
      o.put("srv", d.variant().toString());
      o.put("serviceReference", d.reference().toString());
      o.put("name", d.name());
      ArrayNode cvs = o.putArray("commandVariants");
      d.commandVariants().forEach(cv -> cvs.add(cv.code()));
      o.put("critical", d.critical());
      o.put("device", d.isDevice());
      ArrayNode services = o.putArray("webServices");
      webServices(d).forEach(w -> services.add(w.path()));
      ArrayNode roles = o.putArray("eligibleRoles");
      d.eligibleRoles().forEach(r -> roles.add(r.abbreviation()));
      o.put("onDemand", d.onDemand());
      o.put("futureDated", d.futureDating().token());
      o.put("dccSchedulable", d.dccSchedulable());
      o.put("simulated", d.simulated());
      ArrayNode real = o.putArray("realGbcs");
      io.dccsim.sim.device.DeviceGbcs.realFor(d.variant()).forEach(t -> real.add(t.name()));
      if (!d.note().isEmpty()) {
        o.put("note", d.note());
      }
    }
    return out;
  }

  /** The catalogue as a table with a heading line, one line an SRV, columns padded by spaces. */
  public static String table(ServiceCatalogue catalogue) {
    List<List<String>> rows = new java.util.ArrayList<>();
    rows.add(HEADINGS);
    for (ServiceDefinition d : catalogue.definitions()) {
      rows.add(
          List.of(
              d.variant().toString(),
              d.name(),
              d.commandVariants().stream()
                  .map(CommandVariant::code)
                  .map(String::valueOf)
                  .collect(Collectors.joining(",")),
              d.critical() ? "yes" : "no",
              d.isDevice() ? "device" : "non-device",
              webServices(d).stream()
                  .map(w -> w.path().substring(w.path().lastIndexOf('/') + 1))
                  .collect(Collectors.joining(",")),
              d.eligibleRoles().isEmpty()
                  ? "-"
                  : d.eligibleRoles().stream()
                      .map(UserRole::abbreviation)
                      .collect(Collectors.joining(",")),
              d.simulated() ? "yes" : "no",
              gbcs(d)));
    }
    int[] widths = new int[HEADINGS.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(row.get(i));
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    out.append(catalogue.size())
        .append(" Service Reference Variants, ")
        .append(catalogue.definitions().stream().filter(ServiceDefinition::simulated).count())
        .append(" simulated\n");
    return out.toString();
  }

  /** The device types answering with real GBCS, comma-separated; {@code -} for none. */
  private static String gbcs(ServiceDefinition d) {
    List<io.dccsim.core.inventory.DeviceType> real =
        io.dccsim.sim.device.DeviceGbcs.realFor(d.variant());
    return real.isEmpty() ? "-" : real.stream().map(Enum::name).collect(Collectors.joining(","));
  }

  /** The web services in the order a request meets them: serviceT before serviceS. */
  private static List<WebService> webServices(ServiceDefinition d) {
    return d.webServices().stream()
        .sorted(
            java.util.Comparator.comparingInt(
                w -> w == WebService.TRANSFORM ? 0 : w == WebService.SEND_COMMAND ? 1 : 2))
        .toList();
  }
}
