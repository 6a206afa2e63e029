package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.ResponseReceiver;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.smki.pki.PemMaterial;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the standalone server with device responses owed: one acknowledged but not due
 * for an hour of simulated time, one due at once whose User's endpoint is down. The next start on
 * the same H2 store delivers both, signed, to the endpoint registered then.
 */
class StandaloneKillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ServiceReferenceVariant READ = ServiceReferenceVariant.parse("4.1.1");

  @TempDir Path data;

  /** A running child server: its output so far and what its banner said. */
  private record Child(Process process, List<String> output, Map<String, String> banner) {
    String get(String key) {
      return banner.get(key);
    }
  }

  private static final Map<String, Pattern> BANNER =
      Map.of(
          "duis", Pattern.compile("DUIS send        POST (\\S+)/api/v1/serviceS"),
          "control", Pattern.compile("control API      (\\S+) "),
          "token", Pattern.compile("token in       (\\S+)"),
          "supplier", Pattern.compile("test supplier    (\\S+) "),
          "dcc", Pattern.compile("DCC EUI          (\\S+)"));

  private Child start() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "--data-dir",
                data.toString(),
                "--port",
                "0",
                "--control-port",
                "0",
                "--smki-port",
                "-1",
                "--clock-start",
                "2021-07-01T09:00:00Z",
                "--device-behaviour",
                "answer:PT1H")
            .redirectErrorStream(true)
            .start();
    List<String> output = new CopyOnWriteArrayList<>();
    Map<String, String> banner = new ConcurrentHashMap<>();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String line;
    while (banner.size() < BANNER.size() && (line = out.readLine()) != null) {
      output.add(line);
      for (Map.Entry<String, Pattern> e : BANNER.entrySet()) {
        Matcher m = e.getValue().matcher(line);
        if (m.find()) {
          banner.put(e.getKey(), m.group(1));
        }
      }
      if (System.nanoTime() > deadline) {
        break;
      }
    }
    assertThat(banner).as("the banner; the server said:%n%s", String.join("\n", output)).hasSize(5);
    Thread drain =
        new Thread(
            () -> {
              try {
                String l;
                while ((l = out.readLine()) != null) {
                  output.add(l);
                }
              } catch (java.io.IOException e) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    return new Child(p, output, banner);
  }

  private JsonNode control(Child c, String method, String path, String body) throws Exception {
    String token = Files.readString(Path.of(c.get("token")), StandardCharsets.US_ASCII).strip();
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(c.get("control") + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> resp =
        HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(method + " " + path + ": " + resp.body()).isLessThan(300);
    return resp.body().isBlank() ? JSON.nullNode() : JSON.readTree(resp.body());
  }

  private DuisClient client(Child c) {
    Path pki = data.resolve("pki");
    return DuisClient.builder()
        .user(
            Eui64.parse(c.get("supplier")),
            SigningCredential.of(
                PemMaterial.privateKey(pki.resolve(StandaloneSimulator.SUPPLIER_KEY)),
                PemMaterial.certificate(pki.resolve(StandaloneSimulator.SUPPLIER_CERT))))
        .dcc(Eui64.parse(c.get("dcc")), dccCertificate())
        .transport(HttpDuisTransport.builder(URI.create(c.get("duis"))).build())
        .build();
  }

  private X509Certificate dccCertificate() {
    return PemMaterial.certificate(data.resolve("pki").resolve(StandaloneSimulator.DCC_CERT));
  }

  /** Two messages pending, one of them after a failed attempt. */
  private static boolean oneFailedAttempt(JsonNode deliveries) {
    if (deliveries == null || deliveries.get("pending").size() != 2) {
      return false;
    }
    int failed = 0;
    for (JsonNode e : deliveries.get("pending")) {
      failed += e.get("attempts").asInt() > 0 ? 1 : 0;
    }
    return failed == 1;
  }

  private static RawRequestBody read() {
    return RawRequestBody.emptyElement("ReadInstantaneousImportRegisters");
  }

  @Test
  void responsesOwedWhenTheServerIsKilledAreDeliveredAfterTheNextStart() throws Exception {
    Child first = start();
    ServiceRequest later;
    ServiceRequest now;
    Eui64 supplier = Eui64.parse(first.get("supplier"));
    try {
      // The User's endpoint is down: the answer due at once fails its first attempt.
      control(
          first,
          "PUT",
          "users/" + supplier + "/receive-url",
          "{\"url\": \"http://127.0.0.1:9/duis\"}");
      Eui64 meterA = SyntheticEstate.eui(DeviceType.ESME, 1);
      Eui64 meterB = SyntheticEstate.eui(DeviceType.ESME, 2);
      control(
          first,
          "POST",
          "scenarios",
          "{\"match\": {\"target\": \""
              + meterB
              + "\"}, \"effects\": [{\"type\": \"deviceBehaviour\", \"behaviour\": \"answer\"}]}");
      DuisClient client = client(first);
      later = client.newRequest(READ, CommandVariant.SEND_VIA_WAN, meterA, read());
      now = client.newRequest(READ, CommandVariant.SEND_VIA_WAN, meterB, read());
      assertThat(client.send(later).header().responseCode().code()).isEqualTo("I99");
      assertThat(client.send(now).header().responseCode().code()).isEqualTo("I99");
      JsonNode owed = null;
      for (int i = 0; i < 200 && !oneFailedAttempt(owed); i++) {
        Thread.sleep(100);
        owed = control(first, "GET", "deliveries", null);
      }
      assertThat(oneFailedAttempt(owed))
          .as("%s%nthe server said:%n%s", owed, String.join("\n", first.output()))
          .isTrue();
      assertThat(owed.get("pending")).hasSize(2);
    } finally {
      first.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    Child second = start();
    try (ResponseReceiver receiver =
        ResponseReceiver.start(CertificateResolver.of(dccCertificate()))) {
      JsonNode pending = control(second, "GET", "deliveries", null).get("pending");
      assertThat(pending).as(pending.toString()).hasSize(2);
      control(
          second,
          "PUT",
          "users/" + supplier + "/receive-url",
          "{\"url\": \"" + receiver.url() + "\"}");
      // the failed one is retried after its backoff; the other is due in an hour
      control(second, "POST", "clock/advance", "{\"by\": \"PT1H\"}");
      ServiceResponse a =
          receiver.awaitResponse(later.header().requestId(), Duration.ofSeconds(20));
      ServiceResponse b = receiver.awaitResponse(now.header().requestId(), Duration.ofSeconds(20));
      assertThat(a.header().responseCode().code()).isEqualTo("I0");
      assertThat(b.header().responseCode().code()).isEqualTo("I0");
      // dated when the device answered: an hour after the request for the first
      assertThat(a.header().responseDateTime())
          .isAfterOrEqualTo(java.time.Instant.parse("2021-07-01T10:00:00Z"));
      assertThat(receiver.refused()).isEmpty();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> control(second, "GET", "deliveries", null).get("pending").isEmpty());
    } finally {
      second.process().destroy();
      if (!second.process().waitFor(20, TimeUnit.SECONDS)) {
        second.process().destroyForcibly();
      }
    }
  }
}
