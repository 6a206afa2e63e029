package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.HttpDuisTransport;
import io.dccsim.core.client.RequestCounter;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * A scenarios file gives an SR the simulator does not simulate a signed, templated answer, from the
 * standalone server alone; a file with a mistake stops the start.
 */
class StandaloneCannedAnswersTest {
  private static final ServiceReferenceVariant READ_INVENTORY =
      ServiceReferenceVariant.parse("8.2");

  @TempDir Path data;

  private SimulatorConfig config(Path scenarios, String controlPort) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", controlPort);
    f.put("data-dir", data.toString());
    f.put("clock-start", "2021-07-01T09:30:00Z");
    f.put("scenarios-file", scenarios.toString());
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void aCannedAnswerEchoesTheRequestAndIsSignedWithOrWithoutTheControlApi() throws Exception {
    Path file = data.resolve("scenarios.json");
    Files.writeString(
        file,
        """
        {"scenarios": [{
          "match": {"sr": "8.2"},
          "effects": [{"type": "cannedResponse", "code": "I0",
            "body": "<sr:Canned xmlns:sr=\\"http://www.dccinterface.co.uk/ServiceUserGateway\\">{{requestId}} {{counter}} {{srv}} {{today}}</sr:Canned>"}]
        }]}
        """);
    for (String control : new String[] {"0", "-1"}) {
      try (StandaloneSimulator s = StandaloneSimulator.start(config(file, control))) {
        DuisClient client = client(s);
        ServiceRequest request =
            client.newRequest(
                READ_INVENTORY,
                CommandVariant.NON_DEVICE,
                client.dccId(),
                RawRequestBody.of(thing()));
        ServiceResponse answer = client.send(request);

        assertThat(answer.header().responseCode().code())
            .as("control-port " + control)
            .isEqualTo("I0");
        Element canned = ((RawResponseBody) answer.body()).element().orElseThrow();
        assertThat(canned.getLocalName()).isEqualTo("Canned");
        assertThat(canned.getTextContent())
            .isEqualTo(
                request.header().requestId()
                    + " "
                    + request.header().requestId().counterText()
                    + " 8.2 2021-07-01");
        if (control.equals("0")) {
          // a reset through the control API puts the file's scenarios back
          java.net.http.HttpResponse<String> reset = ControlCalls.call(s, "POST", "reset", null);
          assertThat(reset.statusCode()).isEqualTo(200);
          ServiceResponse again =
              client.send(
                  client.newRequest(
                      READ_INVENTORY,
                      CommandVariant.NON_DEVICE,
                      client.dccId(),
                      RawRequestBody.of(thing())));
          assertThat(((RawResponseBody) again.body()).localName()).contains("Canned");
        }
      }
    }
  }

  @Test
  void aScenariosFileWithAMistakeStopsTheStartNamingTheScenario() throws Exception {
    Path file = data.resolve("bad.json");
    Files.writeString(
        file,
        "[{\"effects\": [{\"type\": \"delay\", \"millis\": 5}]},"
            + " {\"effects\": [{\"type\": \"cannedResponse\", \"code\": \"I0\","
            + " \"body\": \"<sr:X>{{nonsense}}</sr:X>\"}]}]");
    assertThatThrownBy(() -> StandaloneSimulator.start(config(file, "-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scenario 2")
        .hasMessageContaining("{{nonsense}}");
    Files.writeString(
        file,
        "[{\"effects\": [{\"type\": \"cannedResponse\", \"code\": \"I0\", \"body\": \"<a>\"}]}]");
    assertThatThrownBy(() -> StandaloneSimulator.start(config(file, "-1")))
        .hasMessageContaining("well-formed");
  }

  private static DuisClient client(StandaloneSimulator s) {
    Path pki = s.configuration().pkiDir();
    Credential supplier =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    return DuisClient.builder()
        .user(
            Simulator.TEST_SUPPLIER_EUI,
            SigningCredential.of(supplier.privateKey(), supplier.certificate()))
        .dcc(Simulator.DCC_EUI, PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT)))
        .counter(RequestCounter.fromClock(Clock.systemUTC()))
        .transport(HttpDuisTransport.builder(URI.create(s.simulator().baseUrl())).build())
        .build();
  }

  private static Element thing() {
    return SecureXml.withDefaults()
        .parse(
            "<sr:Thing xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\"/>"
                .getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }
}
