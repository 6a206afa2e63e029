package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control API's SMKI routes on the standalone server, driven over HTTP as a harness in another
 * language would: the extract calendar before and after go-live, a clock jump publishing the weekly
 * full, a publication on request, and a revocation reaching the CRL served on the SMKI port.
 */
class StandaloneSmkiControlTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path data;

  private StandaloneSimulator start(String clockStart) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("smki-port", "0");
    flags.put("control-port", "0");
    flags.put("data-dir", data.toString());
    flags.put("clock-start", clockStart);
    return StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), flags));
  }

  private HttpResponse<String> call(StandaloneSimulator s, String method, String path, String body)
      throws Exception {
    return ControlCalls.call(s, method, path, body);
  }

  private JsonNode ok(StandaloneSimulator s, String method, String path, String body)
      throws Exception {
    HttpResponse<String> r = call(s, method, path, body);
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private JsonNode awaitCalendar(StandaloneSimulator s, Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonNode c = ok(s, "GET", "smki/extracts", null);
    while (!done.test(c) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      c = ok(s, "GET", "smki/extracts", null);
    }
    assertThat(done.test(c)).as("calendar never reached the expected state: " + c).isTrue();
    return c;
  }

  @Test
  void theBannerShowsTheClockTheBaselineInForceCoverageAndWhereSmkiPublishes() throws Exception {
    try (StandaloneSimulator before = start("2021-06-01T12:00:00Z")) {
      String b = banner(before);
      assertThat(b)
          .contains("clock            2021-06-01T12:00")
          .contains("(from clock-start, rate 1.0x)")
          .contains("PRE_JUNE_2021 now, no June 2021 change in force")
          .contains("coverage         synthetic")
          .contains("extracts         " + before.publication().spec().describe())
          .contains(before.smkiBaseUri() + "/services/extracts")
          .contains("/services/crl, /services/arl");
    }
    try (StandaloneSimulator after = start("2021-06-26T12:00:00Z")) {
      assertThat(banner(after)).contains("JUNE_2021 now (MP106, ").contains("MP147");
    }
  }

  private static String banner(StandaloneSimulator s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    s.describe(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void beforeGoLiveTheCalendarPlansADailyFull() throws Exception {
    try (StandaloneSimulator s = start("2021-06-01T12:00:00Z")) {
      JsonNode c = ok(s, "GET", "smki/extracts", null);
      assertThat(c.get("regime").asText()).isEqualTo("DAILY_FULL");
      assertThat(c.get("next").get("kind").asText()).isEqualTo("FULL");
      // 01:00 in London on 2 June 2021 is 00:00Z (summer time).
      assertThat(c.get("next").get("at").asText()).isEqualTo("2021-06-02T00:00:00Z");
      assertThat(c.get("schedule").asText()).isNotBlank();
      assertThat(c.get("extracts")).isEmpty();
    }
  }

  @Test
  void aClockJumpPublishesTheWeeklyFullAndExtractsCanBeRunAndDownloaded() throws Exception {
    // Saturday after go-live: the weekly full is due on Sunday 01:00 London.
    try (StandaloneSimulator s = start("2021-06-26T12:00:00Z")) {
      JsonNode before = ok(s, "GET", "smki/extracts", null);
      assertThat(before.get("regime").asText()).isEqualTo("WEEKLY_FULL_DAILY_DELTA");
      assertThat(before.get("next").get("kind").asText()).isEqualTo("FULL");
      assertThat(before.get("next").get("at").asText()).isEqualTo("2021-06-27T00:00:00Z");
      assertThat(before.get("published").asInt()).isZero();

      ok(s, "POST", "clock/advance", "{\"by\": \"P1D\"}");
      JsonNode after = awaitCalendar(s, c -> c.get("published").asInt() == 1);
      JsonNode full = after.get("extracts").get(0);
      assertThat(full.get("kind").asText()).isEqualTo("FULL");
      assertThat(full.get("scheduledFor").asText()).isEqualTo("2021-06-27T00:00:00Z");
      assertThat(after.get("next").get("kind").asText()).isEqualTo("DELTA");

      JsonNode delta = ok(s, "POST", "smki/extracts?kind=delta", null);
      assertThat(delta.get("kind").asText()).isEqualTo("DELTA");
      assertThat(delta.has("scheduledFor")).isFalse();
      assertThat(delta.get("number").asLong()).isEqualTo(full.get("number").asLong() + 1);
      JsonNode listed = ok(s, "GET", "smki/extracts", null);
      assertThat(listed.get("extracts").get(0).get("name").asText())
          .isEqualTo(delta.get("name").asText());

      HttpResponse<byte[]> file =
          http.send(
              HttpRequest.newBuilder(URI.create(delta.get("url").asText())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body().length).isPositive();

      HttpResponse<String> bad = call(s, "POST", "smki/extracts", "{\"kind\": \"WEEKLY\"}");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(bad.body()).contains("FULL or DELTA");
    }
  }

  @Test
  void aRevocationReachesTheCrlServedOnTheSmkiPort() throws Exception {
    try (StandaloneSimulator s = start("2021-06-26T12:00:00Z")) {
      CertificateRecord org =
          s.simulator()
              .repository()
              .add(
                  CertificateProfile.record(
                      s.simulator()
                          .pki()
                          .xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-09"))
                          .certificate(),
                      CertificateStatus.IN_USE,
                      s.simulator().clock().instant()));
      long crlBefore = ok(s, "GET", "smki/revocation-lists", null).get("crlNumber").asLong();

      JsonNode revoked =
          ok(
              s,
              "POST",
              "smki/revocations",
              "{\"serial\": \"0x"
                  + org.serial().toString(16)
                  + "\", \"reason\": \"key-compromise\"}");
      assertThat(revoked.get("status").asText()).isEqualTo(CertificateStatus.REVOKED.name());
      assertThat(revoked.get("reason").asText()).isEqualTo("KEY_COMPROMISE");

      long deadline = System.nanoTime() + 20_000_000_000L;
      JsonNode lists = ok(s, "GET", "smki/revocation-lists", null);
      while (lists.get("crlNumber").asLong() <= crlBefore && System.nanoTime() < deadline) {
        Thread.sleep(100);
        lists = ok(s, "GET", "smki/revocation-lists", null);
      }
      assertThat(lists.get("crlNumber").asLong()).isGreaterThan(crlBefore);
      HttpResponse<byte[]> crl =
          http.send(
              HttpRequest.newBuilder(URI.create(lists.get("crl").asText())).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(crl.statusCode()).isEqualTo(200);
      X509CRL parsed =
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(crl.body()));
      assertThat(parsed.getRevokedCertificate(org.serial())).isNotNull();

      HttpResponse<String> unknown =
          call(s, "POST", "smki/revocations", "{\"serial\": \"ffff01\"}");
      assertThat(unknown.statusCode()).isEqualTo(404);
      HttpResponse<String> notHex = call(s, "POST", "smki/revocations", "{\"serial\": \"xyz\"}");
      assertThat(notHex.statusCode()).isEqualTo(400);
      assertThat(notHex.body()).contains("hexadecimal");
    }
  }
}
