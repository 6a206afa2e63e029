package io.dccsim.core.message;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the project's service catalogue format (docs/catalogue.md): UTF-8 text, one Service
 * Reference Variant a line, thirteen columns separated by single tabs, after one header line naming
 * them. Lines starting with {@code #}, and blank lines, are ignored. Every value is checked, and
 * the columns that follow from others ({@code sr} from {@code srv}, {@code target} and {@code
 * services} from {@code cvs}) must agree with them: a line that does not is refused with its
 * number.
 */
final class ServiceCatalogueFile {
  static final List<String> COLUMNS =
      List.of(
          "srv",
          "sr",
          "name",
          "critical",
          "target",
          "cvs",
          "services",
          "roles",
          "on-demand",
          "future-dated",
          "dcc-scheduled",
          "simulated",
          "note");

  private ServiceCatalogueFile() {}

  static List<ServiceDefinition> read(Reader reader, String source) {
    List<ServiceDefinition> out = new ArrayList<>();
    Map<ServiceReferenceVariant, Integer> seen = new LinkedHashMap<>();
    boolean header = false;
    int number = 0;
    try (BufferedReader in = new BufferedReader(reader)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        if (!header) {
          if (!List.of(cells).equals(COLUMNS)) {
            throw new CatalogueFormatException(
                source, number, "the header must name the columns " + String.join(" ", COLUMNS));
          }
          header = true;
          continue;
        }
        if (cells.length != COLUMNS.size()) {
          throw new CatalogueFormatException(
              source,
              number,
              "expected " + COLUMNS.size() + " tab-separated columns, found " + cells.length);
        }
        ServiceDefinition d;
        try {
          d = row(cells);
        } catch (IllegalArgumentException e) {
          throw new CatalogueFormatException(source, number, e.getMessage());
        }
        Integer earlier = seen.putIfAbsent(d.variant(), number);
        if (earlier != null) {
          throw new CatalogueFormatException(
              source, number, d.variant() + " is already defined at line " + earlier);
        }
        out.add(d);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the service catalogue " + source, e);
    }
    if (!header) {
      throw new CatalogueFormatException(source, number, "no header line");
    }
    return out;
  }

  private static ServiceDefinition row(String[] c) {
    for (int i = 0; i < c.length; i++) {
      if (c[i].isEmpty() || !c[i].strip().equals(c[i])) {
        throw new IllegalArgumentException(
            "column " + COLUMNS.get(i) + " is empty or has spaces around it");
      }
    }
    ServiceReferenceVariant srv = ServiceReferenceVariant.parse(c[0]);
    ServiceReference sr = ServiceReference.parse(c[1]);
    if (!sr.equals(srv.reference())) {
      throw new IllegalArgumentException(
          "sr " + sr + " is not the service reference of " + srv + " (" + srv.reference() + ")");
    }
    boolean critical = yesNo("critical", c[3]);
    Set<CommandVariant> cvs = EnumSet.noneOf(CommandVariant.class);
    for (String cv : list("cvs", c[5])) {
      if (!cvs.add(CommandVariant.parse(cv))) {
        throw new IllegalArgumentException("command variant " + cv + " is listed twice");
      }
    }
    boolean device = !cvs.contains(CommandVariant.NON_DEVICE);
    String target = device ? "device" : "non-device";
    if (!c[4].equals(target)) {
      throw new IllegalArgumentException(
          "target must be " + target + " for command variants " + c[5] + ", not " + c[4]);
    }
    Set<WebService> services = EnumSet.noneOf(WebService.class);
    for (String s : list("services", c[6])) {
      WebService w = webService(s);
      if (!services.add(w)) {
        throw new IllegalArgumentException("web service " + s + " is listed twice");
      }
    }
    Set<UserRole> roles = EnumSet.noneOf(UserRole.class);
    if (!c[7].equals("-")) {
      for (String r : list("roles", c[7])) {
        UserRole role =
            UserRole.parse(r)
                .filter(u -> u.abbreviation().equals(r))
                .orElseThrow(() -> new IllegalArgumentException("unknown User Role '" + r + "'"));
        if (!roles.add(role)) {
          throw new IllegalArgumentException("User Role " + r + " is listed twice");
        }
      }
    }
    FutureDating future =
        FutureDating.fromToken(c[9])
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "future-dated is no, dsp, device or dsp+device, not '" + c[9] + "'"));
    ServiceDefinition d =
        new ServiceDefinition(
            srv,
            c[2],
            cvs,
            roles,
            critical,
            yesNo("on-demand", c[8]),
            future,
            yesNo("dcc-scheduled", c[10]),
            yesNo("simulated", c[11]),
            c[12].equals("-") ? "" : c[12]);
    if (!d.webServices().equals(services)) {
      throw new IllegalArgumentException(
          "services must be " + letters(d.webServices()) + " for command variants " + c[5]);
    }
    return d;
  }

  static String letter(WebService w) {
    return switch (w) {
      case NON_DEVICE -> "D";
      case SEND_COMMAND -> "S";
      case TRANSFORM -> "T";
    };
  }

  static String letters(Set<WebService> services) {
    // T first: a critical request is transformed (serviceT) before it is sent (serviceS)
    List<String> out = new ArrayList<>();
    if (services.contains(WebService.TRANSFORM)) {
      out.add("T");
    }
    if (services.contains(WebService.SEND_COMMAND)) {
      out.add("S");
    }
    if (services.contains(WebService.NON_DEVICE)) {
      out.add("D");
    }
    return String.join(",", out);
  }

  private static WebService webService(String s) {
    for (WebService w : WebService.values()) {
      if (letter(w).equals(s)) {
        return w;
      }
    }
    throw new IllegalArgumentException("web service is D, S or T, not '" + s + "'");
  }

  private static boolean yesNo(String column, String value) {
    return switch (value) {
      case "yes" -> true;
      case "no" -> false;
      default -> throw new IllegalArgumentException(column + " is yes or no, not '" + value + "'");
    };
  }

  private static List<String> list(String column, String value) {
    String[] parts = value.split(",", -1);
    for (String p : parts) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException(column + " has an empty item: '" + value + "'");
      }
    }
    return List.of(parts);
  }
}
