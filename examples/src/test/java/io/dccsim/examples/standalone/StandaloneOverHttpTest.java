package io.dccsim.examples.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.cli.StandaloneSimulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.PemMaterial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a team whose adapter is not written in Java does with the standalone server, from its banner
 * and HTTP alone: take the test Users' keys from {@code org-crypto.zip}, add a scenario and a
 * fault, watch the journal, register a User, jump the clock across go-live and see the MP147 weekly
 * full and daily deltas appear, download them from the SMKI port, and read them back with the
 * Python consumer to exactly the repository's certificates and statuses.
 */
class StandaloneOverHttpTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path CONSUMER = Path.of("python", "smki_extracts.py");

  private final HttpClient http = HttpClient.newHttpClient();
  private String token;
  private URI control;

  @TempDir Path data;

  @Test
  void everythingFromTheBannerAndHttp() throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("smki-port", "0");
    flags.put("control-port", "0");
    flags.put("data-dir", data.toString());
    // The day before go-live, noon: MP147 is not in force yet.
    flags.put("clock-start", "2021-06-23T12:00:00Z");
    try (StandaloneSimulator s =
        StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), flags))) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      s.describe(new PrintStream(b, true, StandardCharsets.UTF_8));
      String banner = b.toString(StandardCharsets.UTF_8);
      URI duis = URI.create(find(banner, "DUIS non-device  POST (\\S+)/api/v1/serviceD"));
      URI smki = URI.create(find(banner, "SMKI extracts    GET  (\\S+)/services/extracts"));
      control = URI.create(find(banner, "control API      (\\S+) "));
      token =
          Files.readString(
                  Path.of(find(banner, "token in       (\\S+)")), StandardCharsets.US_ASCII)
              .strip();
      Eui64 dccEui = Eui64.parse(find(banner, "DCC EUI          (\\S+)"));

      // Keys from the zip, as a client in any language would take them.
      Map<String, byte[]> zip = unzip(get(smki.resolve("/assets/crypto/org-crypto.zip")));
      JsonNode manifest = JSON.readTree(zip.get("manifest.json"));
      JsonNode user = manifest.get("users").get(0);
      Eui64 supplier = Eui64.parse(user.get("eui").asText());
      DuisClient client =
          DuisClient.builder()
              .user(
                  supplier,
                  SigningCredential.of(
                      PemMaterial.privateKey(zip.get(user.get("privateKey").asText())),
                      PemMaterial.certificates(zip.get(user.get("certificate").asText())).get(0)))
              .dcc(dccEui, PemMaterial.certificates(zip.get("cert/dcc-dspxmlsign.pem")).get(0))
              .transport(HttpDuisTransport.builder(duis).build())
              .build();

      // A scenario and a fault.
      call(
          "POST",
          "scenarios",
          "{\"match\": {\"postcode\": \"M22 0RR\"},"
              + " \"effects\": [{\"type\": \"responseCode\", \"code\": \"E120103\"}], \"times\": 1}",
          201);
      call(
          "POST",
          "scenarios",
          "{\"match\": {\"postcode\": \"SW1A 1AA\"},"
              + " \"effects\": [{\"type\": \"httpStatus\", \"status\": 502}]}",
          201);
      assertThat(code(client, "M22 0RR")).isEqualTo("E120103");
      assertThat(code(client, "M22 0RR")).isEqualTo("I0");
      assertThatThrownBy(() -> code(client, "SW1A 1AA")).isInstanceOf(DuisHttpException.class);
      JsonNode journal = call("GET", "journal?postcode=M22%200RR", null, 200);
      assertThat(journal.get("matched").asInt()).isEqualTo(2);
      call(
          "POST",
          "journal/verify",
          "{\"match\": {\"sr\": \"12.1\", \"originator\": \""
              + supplier
              + "\"}, \"count\": {\"exactly\": 3}}",
          200);

      // A User registered over HTTP.
      call("POST", "users", "{\"eui\": \"90-B3-D5-1F-30-02-00-00\", \"role\": \"ED\"}", 201);
      assertThat(
              call("GET", "users/90-B3-D5-1F-30-02-00-00", null, 200).get("abbreviation").asText())
          .isEqualTo("ED");

      // Before go-live: a daily full.
      assertThat(call("GET", "smki/extracts", null, 200).get("regime").asText())
          .isEqualTo("DAILY_FULL");
      call("POST", "clock/advance", "{\"by\": \"PT13H\"}", 200); // 24 June 01:00 London passed
      JsonNode first = awaitPublished(1);
      assertThat(first.get("extracts").get(0).get("kind").asText()).isEqualTo("FULL");
      assertThat(first.get("regime").asText()).isEqualTo("WEEKLY_FULL_DAILY_DELTA");
      // Day by day to the Sunday weekly full, then two daily deltas with a revocation between.
      int published = 1;
      String[] expected = {"DELTA", "DELTA", "FULL", "DELTA", "DELTA"};
      for (int day = 0; day < expected.length; day++) {
        if (day == 4) {
          call(
              "POST",
              "smki/revocations",
              "{\"serial\": \""
                  + user.get("serial").asText()
                  + "\", \"reason\": \"KEY_COMPROMISE\"}",
              200);
        }
        call("POST", "clock/advance", "{\"by\": \"P1D\"}", 200);
        JsonNode c = awaitPublished(++published);
        assertThat(c.get("extracts").get(0).get("kind").asText())
            .as("day " + day)
            .isEqualTo(expected[day]);
      }

      // Download every extract and its digest from the SMKI port, read them back in Python.
      Path mirror = Files.createDirectories(data.resolve("mirror"));
      for (JsonNode e : JSON.readTree(get(smki.resolve("/services/extracts"))).get("extracts")) {
        String name = e.get("name").asText();
        Files.write(mirror.resolve(name), get(smki.resolve("/services/extracts/" + name)));
        Files.write(
            mirror.resolve(name + ".sha256"),
            get(smki.resolve("/services/extracts/" + name + ".sha256")));
      }
      String python = python3();
      Process p =
          new ProcessBuilder(python, CONSUMER.toString(), mirror.toString(), "--json")
              .redirectErrorStream(false)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        fail("the consumer did not finish");
      }
      assertThat(p.exitValue()).as(err).isZero();
      JsonNode read = JSON.readTree(out);
      assertThat(read.get("deltas")).hasSize(2);
      Map<String, String> fromPython = new TreeMap<>();
      for (JsonNode c : read.get("certificates")) {
        fromPython.put(c.get("serial").asText(), c.get("status").asText());
      }
      Map<String, String> inRepository = new TreeMap<>();
      s.simulator()
          .repository()
          .scan(r -> inRepository.put(r.serialHex(), String.valueOf(r.status().code())));
      assertThat(fromPython).isEqualTo(inRepository);
      assertThat(fromPython).containsEntry(user.get("serial").asText(), "R");
    }
  }

  private static String code(DuisClient client, String postcode) {
    return client
        .requestWanMatrix(new PartialAddress(postcode, "Threapwood Road"))
        .responseCode()
        .code();
  }

  private JsonNode awaitPublished(int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    Predicate<JsonNode> done = c -> c.get("published").asInt() >= n;
    JsonNode c = call("GET", "smki/extracts", null, 200);
    while (!done.test(c) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      c = call("GET", "smki/extracts", null, 200);
    }
    assertThat(c.get("published").asInt()).as(c.toString()).isEqualTo(n);
    return c;
  }

  private JsonNode call(String method, String path, String body, int status) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(control.resolve(path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      r.header("Content-Type", "application/json");
    }
    HttpResponse<String> a = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(a.statusCode()).as(method + " " + path + ": " + a.body()).isEqualTo(status);
    return JSON.readTree(a.body());
  }

  private byte[] get(URI uri) throws Exception {
    HttpResponse<byte[]> r =
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(uri.toString()).isEqualTo(200);
    return r.body();
  }

  private static String find(String banner, String regex) {
    Matcher m = Pattern.compile(regex).matcher(banner);
    assertThat(m.find()).as("the banner shows /" + regex + "/:\n" + banner).isTrue();
    return m.group(1);
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  private static String python3() {
    try {
      Process p = new ProcessBuilder("python3", "--version").start();
      if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return "python3";
      }
    } catch (IOException e) {
      // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    String message = "SKIPPED LOUDLY: 'python3' is not installed; install it to run this check";
    if ("true".equalsIgnoreCase(System.getenv("DCCSIM_REQUIRE_TOOLS"))) {
      fail("python3 is required (DCCSIM_REQUIRE_TOOLS=true) but not installed");
    }
    System.err.println(message);
    Assumptions.abort(message);
    return null;
  }
}
