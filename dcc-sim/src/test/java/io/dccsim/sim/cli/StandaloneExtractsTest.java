package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.crl.RevocationReason;
import io.dccsim.smki.extract.ExtractReader;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server publishes extracts on its schedule by the simulated clock, serves them on
 * the SMKI port with the CRL and ARL, and follows clock jumps: everything that fell due is caught
 * up, once.
 */
class StandaloneExtractsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;

  private StandaloneSimulator start(String clockStart, String... more) throws Exception {
    Map<String, String> flags = new HashMap<>();
    flags.put("port", "0");
    flags.put("smki-port", "0");
    flags.put("data-dir", data.toString());
    flags.put("clock-start", clockStart);
    for (int i = 0; i < more.length; i += 2) {
      flags.put(more[i], more[i + 1]);
    }
    return StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), flags));
  }

  @Test
  void clockJumpsPublishWhatFellDueOnceAndTheFilesAreServed() throws Exception {
    // Saturday after go-live: the weekly full is due Sunday 01:00 London (00:00Z).
    try (StandaloneSimulator s = start("2021-06-26T12:00:00Z")) {
      URI base = s.smkiBaseUri();
      CertificateRepository repository = s.simulator().repository();
      for (int i = 0; i < 5; i++) {
        repository.add(
            s.simulator()
                .pki()
                .deviceCertificateFactory()
                .issueRecord(
                    Eui64.of(0x0011_2233_4455_0000L + i),
                    CertificateUsage.KA,
                    CertificateStatus.IN_USE));
      }
      assertThat(listing(base)).isEmpty();

      s.simulator().clock().advance(Duration.ofDays(1));
      List<JsonNode> one = awaitListing(base, l -> l.size() == 1);
      assertThat(one.get(0).get("kind").asText()).isEqualTo("FULL");
      assertThat(one.get(0).get("scheduledFor").asText()).isEqualTo("2021-06-27T00:00:00Z");
      assertThat(one.get(0).get("entryCount").asLong()).isEqualTo(repository.count());

      // Changes, then three days at once: Monday, Tuesday and Wednesday's deltas fall due and
      // are caught up by one delta covering every change.
      CertificateRecord org =
          repository.add(
              CertificateProfile.record(
                  s.simulator()
                      .pki()
                      .xmlSigningCredential(Eui64.parse("90-B3-D5-1F-30-01-00-07"))
                      .certificate(),
                  CertificateStatus.IN_USE,
                  s.simulator().clock().instant()));
      s.publication()
          .revocation()
          .revoke(org.serial(), RevocationReason.KEY_COMPROMISE, s.simulator().clock().instant());
      s.simulator().clock().advance(Duration.ofDays(3));
      List<JsonNode> two = awaitListing(base, l -> l.size() == 2);
      JsonNode delta = two.get(1);
      assertThat(delta.get("kind").asText()).isEqualTo("DELTA");
      assertThat(delta.get("basedOnFull").asLong()).isEqualTo(1);
      assertThat(delta.get("scheduledFor").asText()).isEqualTo("2021-06-30T00:00:00Z");
      assertThat(delta.get("entryCount").asLong()).isEqualTo(1);
      Thread.sleep(2_500); // more ticks: nothing is published twice
      assertThat(listing(base)).hasSize(2);

      // What a consumer downloads is what the repository holds.
      Path mirror = Files.createDirectories(data.resolve("mirror"));
      for (JsonNode e : two) {
        String name = e.get("name").asText();
        HttpResponse<byte[]> file = get(base, "/services/extracts/" + name);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-type")).hasValue("application/octet-stream");
        assertThat(file.body().length).isEqualTo(e.get("size").asLong());
        Files.write(mirror.resolve(name), file.body());
        HttpResponse<byte[]> digest = get(base, "/services/extracts/" + name + ".sha256");
        assertThat(digest.headers().firstValue("content-type").orElseThrow())
            .startsWith("text/plain");
        assertThat(new String(digest.body(), java.nio.charset.StandardCharsets.US_ASCII))
            .startsWith(e.get("sha256").asText() + "  " + name);
        Files.write(mirror.resolve(name + ".sha256"), digest.body());
      }
      Map<BigInteger, CertificateRecord> loaded = ExtractReader.open(mirror).load();
      assertThat(loaded).hasSize((int) repository.count());
      assertThat(loaded.get(org.serial()).status()).isEqualTo(CertificateStatus.REVOKED);
      assertThat(data.resolve("extracts").resolve(two.get(1).get("name").asText())).exists();
      java.io.StringWriter out = new java.io.StringWriter();
      picocli.CommandLine line = DccSimCommand.commandLine();
      line.setOut(new java.io.PrintWriter(out, true));
      assertThat(line.execute("smki", "extract", "--verify", data.resolve("extracts").toString()))
          .isZero();
      assertThat(out.toString())
          .startsWith(
              "OK: full extract 1 and 1 deltas verified; " + repository.count() + " certificates");

      // Unknown names and attempts at a path answer 404.
      for (String bad :
          List.of(
              "smki-extract-0000000099-FULL-20210627T000000Z.smkx",
              "..%2Fsmki%2Fsmki.mv.db",
              "..%2F..%2Fpki%2Fdcc-dspxmlsign.key.pem",
              "%2Fetc%2Fpasswd")) {
        assertThat(get(base, "/services/extracts/" + bad).statusCode()).as(bad).isEqualTo(404);
      }

      // The CRL lists the revoked organisation certificate; the ARL is the Root's.
      X509CRL crl = crl(get(base, "/services/crl"));
      assertThat(crl.getRevokedCertificate(org.serial())).isNotNull();
      X509CRL arl = crl(get(base, "/services/arl"));
      assertThat(arl.getIssuerX500Principal())
          .isEqualTo(
              s.simulator().pki().hierarchy().root().certificate().getSubjectX500Principal());

      // Past nextUpdate a new CRL is issued, also on disk (shared with smki revocation-lists).
      Path onDisk = data.resolve("pki").resolve("hierarchy").resolve("oca.crl");
      byte[] before = Files.readAllBytes(onDisk);
      s.simulator().clock().advance(Duration.ofDays(2));
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (java.util.Arrays.equals(before, Files.readAllBytes(onDisk))
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      X509CRL next = crl(get(base, "/services/crl"));
      assertThat(next.getThisUpdate()).isAfter(crl.getNextUpdate());
      assertThat(next.getRevokedCertificate(org.serial())).isNotNull();
      assertThat(Files.readAllBytes(onDisk)).isEqualTo(next.getEncoded());
    }
  }

  @Test
  void beforeGoLiveEveryDayHasAFullExtractAndTheScheduleCanBePinned() throws Exception {
    try (StandaloneSimulator s = start("2021-06-20T12:00:00Z")) {
      URI base = s.smkiBaseUri();
      s.simulator().clock().advance(Duration.ofDays(1));
      awaitListing(base, l -> l.size() == 1);
      s.simulator().clock().advance(Duration.ofDays(1));
      List<JsonNode> l = awaitListing(base, x -> x.size() == 2);
      assertThat(l).extracting(e -> e.get("kind").asText()).containsExactly("FULL", "FULL");
      assertThat(l)
          .extracting(e -> e.get("scheduledFor").asText())
          .containsExactly("2021-06-21T00:00:00Z", "2021-06-22T00:00:00Z");
    }
    // Pinned weekly on Wednesdays at 02:00 UTC, even before go-live.
    try (StandaloneSimulator s =
        start(
            "2021-06-22T12:00:00Z",
            "extract-schedule",
            "weekly:WEDNESDAY@02:00/UTC",
            "extract-dir",
            data.resolve("weekly").toString())) {
      URI base = s.smkiBaseUri();
      s.simulator().clock().advance(Duration.ofDays(1));
      awaitListing(base, l -> l.size() == 1);
      s.simulator().clock().advance(Duration.ofDays(1));
      List<JsonNode> l = awaitListing(base, x -> x.size() == 2);
      assertThat(l).extracting(e -> e.get("kind").asText()).containsExactly("FULL", "DELTA");
      assertThat(l)
          .extracting(e -> e.get("scheduledFor").asText())
          .containsExactly("2021-06-23T02:00:00Z", "2021-06-24T02:00:00Z");
      assertThat(data.resolve("weekly")).isDirectoryContaining("glob:**.smkx");
    }
  }

  private static X509CRL crl(HttpResponse<byte[]> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/pkix-crl");
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(r.body()));
  }

  private static List<JsonNode> listing(URI base) throws Exception {
    HttpResponse<byte[]> r = get(base, "/services/extracts");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
    List<JsonNode> out = new ArrayList<>();
    JSON.readTree(r.body()).get("extracts").forEach(out::add);
    return out;
  }

  private static List<JsonNode> awaitListing(URI base, Predicate<List<JsonNode>> done)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(15);
    List<JsonNode> l = listing(base);
    while (!done.test(l) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      l = listing(base);
    }
    assertThat(done).as("listing %s", l).accepts(l);
    return l;
  }

  private static HttpResponse<byte[]> get(URI base, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
