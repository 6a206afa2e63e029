package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.value.UserRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InvoiceOutputTest {

  private static final Party AWKWARD =
      new Party("X1", "Quote \"Ltd\", Trading", Set.of(UserRole.GAS_SUPPLIER), 1);

  private static InvoiceRun run() {
    ChargeSheet sheet =
        new ChargeSheet(
            BillingPeriod.of(2021, 7),
            List.of(AWKWARD),
            List.of(
                new FixedChargeShare(
                    "F1",
                    "X1",
                    BillingPeriod.of(2021, 7).firstDay(),
                    Money.ofPence(5),
                    "line one\nline two"),
                new CommsHubFinanceCharge(
                    "C1",
                    "X1",
                    BillingPeriod.of(2021, 7).lastDay(),
                    Money.ofPence(100_000),
                    true,
                    "finance")));
    return new Billing(BaselinePolicy.pinned(Baseline.JUNE_2021)).bill(sheet);
  }

  @Test
  void csvQuotesFieldsThatNeedIt() {
    String csv = InvoiceCsv.write(run());
    List<String> rows = List.of(csv.split("\r\n(?=2021|$)"));

    assertThat(csv).endsWith("\r\n");
    assertThat(rows.get(0)).isEqualTo(InvoiceCsv.HEADER);
    assertThat(rows.get(1))
        .startsWith("2021-07-X1-ORD,X1,\"Quote \"\"Ltd\"\", Trading\",ORDINARY,2021-07,1,F1,")
        .contains(",\"line one\nline two\",")
        .endsWith(",0.05,0.05");
    assertThat(rows.get(2)).startsWith("2021-07-X1-CHF,").endsWith(",1000.00,1000.00");
    assertThat(InvoiceCsv.field("plain")).isEqualTo("plain");
    assertThat(InvoiceCsv.field("a\rb")).isEqualTo("\"a\rb\"");
  }

  @Test
  void jsonCarriesExactAmountsWithTwoDecimals() throws Exception {
    String json = InvoiceJson.write(run());
    JsonNode tree = new ObjectMapper().readTree(json);

    assertThat(json).contains("\"amount\" : 0.05").contains("\"total\" : 1000.00");
    assertThat(tree.get("reconciled").asBoolean()).isTrue();
    assertThat(tree.get("totalCharged").decimalValue()).isEqualByComparingTo("1000.05");
    assertThat(tree.at("/invoices/1/kind").asText()).isEqualTo("CH_FINANCE");
    assertThat(tree.at("/invoices/0/party/name").asText()).isEqualTo("Quote \"Ltd\", Trading");
    assertThat(tree.at("/invoices/0/lines/0/baseline").asText()).isEqualTo("JUNE_2021");
  }
}
