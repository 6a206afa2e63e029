package io.dccsim.sim.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.sim.cli.StandaloneSimulator;
import io.dccsim.sim.config.SimulatorConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-and-send when DUIS runs on HTTPS: the console trusts the server's own certificate; where
 * DUIS requires a client certificate it has none, and says that the request got no answer.
 */
class ConsoleOverTlsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REQUEST =
      "<sr:Request xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\""
          + " schemaVersion=\"5.1\"><sr:Header><sr:RequestID>x</sr:RequestID>"
          + "<sr:CommandVariant>8</sr:CommandVariant><sr:ServiceReference>12.1"
          + "</sr:ServiceReference><sr:ServiceReferenceVariant>12.1</sr:ServiceReferenceVariant>"
          + "</sr:Header><sr:Body><sr:RequestWANMatrix><sr:PartialAddress>"
          + "<sr:PostCode>B1 1AB</sr:PostCode><sr:AddressIdentifier>3</sr:AddressIdentifier>"
          + "</sr:PartialAddress></sr:RequestWANMatrix></sr:Body></sr:Request>";

  @TempDir Path data;

  private HttpResponse<String> send(String clientAuth) throws Exception {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "0");
    f.put("data-dir", data.resolve(clientAuth).toString());
    f.put("tls-generate", "true");
    f.put("tls-client-auth", clientAuth);
    try (StandaloneSimulator s =
        StandaloneSimulator.start(SimulatorConfig.from(Map.of(), Map.of(), f))) {
      assertThat(s.simulator().baseUrl()).startsWith("https:");
      String token =
          Files.readString(
                  data.resolve(clientAuth).resolve("pki/control-token"), StandardCharsets.US_ASCII)
              .strip();
      String body =
          JSON.createObjectNode()
              .put("user", "90-B3-D5-1F-30-01-00-00")
              .put("xml", REQUEST)
              .toString();
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(
                      s.control().orElseThrow().baseUri().resolve("/control/console/send"))
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void theConsoleSendsOverHttpsTrustingTheServersCertificate() throws Exception {
    HttpResponse<String> r = send("none");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode a = JSON.readTree(r.body());
    assertThat(a.path("responseCode").asText()).isEqualTo("I0");
    assertThat(a.path("status").asInt()).isEqualTo(200);
  }

  @Test
  void whereDuisRequiresAClientCertificateTheConsoleCannotSend() throws Exception {
    HttpResponse<String> r = send("require");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("cannot send");
  }
}
