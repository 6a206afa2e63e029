package io.dccsim.sim.charging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class BillingEndpointTest {

  private final BillingEndpoint endpoint =
      new BillingEndpoint(BaselinePolicy.pinned(Baseline.PRE_JUNE_2021));

  @Test
  void answersInvoicesAsJson() throws IOException {
    String sheet =
        new String(ChargeSheetFormatTest.resource("june-2021.json"), UTF_8)
            .replace("\"baseline\": \"by-date\",", "");
    BillingEndpoint.Answer answer =
        endpoint.handle(sheet.getBytes(UTF_8), BillingEndpoint.Format.JSON);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo("application/json");
    JsonNode run = new ObjectMapper().readTree(answer.body());
    assertThat(run.get("policy").asText()).isEqualTo("PRE_JUNE_2021");
    assertThat(run.get("totalInvoiced").decimalValue()).isEqualByComparingTo("21250.51");
    assertThat(run.get("invoices").findValuesAsText("number"))
        .containsExactly(
            "2021-06-SUPA-ORD", "2021-06-SUPA-CHF", "2021-06-SUPB-ORD", "2021-06-DNO1-ORD");
  }

  @Test
  void answersCsvWhenAsked() throws IOException {
    BillingEndpoint.Answer answer =
        endpoint.handle(
            ChargeSheetFormatTest.resource("june-2021.json"), BillingEndpoint.Format.CSV);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).startsWith("text/csv");
    assertThat(answer.body()).startsWith(InvoiceCsv.HEADER + "\r\n");
  }

  @Test
  void answersAValidationErrorListingEveryProblem() throws IOException {
    BillingEndpoint.Answer answer =
        endpoint.handle(
            "{\"period\": \"2021-00\", \"parties\": []}".getBytes(UTF_8),
            BillingEndpoint.Format.JSON);

    assertThat(answer.status()).isEqualTo(400);
    JsonNode error = new ObjectMapper().readTree(answer.body());
    assertThat(error.get("error").asText()).isEqualTo("invalid charges");
    assertThat(error.get("problems").toString())
        .contains("billing period '2021-00' does not exist");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at io.dccsim");
  }

  @Test
  void refusesAnOversizedRequest() {
    BillingEndpoint.Answer answer =
        endpoint.handle(new byte[ChargeSheetFormat.MAX_BYTES + 1], BillingEndpoint.Format.JSON);
    assertThat(answer.status()).isEqualTo(413);
  }
}
