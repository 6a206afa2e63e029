package io.dccsim.sim.coverage;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON coverage format: an array of entries, each {@code {"postcode": "M22 0RR"}} or {@code
 * {"uprn": 10023336956}} with {@code "regions": [...]}; each region has {@code region}, {@code
 * covered}, optional {@code anticipatedDate}, {@code wanTechnology}, {@code likelihood}, optional
 * {@code auxiliaryEquipment} and {@code additionalInformation}. Unknown fields are errors. Read as
 * a stream, so the file is never held in memory whole.
 */
final class CoverageJson {
  private static final Set<String> ENTRY_FIELDS = Set.of("postcode", "uprn", "regions");

  private CoverageJson() {}

  static CoverageTable read(Reader reader, String source) throws IOException {
    CoverageTable.Builder table = CoverageTable.builder();
    try (JsonParser p = new JsonFactory().createParser(reader)) {
      try {
        expect(p, p.nextToken(), JsonToken.START_ARRAY, "the file must be an array of entries");
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          expect(p, t, JsonToken.START_OBJECT, "each entry is an object");
          readEntry(p, table);
        }
        if (p.nextToken() != null) {
          throw new IllegalArgumentException("content after the array");
        }
      } catch (IllegalArgumentException e) {
        throw new CoverageFileException(source, p.currentLocation().getLineNr(), e.getMessage());
      } catch (StreamReadException e) {
        // Parse errors and numbers out of range (a UPRN of 25 digits) alike.
        throw new CoverageFileException(
            source, e.getLocation().getLineNr(), "not valid JSON: " + e.getOriginalMessage());
      }
    }
    return table.build();
  }

  private static void readEntry(JsonParser p, CoverageTable.Builder table) throws IOException {
    String key = null;
    boolean regionsSeen = false;
    java.util.List<RegionAnswer> regions = new java.util.ArrayList<>(2);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (!ENTRY_FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown entry field '" + name + "'");
      }
      JsonToken value = p.nextToken();
      switch (name) {
        case "postcode" -> {
          expect(p, value, JsonToken.VALUE_STRING, "postcode is a string");
          key = requireOneKey(key, CoverageCsv.postcode(p.getText()).toString());
        }
        case "uprn" -> {
          expect(p, value, JsonToken.VALUE_NUMBER_INT, "uprn is an integer");
          key =
              requireOneKey(
                  key, Long.toString(new CoverageQuestion.ByUprn(p.getLongValue()).uprn()));
        }
        default -> {
          expect(p, value, JsonToken.START_ARRAY, "regions is an array");
          regionsSeen = true;
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            expect(p, t, JsonToken.START_OBJECT, "each region is an object");
            regions.add(readRegion(p));
          }
        }
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("an entry needs a postcode or a uprn");
    }
    if (!regionsSeen || regions.isEmpty()) {
      throw new IllegalArgumentException("an entry needs at least one region");
    }
    for (RegionAnswer r : regions) {
      CoverageCsv.addKeyed(table, key, r);
    }
  }

  private static String requireOneKey(String existing, String key) {
    if (existing != null) {
      throw new IllegalArgumentException("an entry has one postcode or one uprn, not both");
    }
    return key;
  }

  private static RegionAnswer readRegion(JsonParser p) throws IOException {
    String region = null;
    Boolean covered = null;
    Optional<LocalDate> date = Optional.empty();
    String wan = null;
    String likelihood = null;
    Optional<String> auxiliary = Optional.empty();
    Optional<String> information = Optional.empty();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("covered")) {
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
          throw new IllegalArgumentException("covered is true or false");
        }
        covered = value == JsonToken.VALUE_TRUE;
        continue;
      }
      expect(p, value, JsonToken.VALUE_STRING, name + " is a string");
      String text = p.getText();
      switch (name) {
        case "region" -> region = text;
        case "anticipatedDate" -> date = CoverageCsv.date(text.trim());
        case "wanTechnology" -> wan = text;
        case "likelihood" -> likelihood = text;
        case "auxiliaryEquipment" -> auxiliary = Optional.of(text);
        case "additionalInformation" -> information = Optional.of(text);
        default -> throw new IllegalArgumentException("unknown region field '" + name + "'");
      }
    }
    if (region == null || covered == null || wan == null || likelihood == null) {
      throw new IllegalArgumentException(
          "a region needs region, covered, wanTechnology and likelihood");
    }
    return new RegionAnswer(
        CoverageCsv.region(region),
        covered,
        date,
        wan,
        CoverageCsv.likelihood(likelihood),
        auxiliary,
        information);
  }

  private static void expect(JsonParser p, JsonToken actual, JsonToken expected, String problem) {
    if (actual != expected) {
      throw new IllegalArgumentException(problem);
    }
  }
}
