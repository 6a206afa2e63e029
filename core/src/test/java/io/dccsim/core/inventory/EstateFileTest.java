package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.wan.CspRegion;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstateFileTest {

  static final String HEADER = String.join(",", EstateFile.COLUMNS);
  static final String GOOD =
      "DE-DC-C5-01-00-00-00-00,ESME,Commissioned,Acme,E1,1.0,Active,SMETS2 V4.2,3.2,"
          + "1612345678906,10000000001,M22 0RR,1 Threapwood Road,North,Single Band,,"
          + "90-B3-D5-1F-30-01-00-00,90-B3-D5-1F-30-02-00-00";

  @TempDir Path dir;

  static List<Device> sample() {
    List<Device> devices = new ArrayList<>(SyntheticEstate.devices(30, 99L));
    devices.add(
        new Device(
            Eui64.parse("DE-DC-C5-08-FF-00-00-01"),
            DeviceType.CAD,
            DeviceStatus.PENDING,
            "Fabricant \"Zoë\", Ltd",
            "CAD,1",
            "0.9",
            FirmwareStatus.PENDING,
            "SMETS2 V5.0",
            "4.0",
            List.of(),
            Optional.empty(),
            Optional.of(Postcode.parse("EH1 1AA")),
            Optional.of("Flat 2, \"The Old Mill\""),
            Optional.of(CspRegion.NORTH),
            "Dual Band",
            Optional.of(Connectivity.VIRTUAL),
            Optional.empty(),
            Optional.empty()));
    return devices;
  }

  static String write(EstateFile.Format format, List<Device> devices) {
    StringWriter w = new StringWriter();
    EstateFile.write(w, format, devices);
    return w.toString();
  }

  @Test
  void csvRoundTrips() {
    List<Device> devices = sample();
    String csv = write(EstateFile.Format.CSV, devices);
    assertThat(csv).startsWith(HEADER + "\n");
    assertThat(csv.lines()).hasSize(devices.size() + 1);
    assertThat(EstateFile.read(new StringReader(csv), EstateFile.Format.CSV))
        .containsExactlyElementsOf(devices);
    // CRLF line endings and a byte-order mark are read too
    String windows = "\uFEFF" + csv.replace("\n", "\r\n");
    assertThat(EstateFile.read(new StringReader(windows), EstateFile.Format.CSV))
        .containsExactlyElementsOf(devices);
  }

  @Test
  void jsonRoundTrips() {
    List<Device> devices = sample();
    String json = write(EstateFile.Format.JSON, devices);
    assertThat(json).startsWith("[").contains("\"mpxns\"");
    assertThat(EstateFile.read(new StringReader(json), EstateFile.Format.JSON))
        .containsExactlyElementsOf(devices);
  }

  static List<Device> withoutPremises() {
    Device bare =
        Device.prenotified(
            Eui64.parse("DE-DC-C5-09-FF-00-00-01"),
            DeviceType.ESME,
            "Acme",
            "E1",
            "1.0",
            "SMETS2 V4.2",
            "3.2",
            Optional.of(Eui64.parse("90-B3-D5-1F-30-01-00-00")));
    Device regionOnly =
        Device.prenotified(
                Eui64.parse("DE-DC-C5-09-FF-00-00-02"),
                DeviceType.CHF,
                "Acme",
                "H1",
                "2.0",
                "CHTS V1.2",
                "3.2",
                Optional.empty())
            .withPremises(
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(CspRegion.SOUTH));
    List<Device> devices = new ArrayList<>(SyntheticEstate.devices(2, 5L));
    devices.add(bare);
    devices.add(regionOnly);
    return devices;
  }

  @Test
  void devicesWithoutPremisesRoundTripInBothFormats() {
    List<Device> devices = withoutPremises();
    String csv = write(EstateFile.Format.CSV, devices);
    assertThat(csv)
        .contains(
            "DE-DC-C5-09-FF-00-00-01,ESME,Pending,Acme,E1,1.0,Active,SMETS2 V4.2,3.2,,,,,,"
                + "Single Band,,90-B3-D5-1F-30-01-00-00,\n")
        .contains(",,,,,South,Single Band,");
    assertThat(EstateFile.read(new StringReader(csv), EstateFile.Format.CSV))
        .containsExactlyElementsOf(devices);

    String json = write(EstateFile.Format.JSON, devices);
    assertThat(EstateFile.read(new StringReader(json), EstateFile.Format.JSON))
        .containsExactlyElementsOf(devices);
    String last = json.substring(json.indexOf("DE-DC-C5-09-FF-00-00-01"));
    assertThat(last.substring(0, last.indexOf('}')))
        .doesNotContain("postcode", "address_identifier", "csp_region");

    // in JSON, null reads as absent too
    String nulls =
        "[{\"eui\": \"DE-DC-C5-09-FF-00-00-01\", \"type\": \"ESME\", \"status\": \"Pending\","
            + " \"manufacturer\": \"Acme\", \"model\": \"E1\", \"firmware_version\": \"1.0\","
            + " \"firmware_status\": \"Active\", \"smets_chts_version\": \"SMETS2 V4.2\","
            + " \"gbcs_version\": \"3.2\", \"postcode\": null, \"address_identifier\": null,"
            + " \"csp_region\": null, \"han_variant\": \"Single Band\","
            + " \"supplier\": \"90-B3-D5-1F-30-01-00-00\"}]";
    assertThat(EstateFile.read(new StringReader(nulls), EstateFile.Format.JSON))
        .containsExactly(devices.get(devices.size() - 2));
  }

  @Test
  void oneJsonObjectReadsAsOneDevice() {
    List<Device> devices = withoutPremises();
    String json = write(EstateFile.Format.JSON, devices);
    // each element of the written array, alone
    String first = json.substring(json.indexOf('{'), json.indexOf('}') + 1);
    assertThat(EstateFile.readJsonObject(new StringReader(first))).isEqualTo(devices.get(0));
    String last = json.substring(json.lastIndexOf('{'), json.lastIndexOf('}') + 1);
    assertThat(EstateFile.readJsonObject(new StringReader(last)))
        .isEqualTo(devices.get(devices.size() - 1));

    assertThatThrownBy(() -> EstateFile.readJsonObject(new StringReader("[" + first + "]")))
        .isInstanceOf(EstateFileException.class)
        .hasMessageContaining("expected a device object");
    assertThatThrownBy(() -> EstateFile.readJsonObject(new StringReader(first + "{}")))
        .isInstanceOf(EstateFileException.class)
        .hasMessageContaining("content after the device object");
    assertThatThrownBy(
            () ->
                EstateFile.readJsonObject(
                    new StringReader(first.replace("\"Commissioned\"", "\"Ready\""))))
        .isInstanceOf(EstateFileException.class)
        .satisfies(
            e ->
                assertThat(((EstateFileException) e).problem())
                    .isEqualTo("status: not a device status: 'Ready'"));
  }

  @Test
  void aPostcodeWithoutAnAddressIdentifierIsRefused() {
    String good = HEADER + "\n" + GOOD + "\n";
    assertThat(csvError(good + GOOD.replace("1 Threapwood Road", "")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("both present or both absent");
    assertThat(csvError(good + GOOD.replace("M22 0RR", "")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("both present or both absent");
    // a region alone is fine
    assertThat(
            EstateFile.read(
                new StringReader(
                    good
                        + GOOD.replace("M22 0RR,1 Threapwood Road", ",")
                            .replace("-00-00-00-00,", "-00-00-00-01,")),
                EstateFile.Format.CSV))
        .hasSize(2)
        .last()
        .satisfies(d -> assertThat(d.postcode()).isEmpty())
        .satisfies(d -> assertThat(d.cspRegion()).hasValue(CspRegion.NORTH));
  }

  @Test
  void filesRoundTripByExtension() {
    List<Device> devices = sample();
    for (String name : List.of("estate.csv", "estate.JSON")) {
      Path file = dir.resolve(name);
      EstateFile.write(file, devices);
      assertThat(EstateFile.read(file)).containsExactlyElementsOf(devices);
    }
    assertThatThrownBy(() -> EstateFile.Format.of(dir.resolve("estate.txt")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyEstateRoundTrips() {
    for (EstateFile.Format f : EstateFile.Format.values()) {
      assertThat(EstateFile.read(new StringReader(write(f, List.of())), f)).isEmpty();
    }
  }

  private static EstateFileException csvError(String text) {
    try {
      EstateFile.read(new StringReader(text), EstateFile.Format.CSV);
    } catch (EstateFileException e) {
      return e;
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void csvProblemsNameTheirLine() {
    String good = HEADER + "\n" + GOOD + "\n";
    assertThat(EstateFile.read(new StringReader(good), EstateFile.Format.CSV)).hasSize(1);

    assertThat(csvError("").line()).isEqualTo(1);
    assertThat(csvError("eui,type\n").line()).isEqualTo(1);
    assertThat(csvError(good + GOOD.replace("DE-DC-C5-01-00-00-00-00", "DE-DC-C5-01") + "\n"))
        .hasMessageStartingWith("line 3: eui")
        .extracting(EstateFileException::line)
        .isEqualTo(3L);
    assertThat(csvError(good + "\n" + GOOD).line()).isEqualTo(3);
    assertThat(csvError(good + GOOD + ",extra\n"))
        .hasMessageContaining("line 3: expected 18 fields, found 19");
    assertThat(csvError(good + good.substring(HEADER.length() + 1).replace(",ESME,", ",METER,")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("device type");
    assertThat(csvError(good + GOOD.replace("Commissioned", "commissioned")))
        .hasMessageContaining("line 3");
    assertThat(csvError(good + GOOD.replace(",North,", ",4G North,")))
        .hasMessageContaining("line 3")
        .hasMessageContaining("North, Central or South");
    assertThat(csvError(good + GOOD.replace("M22 0RR", "M22 0CC")))
        .hasMessageContaining("line 3: postcode");
    assertThat(csvError(good + GOOD.replace("1612345678906", "16123;16123456")))
        .hasMessageContaining("line 3");
    assertThat(csvError(good + GOOD.replace("1 Threapwood Road", "\"1 Threapwood")))
        .hasMessageContaining("line 3: a quoted field is not closed");
    assertThat(csvError(good + GOOD.replace("1 Threapwood Road", "1 \"Threapwood\"")))
        .hasMessageContaining("line 3: a quote inside an unquoted field");
    assertThat(csvError(good + GOOD.replace(",Acme,", ",,"))).hasMessageContaining("line 3");
    // a second copy of the same device is a file problem only for the inventory, not the reader
    assertThat(EstateFile.read(new StringReader(good + GOOD), EstateFile.Format.CSV)).hasSize(2);
  }

  @Test
  void anOverlongCsvLineIsRefusedWithoutReadingItAll() {
    String huge = HEADER + "\n" + GOOD + "\n" + "x".repeat(10_000_000);
    assertThat(csvError(huge))
        .hasMessageContaining("line 3: line longer than " + EstateFile.MAX_LINE_CHARS);
  }

  private static EstateFileException jsonError(String text) {
    try {
      EstateFile.read(new StringReader(text), EstateFile.Format.JSON);
    } catch (EstateFileException e) {
      return e;
    }
    throw new AssertionError("accepted: " + text);
  }

  @Test
  void jsonProblemsNameTheirLine() {
    String json = write(EstateFile.Format.JSON, SyntheticEstate.devices(2, 1L));
    List<String> lines = json.lines().toList();
    int statusLine = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("\"status\"") && statusLine < 0 && i > 30) {
        statusLine = i;
      }
    }
    List<String> mangled = new ArrayList<>(lines);
    mangled.set(statusLine, mangled.get(statusLine).replace("Commissioned", "Installed"));
    assertThat(jsonError(String.join("\n", mangled)))
        .hasMessageContaining("device status")
        .extracting(EstateFileException::line)
        .isNotEqualTo(0L);

    assertThat(jsonError("{}").line()).isEqualTo(1);
    assertThat(jsonError("[\n  {\"eui\": \"DE-DC-C5-01-00-00-00-00\",\n  \"colour\": \"red\"}\n]"))
        .hasMessageContaining("line 3: unknown field \"colour\"");
    assertThat(jsonError("[\n  {\"eui\": \"DE-DC-C5-01-00-00-00-00\"}\n]"))
        .hasMessageContaining("line 2: the device has no \"type\"");
    assertThat(jsonError("[\n{\"eui\": \"a\",\n\"eui\": \"b\"}]").line()).isEqualTo(3);
    assertThat(jsonError("[\n\n  {\"eui\": 5}]")).hasMessageContaining("line 3");
    assertThat(jsonError("[\n  {\"eui\": \"" + "A".repeat(10_000) + "\"}]"))
        .hasMessageContaining("not valid JSON");
    assertThat(jsonError(json + "[]")).hasMessageContaining("content after the array");
    assertThat(jsonError("[\n{\"mpxns\": [[[]]]}]")).isNotNull();
  }
}
