package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.sim.catalogue.CatalogueListing;
import io.dccsim.sim.control.BearerToken;
import io.dccsim.sim.control.ControlApi;
import io.dccsim.sim.control.ControlRequest;
import io.dccsim.sim.control.ControlResponse;
import io.dccsim.sim.control.HarnessState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code dccsim catalogue} in both formats, and {@code GET /control/catalogue}. */
class CatalogueCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String run(String... args) {
    CommandLine line = DccSimCommand.commandLine();
    StringWriter out = new StringWriter();
    line.setOut(new PrintWriter(out));
    assertThat(line.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void printsTheTable() {
    List<String> lines = run("catalogue").lines().toList();
    assertThat(lines.get(0))
        .startsWith("SRV")
        .contains("NAME", "CVS", "CRITICAL", "TARGET", "WEB SERVICE", "ROLES", "SIMULATED", "GBCS");
    // a heading, 129 SRVs and a count
    assertThat(lines).hasSize(131);
    assertThat(lines.get(130)).isEqualTo("129 Service Reference Variants, 129 simulated");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l.split(" {2,}"))
                    .containsExactly(
                        "4.1.1",
                        "Read Instantaneous Import Registers",
                        "1,2,3",
                        "no",
                        "device",
                        "serviceS,serviceD",
                        "IS,GS,ED,GT",
                        "yes",
                        "ESME,GSME"))
        .anySatisfy(
            l ->
                assertThat(l.split(" {2,}"))
                    .containsExactly(
                        "6.15.1",
                        "Update Security Credentials (KRP)",
                        "4,5,6,7",
                        "yes",
                        "device",
                        "serviceT,serviceS,serviceD",
                        "IS,GS,ED,GT",
                        "yes",
                        "-"))
        .anySatisfy(l -> assertThat(l).startsWith("7.1 ").matches(".* yes +ESME"))
        .anySatisfy(l -> assertThat(l).startsWith("7.2 ").matches(".* yes +ESME,GSME"))
        .anySatisfy(
            l ->
                assertThat(l.split(" {2,}"))
                    .containsExactly(
                        "12.1",
                        "Request WAN Matrix",
                        "8",
                        "no",
                        "non-device",
                        "serviceD",
                        "IS,ES,GS,ED,GT,RSA,OU",
                        "yes",
                        "-"))
        .anySatisfy(l -> assertThat(l).startsWith("7.16 ").contains(" - "));
  }

  @Test
  void printsJsonTheSameAsTheControlApiServes() throws Exception {
    JsonNode printed = JSON.readTree(run("catalogue", "--format", "json"));
    assertThat(printed.path("count").asInt()).isEqualTo(129);
    assertThat(printed.path("services")).hasSize(129);
    JsonNode krp = null;
    for (JsonNode s : printed.path("services")) {
      if (s.path("srv").asText().equals("6.15.1")) {
        krp = s;
      }
    }
    assertThat(krp).isNotNull();
    assertThat(krp.path("serviceReference").asText()).isEqualTo("6.15");
    assertThat(krp.path("critical").asBoolean()).isTrue();
    assertThat(krp.path("device").asBoolean()).isTrue();
    assertThat(krp.path("webServices").toString())
        .isEqualTo("[\"/api/v1/serviceT\",\"/api/v1/serviceS\",\"/api/v1/serviceD\"]");
    assertThat(krp.path("commandVariants").toString()).isEqualTo("[4,5,6,7]");
    assertThat(krp.path("futureDated").asText()).isEqualTo("device");
    assertThat(krp.has("note")).isFalse();
    assertThat(krp.path("realGbcs").toString()).isEqualTo("[]");
    for (JsonNode s : printed.path("services")) {
      if (s.path("srv").asText().equals("8.1.1") || s.path("srv").asText().equals("4.6.1")) {
        assertThat(s.path("realGbcs").toString()).isEqualTo("[\"ESME\",\"GSME\"]");
      }
    }

    BearerToken token = BearerToken.of("catalogue-token-0123456789");
    ControlApi api =
        new ControlApi(
            HarnessState.create(10, SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z"))),
            token);
    ControlResponse served =
        api.handle(
            new ControlRequest(
                "GET",
                "/control/catalogue",
                Optional.of(token.authorizationHeader()),
                new byte[0]));
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).isEqualTo("application/json");
    assertThat(JSON.readTree(served.body())).isEqualTo(printed);
    assertThat(JSON.readTree(served.body()))
        .isEqualTo(CatalogueListing.json(ServiceCatalogue.duis54()));
    assertThat(
            api.handle(
                    new ControlRequest("GET", "/control/catalogue", Optional.empty(), new byte[0]))
                .status())
        .isEqualTo(401);
  }

  @Test
  void theControlApiServesTheCatalogueTheSimulatorWasBuiltWith() throws Exception {
    BearerToken token = BearerToken.of("catalogue-token-0123456789");
    HarnessState state =
        HarnessState.create(10, SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .catalogue(ServiceCatalogue.standard());
    ControlResponse served =
        new ControlApi(state, token)
            .handle(
                new ControlRequest(
                    "GET",
                    "/control/catalogue",
                    Optional.of(token.authorizationHeader()),
                    new byte[0]));
    assertThat(JSON.readTree(served.body()))
        .isEqualTo(CatalogueListing.json(ServiceCatalogue.standard()))
        .isNotEqualTo(CatalogueListing.json(ServiceCatalogue.duis54()));
  }

  @Test
  void refusesAnUnknownFormat() {
    CommandLine line = DccSimCommand.commandLine();
    line.setErr(new PrintWriter(new StringWriter()));
    assertThat(line.execute("catalogue", "--format", "xml")).isNotZero();
  }
}
