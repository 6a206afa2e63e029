package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.sim.control.ControlApi;
import io.dccsim.sim.control.ControlRoute;
import io.dccsim.sim.control.ControlServer;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API of the standalone simulator ({@code dccsim serve}), driven over HTTP as a harness
 * in another language would: its token, scenarios and faults seen on DUIS requests, the clock
 * across the June 2021 go-live, the journal, Users, errors, and its OpenAPI description.
 */
class StandaloneControlApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EVE = "2021-06-23T22:00:00Z";

  @TempDir Path data;

  private final HttpClient http = HttpClient.newHttpClient();

  private SimulatorConfig config(String... more) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.toString());
    f.put("clock-start", EVE);
    for (int i = 0; i < more.length; i += 2) {
      f.put(more[i], more[i + 1]);
    }
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  private Path tokenFile() {
    return data.resolve("pki").resolve("control-token");
  }

  private String token() throws Exception {
    return Files.readString(tokenFile(), StandardCharsets.US_ASCII).strip();
  }

  private HttpResponse<String> call(
      StandaloneSimulator s, String method, String path, String body, String token)
      throws Exception {
    URI base = s.control().orElseThrow().baseUri();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A call with the right token, expecting {@code status}; its JSON answer. */
  private JsonNode ok(StandaloneSimulator s, String method, String path, String body, int status)
      throws Exception {
    HttpResponse<String> r = call(s, method, path, body, token());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
    return JSON.readTree(r.body());
  }

  private static DuisClient supplier(StandaloneSimulator s, Path pki) {
    Credential c =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    return DuisClient.builder()
        .user(Simulator.TEST_SUPPLIER_EUI, SigningCredential.of(c.privateKey(), c.certificate()))
        .dcc(Simulator.DCC_EUI, PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT)))
        .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
        .build();
  }

  private static String answer(DuisClient client, String postcode) {
    return client
        .requestWanMatrix(new PartialAddress(postcode, "Threapwood Road"))
        .responseCode()
        .code();
  }

  private static String banner(StandaloneSimulator s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theTokenIsRequiredKeptOwnerOnlyAndReusedOnTheNextStart() throws Exception {
    String first;
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(tokenFile()).exists();
      PosixFileAttributeView view =
          Files.getFileAttributeView(tokenFile(), PosixFileAttributeView.class);
      assumeThat(view).as("a POSIX file system").isNotNull();
      assertThat(PosixFilePermissions.toString(view.readAttributes().permissions()))
          .isEqualTo("rw-------");
      first = token();
      assertThat(first).hasSizeGreaterThanOrEqualTo(40);

      HttpResponse<String> none = call(s, "GET", "clock", null, null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .get()
          .asString()
          .startsWith("Bearer");
      assertThat(JSON.readTree(none.body()).path("error").asText()).isEqualTo("unauthorized");
      assertThat(call(s, "GET", "clock", null, first + "x").statusCode()).isEqualTo(401);
      assertThat(call(s, "GET", "clock", null, "not-the-token-at-all").statusCode()).isEqualTo(401);
      assertThat(ok(s, "GET", "clock", null, 200).path("now").asText()).startsWith("2021-06-2");

      // The banner names the token file and a command reading it; never the token.
      ControlServer control = s.control().orElseThrow();
      String tokenPath = tokenFile().toAbsolutePath().normalize().toString();
      String text = banner(s);
      assertThat(text)
          .contains(control.baseUri().toString())
          .contains(control.openApiUri().toString())
          .contains(
              "curl -H \"Authorization: Bearer $(cat "
                  + StandaloneSimulator.shellWord(tokenPath)
                  + ")\" "
                  + control.baseUri()
                  + "clock")
          .doesNotContain(first);
    }
    try (StandaloneSimulator again = StandaloneSimulator.start(config())) {
      assertThat(token()).isEqualTo(first);
      assertThat(ok(again, "GET", "baseline", null, 200).path("current").asText())
          .isEqualTo("PRE_JUNE_2021");
    }
  }

  @Test
  void aTokenFileThatHoldsNoTokenStopsTheStartWithoutShowingItsContent() throws Exception {
    Files.createDirectories(tokenFile().getParent());
    Files.writeString(tokenFile(), "short-secret\n");
    assertThatThrownBy(() -> StandaloneSimulator.start(config()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(tokenFile().toAbsolutePath().toString())
        .hasMessageNotContaining("short-secret");
  }

  @Test
  void theBannerWarnsWhenTheControlApiListensBeyondLoopback() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(banner(s)).doesNotContain("WARNING");
    }
    try (StandaloneSimulator s = StandaloneSimulator.start(config("control-host", "0.0.0.0"))) {
      assertThat(banner(s)).contains("WARNING          the control API listens beyond loopback");
    }
  }

  @Test
  void offStartsNoControlServerAndWritesNoToken() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config("control-port", "-1"))) {
      assertThat(s.control()).isEmpty();
      assertThat(tokenFile()).doesNotExist();
      assertThat(banner(s)).doesNotContain("control API");
    }
  }

  @Test
  void aScenarioAndAFaultAddedOverHttpShapeDuisAnswersAndTheJournalShowsThem() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      DuisClient client = supplier(s, data.resolve("pki"));
      assertThat(answer(client, "M22 0RR")).isEqualTo("I0");

      JsonNode scenario =
          ok(
              s,
              "POST",
              "scenarios",
              "{\"match\": {\"postcode\": \"M22 0RR\"},"
                  + " \"effects\": [{\"type\": \"responseCode\", \"code\": \"E120103\"}],"
                  + " \"times\": 1}",
              201);
      long id = scenario.path("id").asLong();
      ok(
          s,
          "POST",
          "scenarios",
          "{\"match\": {\"postcode\": \"SW1A 1AA\"},"
              + " \"effects\": [{\"type\": \"httpStatus\", \"status\": 502}]}",
          201);
      assertThat(ok(s, "GET", "scenarios", null, 200).path("scenarios")).hasSize(2);

      assertThat(answer(client, "M22 0RR")).isEqualTo("E120103");
      assertThat(answer(client, "M22 0RR")).as("used up after one time").isEqualTo("I0");
      assertThat(ok(s, "GET", "scenarios/" + id, null, 200).path("exhausted").asBoolean()).isTrue();
      assertThatThrownBy(() -> answer(client, "SW1A 1AA"))
          .isInstanceOf(DuisHttpException.class)
          .hasMessageContaining("502");

      JsonNode journal = ok(s, "GET", "journal?postcode=M22%200RR", null, 200);
      assertThat(journal.path("matched").asInt()).isEqualTo(3);
      List<String> codes = new ArrayList<>();
      journal.path("exchanges").forEach(e -> codes.add(e.path("responseCode").asText()));
      assertThat(codes).containsExactly("I0", "E120103", "I0");
      assertThat(journal.path("exchanges").get(1).path("verdict").asText()).isEqualTo("INTERVENED");
      assertThat(
              ok(s, "GET", "journal/count?postcode=SW1A%201AA&httpStatus=502", null, 200)
                  .path("count")
                  .asInt())
          .isEqualTo(1);
      JsonNode verified =
          ok(
              s,
              "POST",
              "journal/verify",
              "{\"match\": {\"postcode\": \"M22 0RR\", \"responseCode\": \"E120103\","
                  + " \"originator\": \""
                  + Simulator.TEST_SUPPLIER_EUI
                  + "\"}, \"count\": {\"exactly\": 1}}",
              200);
      assertThat(verified.path("verified").asBoolean()).isTrue();
      JsonNode failed =
          ok(s, "POST", "journal/verify", "{\"match\": {\"sr\": \"12.1\"}, \"count\": 1}", 409);
      assertThat(failed.path("verified").asBoolean()).isFalse();

      ok(s, "DELETE", "scenarios", null, 200);
      // The fault is gone: a signed DUIS answer again (whatever coverage says), no 502.
      assertThat(answer(client, "SW1A 1AA")).isNotEmpty();
      assertThat(
              ok(s, "GET", "journal/count?postcode=SW1A%201AA&httpStatus=502", null, 200)
                  .path("count")
                  .asInt())
          .isEqualTo(1);
      ok(s, "DELETE", "journal", null, 200);
      assertThat(ok(s, "GET", "journal/count", null, 200).path("count").asInt()).isZero();
    }
  }

  @Test
  void jumpingTheClockAcrossGoLiveChangesTheBaselineAndTheAnswers() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      DuisClient client = supplier(s, data.resolve("pki"));
      assertThat(ok(s, "GET", "baseline", null, 200).path("current").asText())
          .isEqualTo("PRE_JUNE_2021");
      ok(
          s,
          "POST",
          "coverage",
          "{\"postcode\": \"M22 0RR\", \"answer\": \"notCovered\", \"date\": \"2022-03-01\"}",
          201);
      assertThat(answer(client, "M22 0RR")).isEqualTo("I0");
      // MP146: before the release, a date after 2021-01-01 is not reported.
      assertThat(lastResponse(s)).doesNotContain("2022-03-01");

      JsonNode clock = ok(s, "PUT", "clock", "{\"now\": \"2021-06-24T00:00:01Z\"}", 200);
      assertThat(clock.path("now").asText()).startsWith("2021-06-24T00:00:");
      JsonNode after = ok(s, "GET", "baseline", null, 200);
      assertThat(after.path("current").asText()).isEqualTo("JUNE_2021");
      assertThat(after.path("pinned").asBoolean()).isFalse();
      assertThat(answer(client, "M22 0RR")).isEqualTo("I0");
      assertThat(lastResponse(s)).contains("2022-03-01");

      // Pinned, the old rules apply whatever the date; unpinned, the date decides again.
      assertThat(
              ok(s, "POST", "baseline/pin", "{\"baseline\": \"PRE_JUNE_2021\"}", 200)
                  .path("current")
                  .asText())
          .isEqualTo("PRE_JUNE_2021");
      assertThat(answer(client, "M22 0RR")).isEqualTo("I0");
      assertThat(lastResponse(s)).doesNotContain("2022-03-01");
      assertThat(ok(s, "POST", "baseline/unpin", null, 200).path("current").asText())
          .isEqualTo("JUNE_2021");
      ok(s, "POST", "clock/advance", "{\"by\": \"-PT2H\"}", 200);
      assertThat(ok(s, "GET", "baseline", null, 200).path("current").asText())
          .isEqualTo("PRE_JUNE_2021");
      assertThat(ok(s, "POST", "clock/freeze", null, 200).path("rate").asDouble()).isZero();

      // A reset puts the clock back where it started and forgets the shaped answer.
      ok(s, "POST", "reset", null, 200);
      assertThat(ok(s, "GET", "clock", null, 200).path("now").asText()).startsWith("2021-06-23T22");
      assertThat(ok(s, "GET", "journal/count", null, 200).path("count").asInt()).isZero();
    }
  }

  private String lastResponse(StandaloneSimulator s) throws Exception {
    JsonNode j = ok(s, "GET", "journal?limit=1&bodies=true", null, 200);
    return j.path("exchanges").get(0).path("responseBody").asText();
  }

  @Test
  void usersCanBeListedAddedAndRemoved() throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      JsonNode users = ok(s, "GET", "users", null, 200).path("users");
      // The default test Users, the test supplier among them as an Import Supplier.
      assertThat(users).hasSize(Simulator.DEFAULT_USERS.size());
      assertThat(users)
          .anySatisfy(
              u -> {
                assertThat(u.path("eui").asText())
                    .isEqualTo(Simulator.TEST_SUPPLIER_EUI.toString());
                assertThat(u.path("role").asText()).isEqualTo("IMPORT_SUPPLIER");
              });

      String dno = "90-B3-D5-1F-30-04-00-00";
      JsonNode added = ok(s, "POST", "users", "{\"eui\": \"" + dno + "\", \"role\": \"ED\"}", 201);
      assertThat(added.path("role").asText()).isEqualTo("ELECTRICITY_DISTRIBUTOR");
      assertThat(s.simulator().users().roleOf(io.dccsim.core.value.Eui64.parse(dno))).isPresent();
      assertThat(ok(s, "GET", "users/" + dno, null, 200).path("abbreviation").asText())
          .isEqualTo("ED");
      ok(s, "DELETE", "users/" + dno, null, 200);
      ok(s, "GET", "users/" + dno, null, 404);
      assertThat(s.simulator().users().all()).hasSize(Simulator.DEFAULT_USERS.size());
    }
  }

  @Test
  void badInputIsAnsweredWithAJsonErrorAndTheRightStatusNeverAStackTrace() throws Exception {
    String[][] cases = {
      {"POST", "scenarios", "{not json", "400"},
      {"POST", "scenarios", "[1, 2]", "400"},
      {"POST", "scenarios", "{\"effects\": []}", "400"},
      {"POST", "scenarios", "{\"effects\": [{\"type\": \"explode\"}]}", "400"},
      {"POST", "scenarios", "{\"effects\": [{\"type\": \"delay\"}], \"when\": 1}", "400"},
      {"GET", "scenarios/abc", null, "400"},
      {"GET", "scenarios/999", null, "404"},
      {"DELETE", "scenarios/999", null, "404"},
      {"PUT", "clock", "{\"now\": \"yesterday\"}", "400"},
      {"PUT", "clock", "{}", "400"},
      {"PUT", "clock", "{\"rate\": -1}", "400"},
      {"POST", "clock/advance", "{\"by\": \"two hours\"}", "400"},
      {"POST", "baseline/pin", "{\"baseline\": \"by-date\"}", "400"},
      {"POST", "baseline/pin", "{\"baseline\": \"JULY_2099\"}", "400"},
      {"POST", "coverage", "{\"postcode\": \"M22 0RR\", \"answer\": \"maybe\"}", "400"},
      {"POST", "coverage", "{\"answer\": \"covered\"}", "400"},
      {"GET", "journal?limit=0", null, "400"},
      {"GET", "journal?verdict=GREAT", null, "400"},
      {"GET", "journal?colour=red", null, "400"},
      {"POST", "journal/verify", "{\"count\": \"lots\"}", "400"},
      {"POST", "users", "{\"eui\": \"nope\", \"role\": \"IS\"}", "400"},
      {"POST", "users", "{\"eui\": \"90-B3-D5-1F-30-02-00-00\", \"role\": \"KING\"}", "400"},
      {"GET", "users/not-an-eui", null, "400"},
      {"POST", "invoices?format=pdf", "{}", "400"},
      {"GET", "nothing-here", null, "404"},
      {"DELETE", "clock", null, "405"},
      {"GET", "reset", null, "405"},
    };
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      for (String[] c : cases) {
        HttpResponse<String> r = call(s, c[0], c[1], c[2], token());
        String what = c[0] + " " + c[1] + " " + c[2] + " -> " + r.body();
        assertThat(r.statusCode()).as(what).isEqualTo(Integer.parseInt(c[3]));
        assertThat(r.headers().firstValue("Content-Type")).as(what).hasValue("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("error").isTextual()).as(what).isTrue();
        assertThat(body.path("detail").isTextual()).as(what).isTrue();
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
        if (r.statusCode() == 405) {
          assertThat(r.headers().firstValue("Allow")).as(what).isPresent();
        }
      }
      // Nothing the mistakes did changed anything.
      assertThat(ok(s, "GET", "scenarios", null, 200).path("scenarios")).isEmpty();
    }
  }

  @Test
  void theOpenApiDocumentIsServedWithoutTheTokenAndDescribesExactlyTheRouteTable()
      throws Exception {
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      ControlServer control = s.control().orElseThrow();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(control.openApiUri()).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(r.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(ControlApi.openApiDocument());
      JsonNode doc = JSON.readTree(r.body());
      assertThat(doc.path("openapi").asText()).startsWith("3.");

      Set<String> methods = Set.of("get", "put", "post", "delete", "patch", "head", "options");
      Set<String> documented = new TreeSet<>();
      doc.path("paths")
          .properties()
          .forEach(
              p ->
                  p.getValue()
                      .fieldNames()
                      .forEachRemaining(
                          m -> {
                            if (methods.contains(m)) {
                              documented.add(
                                  m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey());
                            }
                          }));
      Set<String> routed = new TreeSet<>();
      for (ControlRoute route : control.routes()) {
        routed.add(route.method() + " " + route.path());
      }
      routed.add("GET " + ControlApi.OPENAPI_PATH);
      assertThat(documented).as("documented routes").isEqualTo(routed);
      assertThat(routed).hasSizeGreaterThan(25);

      // Every reference resolves within the document.
      List<String> refs = new ArrayList<>();
      collectRefs(doc, refs);
      assertThat(refs).isNotEmpty();
      for (String ref : refs) {
        assertThat(ref).startsWith("#/");
        assertThat(doc.at(JsonPointer.compile(ref.substring(1))).isMissingNode()).as(ref).isFalse();
      }
      // Only GET is answered there.
      HttpResponse<String> post =
          http.send(
              HttpRequest.newBuilder(control.openApiUri())
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void docsControlApiMdHasARowForEveryRoute() throws Exception {
    String doc = Files.readString(Path.of("..", "docs", "control-api.md"));
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      List<String> missing = new ArrayList<>();
      for (ControlRoute r : s.control().orElseThrow().routes()) {
        // A table cell such as `GET /control/journal?filters...` or `POST /control/reset`.
        String cell = "`" + r.method() + " " + r.path();
        if (!java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(cell) + "[`?\\[]")
            .matcher(doc)
            .find()) {
          missing.add(r.toString());
        }
      }
      assertThat(missing).as("routes missing from docs/control-api.md").isEmpty();
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              f -> {
                if (f.getKey().equals("$ref")) {
                  refs.add(f.getValue().asText());
                } else {
                  collectRefs(f.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }
}
