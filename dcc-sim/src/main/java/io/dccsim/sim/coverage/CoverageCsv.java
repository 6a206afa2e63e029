package io.dccsim.sim.coverage;

import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.internal.PostcodeKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CSV coverage format: a header line naming the columns, then one row per region answer; rows
 * with the same key add regions to that key's answer. Blank lines and lines starting with {@code #}
 * are ignored. Fields may be quoted with {@code "} (doubled inside); only the WAN technology keeps
 * its spaces (a single space is the unconfirmed variant).
 */
final class CoverageCsv {
  static final List<String> COLUMNS =
      List.of(
          "key",
          "region",
          "covered",
          "anticipated_date",
          "wan_technology",
          "likelihood",
          "auxiliary_equipment",
          "additional_information");

  private CoverageCsv() {}

  static CoverageTable read(Reader in, String source) throws IOException {
    BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
    CoverageTable.Builder table = CoverageTable.builder();
    boolean headerSeen = false;
    long lineNumber = 0;
    String line;
    List<String> fields = new ArrayList<>(COLUMNS.size());
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      fields.clear();
      try {
        split(line, fields);
        if (!headerSeen) {
          List<String> header = fields.stream().map(String::trim).toList();
          if (!header.equals(COLUMNS)) {
            throw new IllegalArgumentException(
                "the header must be " + String.join(",", COLUMNS) + " but is " + line);
          }
          headerSeen = true;
          continue;
        }
        if (fields.size() != COLUMNS.size()) {
          throw new IllegalArgumentException(
              "expected " + COLUMNS.size() + " fields, found " + fields.size());
        }
        addRow(table, fields);
      } catch (IllegalArgumentException e) {
        throw new CoverageFileException(source, lineNumber, e.getMessage());
      }
    }
    if (!headerSeen) {
      throw new CoverageFileException(source, lineNumber, "no header line");
    }
    return table.build();
  }

  private static void addRow(CoverageTable.Builder table, List<String> f) {
    RegionAnswer answer =
        new RegionAnswer(
            CoverageCsv.region(f.get(1)),
            bool(f.get(2).trim()),
            date(f.get(3).trim()),
            f.get(4),
            CoverageCsv.likelihood(f.get(5)),
            optional(f.get(6)),
            optional(f.get(7)));
    addKeyed(table, f.get(0).trim(), answer);
  }

  /** A key of digits only is a UPRN; anything else must be a postcode. */
  static void addKeyed(CoverageTable.Builder table, String key, RegionAnswer answer) {
    if (!key.isEmpty() && key.length() <= 12 && key.chars().allMatch(c -> c >= '0' && c <= '9')) {
      table.add(Long.parseLong(key), answer);
    } else {
      table.add(postcode(key), answer);
    }
  }

  static Postcode postcode(String text) {
    return PostcodeKey.parse(text)
        .orElseThrow(() -> new IllegalArgumentException("not a valid postcode: '" + text + "'"));
  }

  static boolean bool(String text) {
    return switch (text.toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("covered is true or false: '" + text + "'");
    };
  }

  static Optional<LocalDate> date(String text) {
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO date (yyyy-mm-dd): '" + text + "'", e);
    }
  }

  static CspRegion region(String text) {
    return CspRegion.fromXmlText(text.trim())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a CSP region: '"
                        + text
                        + "' (North, Central, South, 4G North, 4G Central, 4G South, Unknown,"
                        + " SMETS1)"));
  }

  static ConnectivityLikelihood likelihood(String text) {
    return ConnectivityLikelihood.fromXmlText(text.trim())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "not a connectivity likelihood: '" + text + "' (High, Medium or Low)"));
  }

  private static Optional<String> optional(String text) {
    String trimmed = text.trim();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  /** Splits one line into fields, honouring quotes. */
  static void split(String line, List<String> out) {
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '"') {
        if (wasQuoted || !field.toString().isBlank()) {
          throw new IllegalArgumentException("a quote inside an unquoted field");
        }
        field.setLength(0);
        quoted = true;
        wasQuoted = true;
      } else {
        if (wasQuoted && c != ' ') {
          throw new IllegalArgumentException("text after a closing quote");
        }
        if (!wasQuoted) {
          field.append(c);
        }
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("an unterminated quoted field");
    }
    out.add(field.toString());
  }
}
