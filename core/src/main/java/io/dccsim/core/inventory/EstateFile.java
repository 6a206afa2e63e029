package io.dccsim.core.inventory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.Postcode;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads and writes estate files: lists of devices to load into a {@link DeviceInventory}, as CSV (a
 * header row, then one device per line, MPxNs separated by {@code ;}) or JSON (an array of objects
 * with the same field names). {@code docs/inventory.md} describes the format.
 *
 * <p>Optional values are {@code uprn}, {@code mpxns}, {@code connectivity}, {@code supplier},
 * {@code network_operator}, and the premises: {@code postcode}, {@code address_identifier} and
 * {@code csp_region} (a device pre-notified but not yet installed has none; postcode and address
 * identifier are given together or not at all). In CSV an absent value is an empty cell; in JSON it
 * is an absent member or {@code null} (for {@code mpxns}, also an empty array). Writing gives an
 * absent value as an empty cell in CSV and omits its member in JSON ({@code mpxns} is always
 * written, as an array).
 *
 * <p>Reading is strict: the CSV header must be exactly {@link #COLUMNS}; every line has every
 * column; JSON objects have only known fields, each once; every value must make a valid {@link
 * Device}. The first problem ends the read with an {@link EstateFileException} naming its line.
 * Reading is bounded: a CSV line longer than {@link #MAX_LINE_CHARS} characters, a JSON string
 * longer than {@link #MAX_JSON_STRING} or a file of more than {@link #MAX_DEVICES} devices is
 * refused. Devices are delivered one at a time, so memory does not grow with the file.
 */
public final class EstateFile {

  /** The file formats. */
  public enum Format {
    /** Comma-separated values with a header row. */
    CSV,
    /** A JSON array of device objects. */
    JSON;

    /** The format a file's extension names: {@code .csv} or {@code .json}, in any case. */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".csv")) {
        return CSV;
      }
      if (name.endsWith(".json")) {
        return JSON;
      }
      throw new IllegalArgumentException(
          "An estate file's name ends .csv or .json: " + file.getFileName());
    }
  }

  /** The columns of the CSV header, in order; also the JSON field names. */
  public static final List<String> COLUMNS =
      List.of(
          "eui",
          "type",
          "status",
          "manufacturer",
          "model",
          "firmware_version",
          "firmware_status",
          "smets_chts_version",
          "gbcs_version",
          "mpxns",
          "uprn",
          "postcode",
          "address_identifier",
          "csp_region",
          "han_variant",
          "connectivity",
          "supplier",
          "network_operator");

  /** The longest CSV line read, in characters (without its line ending). */
  public static final int MAX_LINE_CHARS = 1_024;

  /** The longest JSON string read, in characters. */
  public static final int MAX_JSON_STRING = 256;

  /** The most devices one file may hold. */
  public static final long MAX_DEVICES = 50_000_000L;

  private static final Set<String> OPTIONAL =
      Set.of(
          "uprn",
          "connectivity",
          "supplier",
          "network_operator",
          "mpxns",
          "postcode",
          "address_identifier",
          "csp_region");

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(MAX_JSON_STRING)
                  .maxNameLength(64)
                  .maxNestingDepth(3)
                  .maxNumberLength(20)
                  .build())
          .build();

  private EstateFile() {}

  // ---- reading ----

  /** Reads every device of {@code file}, in the format its extension names. */
  public static List<Device> read(Path file) {
    List<Device> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read(r, Format.of(file), out::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return out;
  }

  /** Reads every device from {@code in}. */
  public static List<Device> read(Reader in, Format format) {
    List<Device> out = new ArrayList<>();
    read(in, format, out::add);
    return out;
  }

  /**
   * Reads devices from {@code in}, handing each to {@code sink} as it is read.
   *
   * @return how many were read
   * @throws EstateFileException at the first problem, naming its line
   */
  public static long read(Reader in, Format format, Consumer<Device> sink) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    try {
      return switch (format) {
        case CSV -> readCsv(in, sink);
        case JSON -> readJson(in, sink);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the estate file", e);
    }
  }

  /**
   * Reads one device written as a JSON object with the estate file's field names, as one element of
   * a JSON estate file is: for callers taking devices one at a time, such as the control API. The
   * same rules and limits apply as to a file.
   *
   * @param in the JSON text of one object, and nothing after it
   * @return the device
   * @throws EstateFileException at the first problem, naming its line within {@code in} and (in
   *     {@link EstateFileException#problem()}) the problem alone
   */
  public static Device readJsonObject(Reader in) {
    Objects.requireNonNull(in, "in");
    try (JsonParser p = JSON.createParser(in)) {
      try {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          throw new EstateFileException(line(p), "expected a device object");
        }
        Device d = jsonDevice(p);
        if (p.nextToken() != null) {
          throw new EstateFileException(line(p), "content after the device object");
        }
        return d;
      } catch (JsonProcessingException e) {
        long at =
            e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation().getLineNr()
                : Math.max(1, p.currentLocation().getLineNr());
        throw new EstateFileException(at, "not valid JSON: " + e.getOriginalMessage(), e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the device", e);
    }
  }

  private static long readCsv(Reader raw, Consumer<Device> sink) throws IOException {
    BufferedReader in = raw instanceof BufferedReader b ? b : new BufferedReader(raw);
    LineReader lines = new LineReader(in);
    String header = lines.next();
    if (header == null) {
      throw new EstateFileException(1, "the file is empty; expected the header row");
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    List<String> names = splitCsv(header, 1);
    if (!names.equals(COLUMNS)) {
      throw new EstateFileException(
          1, "the header row must be exactly: " + String.join(",", COLUMNS));
    }
    long count = 0;
    String line;
    while ((line = lines.next()) != null) {
      long number = lines.number();
      if (line.isEmpty()) {
        throw new EstateFileException(number, "empty line");
      }
      List<String> fields = splitCsv(line, number);
      if (fields.size() != COLUMNS.size()) {
        throw new EstateFileException(
            number, "expected " + COLUMNS.size() + " fields, found " + fields.size());
      }
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < fields.size(); i++) {
        values.put(COLUMNS.get(i), fields.get(i));
      }
      String mpxns = values.get("mpxns");
      List<String> mpxnList = mpxns.isEmpty() ? List.of() : List.of(mpxns.split(";", -1));
      deliver(sink, device(values, mpxnList, number), ++count, number);
    }
    return count;
  }

  private static void deliver(Consumer<Device> sink, Device d, long count, long line) {
    if (count > MAX_DEVICES) {
      throw new EstateFileException(line, "more than " + MAX_DEVICES + " devices");
    }
    sink.accept(d);
  }

  /** Reads lines of at most {@link #MAX_LINE_CHARS}, ended by LF or CRLF, counting them. */
  private static final class LineReader {
    private final BufferedReader in;
    private long number;
    private boolean ended;

    LineReader(BufferedReader in) {
      this.in = in;
    }

    long number() {
      return number;
    }

    String next() throws IOException {
      if (ended) {
        return null;
      }
      StringBuilder b = new StringBuilder();
      long at = number + 1;
      while (true) {
        int c = in.read();
        if (c < 0) {
          ended = true;
          if (b.length() == 0) {
            return null; // the file ended with a line ending, or is empty
          }
          number = at;
          return b.toString();
        }
        if (c == '\n') {
          number = at;
          int n = b.length();
          if (n > 0 && b.charAt(n - 1) == '\r') {
            b.setLength(n - 1);
          }
          return b.toString();
        }
        if (b.length() > MAX_LINE_CHARS) {
          throw new EstateFileException(at, "line longer than " + MAX_LINE_CHARS + " characters");
        }
        b.append((char) c);
      }
    }
  }

  /** Splits one CSV line: fields may be quoted with {@code "}, a quote inside doubled. */
  private static List<String> splitCsv(String line, long number) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (true) {
      StringBuilder field = new StringBuilder();
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new EstateFileException(number, "a quoted field is not closed");
          }
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(c);
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new EstateFileException(
              number, "a closing quote must end its field (column " + (out.size() + 1) + ")");
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          char c = line.charAt(i++);
          if (c == '"') {
            throw new EstateFileException(
                number,
                "a quote inside an unquoted field (column "
                    + (out.size() + 1)
                    + "); quote the whole field");
          }
          field.append(c);
        }
      }
      out.add(field.toString());
      if (i >= n) {
        return out;
      }
      i++; // the comma
      if (out.size() > COLUMNS.size()) {
        throw new EstateFileException(number, "more than " + COLUMNS.size() + " fields");
      }
    }
  }

  private static long readJson(Reader in, Consumer<Device> sink) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      try {
        return readJson(p, sink);
      } catch (JsonProcessingException e) {
        // a broken constraint carries no location of its own: use where the parser stopped
        long at =
            e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? e.getLocation().getLineNr()
                : Math.max(1, p.currentLocation().getLineNr());
        throw new EstateFileException(at, "not valid JSON: " + e.getOriginalMessage(), e);
      }
    }
  }

  private static long readJson(JsonParser p, Consumer<Device> sink) throws IOException {
    {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        throw new EstateFileException(line(p), "expected a JSON array of devices");
      }
      long count = 0;
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t != JsonToken.START_OBJECT) {
          throw new EstateFileException(line(p), "expected a device object");
        }
        long startLine = line(p);
        deliver(sink, jsonDevice(p), ++count, startLine);
      }
      if (p.nextToken() != null) {
        throw new EstateFileException(line(p), "content after the array");
      }
      return count;
    }
  }

  /** Reads the device object whose START_OBJECT {@code p} is on, up to its END_OBJECT. */
  private static Device jsonDevice(JsonParser p) throws IOException {
    JsonToken t;
    long startLine = line(p);
    Map<String, String> values = new HashMap<>();
    List<String> mpxns = new ArrayList<>();
    while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
      String name = p.currentName();
      if (!COLUMNS.contains(name)) {
        throw new EstateFileException(line(p), "unknown field \"" + name + "\"");
      }
      t = p.nextToken();
      if (name.equals("mpxns")) {
        if (t == JsonToken.VALUE_NULL) {
          continue;
        }
        if (t != JsonToken.START_ARRAY) {
          throw new EstateFileException(line(p), "\"mpxns\" must be an array of strings");
        }
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          if (t != JsonToken.VALUE_STRING) {
            throw new EstateFileException(line(p), "\"mpxns\" must be an array of strings");
          }
          if (mpxns.size() >= Device.MAX_MPXNS) {
            throw new EstateFileException(line(p), "more than " + Device.MAX_MPXNS + " MPxNs");
          }
          mpxns.add(p.getText());
        }
        values.put(name, "");
      } else if (name.equals("uprn")) {
        if (t == JsonToken.VALUE_NUMBER_INT) {
          values.put(name, p.getText());
        } else if (t != JsonToken.VALUE_NULL) {
          throw new EstateFileException(line(p), "\"uprn\" must be an integer or null");
        } else {
          values.put(name, "");
        }
      } else if (t == JsonToken.VALUE_STRING) {
        values.put(name, p.getText());
      } else if (t == JsonToken.VALUE_NULL && OPTIONAL.contains(name)) {
        values.put(name, "");
      } else {
        throw new EstateFileException(line(p), "\"" + name + "\" must be a string");
      }
    }
    for (String c : COLUMNS) {
      if (!values.containsKey(c)) {
        if (!OPTIONAL.contains(c)) {
          throw new EstateFileException(startLine, "the device has no \"" + c + "\"");
        }
        values.put(c, "");
      }
    }
    return device(values, mpxns, startLine);
  }

  private static long line(JsonParser p) {
    return p.currentTokenLocation().getLineNr();
  }

  private static Device device(Map<String, String> v, List<String> mpxns, long line) {
    try {
      return new Device(
          required(v, "eui", Eui64::parse),
          required(v, "type", s -> known(DeviceType.fromDuisText(s), "device type", s)),
          required(v, "status", s -> known(DeviceStatus.fromDuisText(s), "device status", s)),
          v.get("manufacturer"),
          v.get("model"),
          v.get("firmware_version"),
          required(
              v,
              "firmware_status",
              s -> known(FirmwareStatus.fromDuisText(s), "firmware status", s)),
          v.get("smets_chts_version"),
          v.get("gbcs_version"),
          mpxns,
          optional(v, "uprn", Uprn::parse),
          optional(v, "postcode", Postcode::parse),
          optional(v, "address_identifier", s -> s),
          optional(v, "csp_region", EstateFile::region),
          v.get("han_variant"),
          optional(v, "connectivity", s -> known(Connectivity.fromDuisText(s), "connectivity", s)),
          optional(v, "supplier", Eui64::parse),
          optional(v, "network_operator", Eui64::parse));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new EstateFileException(line, e.getMessage(), e);
    }
  }

  private static CspRegion region(String s) {
    CspRegion r = known(CspRegion.fromXmlText(s), "CSP region", s);
    if (!Device.REGIONS.contains(r)) {
      throw new IllegalArgumentException("csp_region must be North, Central or South, not " + s);
    }
    return r;
  }

  private static <T> T known(Optional<T> value, String what, String text) {
    return value.orElseThrow(
        () ->
            new IllegalArgumentException(
                "not a "
                    + what
                    + ": '"
                    + (text.length() > 30 ? text.substring(0, 30) : text)
                    + "'"));
  }

  private static <T> T required(Map<String, String> v, String name, Function<String, T> parse) {
    String s = v.get(name);
    if (s == null || s.isEmpty()) {
      throw new IllegalArgumentException(name + " is required");
    }
    try {
      return parse.apply(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  private static <T> Optional<T> optional(
      Map<String, String> v, String name, Function<String, T> parse) {
    String s = v.get(name);
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(s));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  // ---- writing ----

  /** Writes {@code devices} to {@code file}, in the format its extension names. */
  public static void write(Path file, Iterable<Device> devices) {
    Format format = Format.of(file);
    try (OutputStream out = Files.newOutputStream(file)) {
      if (format == Format.JSON) {
        writeJson(out, devices);
      } else {
        try (Writer w =
            new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
          writeCsv(w, devices);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Writes {@code devices} to {@code out} in {@code format}. */
  public static void write(Writer out, Format format, Iterable<Device> devices) {
    try {
      if (format == Format.CSV) {
        writeCsv(out, devices);
      } else {
        try (JsonGenerator g = JSON.createGenerator(out)) {
          writeJson(g, devices);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the estate file", e);
    }
  }

  private static void writeCsv(Writer w, Iterable<Device> devices) throws IOException {
    w.write(String.join(",", COLUMNS));
    w.write('\n');
    StringBuilder line = new StringBuilder(256);
    for (Device d : devices) {
      line.setLength(0);
      List<String> fields = fields(d);
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          line.append(',');
        }
        String f = fields.get(i);
        if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0) {
          line.append('"').append(f.replace("\"", "\"\"")).append('"');
        } else {
          line.append(f);
        }
      }
      line.append('\n');
      w.write(line.toString());
    }
  }

  private static List<String> fields(Device d) {
    return List.of(
        d.eui().toString(),
        d.type().duisText(),
        d.status().duisText(),
        d.manufacturer(),
        d.model(),
        d.firmwareVersion(),
        d.firmwareStatus().duisText(),
        d.smetsChtsVersion(),
        d.gbcsVersion(),
        String.join(";", d.mpxns()),
        d.uprn().map(Uprn::toString).orElse(""),
        d.postcode().map(Postcode::toString).orElse(""),
        d.addressIdentifier().orElse(""),
        d.cspRegion().map(CspRegion::xmlText).orElse(""),
        d.hanVariant(),
        d.connectivity().map(Connectivity::duisText).orElse(""),
        d.supplier().map(Eui64::toString).orElse(""),
        d.networkOperator().map(Eui64::toString).orElse(""));
  }

  private static void writeJson(OutputStream out, Iterable<Device> devices) throws IOException {
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      writeJson(g, devices);
    }
  }

  private static void writeJson(JsonGenerator g, Iterable<Device> devices) throws IOException {
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
    g.setPrettyPrinter(pretty);
    g.writeStartArray();
    for (Device d : devices) {
      List<String> fields = fields(d);
      g.writeStartObject();
      for (int i = 0; i < COLUMNS.size(); i++) {
        String name = COLUMNS.get(i);
        String value = fields.get(i);
        if (name.equals("mpxns")) {
          g.writeArrayFieldStart(name);
          for (String m : d.mpxns()) {
            g.writeString(m);
          }
          g.writeEndArray();
        } else if (name.equals("uprn")) {
          if (d.uprn().isPresent()) {
            g.writeNumberField(name, d.uprn().get().value());
          }
        } else if (!value.isEmpty()) {
          g.writeStringField(name, value);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeRaw('\n');
  }
}
