package io.dccsim.sim.charging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.value.UserRole;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChargeSheetFormatTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = ChargeSheetFormatTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static InvalidChargesException refusal(String json) {
    return (InvalidChargesException)
        assertThatThrownBy(
                () -> ChargeSheetFormat.read(json.getBytes(UTF_8), ChargeSheetFormat.Syntax.JSON))
            .isInstanceOf(InvalidChargesException.class)
            .actual();
  }

  private static String sheet(String items) {
    return """
        {"period": "2021-06",
         "parties": [
           {"id": "SUPA", "name": "Alpha", "roles": ["IMPORT_SUPPLIER"]},
           {"id": "OU1", "name": "Other", "roles": ["OTHER_USER"]}],
         "items": [%s]}
        """
        .formatted(items);
  }

  @Test
  void readsJson() throws IOException {
    ChargeSheetFormat.Request request =
        ChargeSheetFormat.read(resource("june-2021.json"), ChargeSheetFormat.Syntax.JSON);
    ChargeSheet sheet = request.sheet();

    assertThat(request.policy()).contains(BaselinePolicy.byDate());
    assertThat(sheet.period()).isEqualTo(BillingPeriod.of(2021, 6));
    assertThat(sheet.parties())
        .extracting(Party::id)
        .containsExactly("SUPA", "SUPB", "DNO1", "OU1");
    assertThat(sheet.party("DNO1").orElseThrow().allocationWeight()).isEqualTo(1);
    assertThat(sheet.party("OU1").orElseThrow().roles()).containsExactly(UserRole.OTHER_USER);
    assertThat(sheet.items()).hasSize(4);
    assertThat(sheet.items().get(1))
        .isEqualTo(
            new FixedChargeShare(
                "FIX-2",
                "SUPB",
                LocalDate.of(2021, 6, 1),
                Money.ofPence(600_000),
                "Fixed Charges share"));
    assertThat(sheet.items().get(2))
        .isEqualTo(
            new PrivacyAssessment(
                "RSPA-7",
                "OU1",
                LocalDate.of(2021, 6, 28),
                Money.ofPence(300_001),
                false,
                "Random Sample Privacy Assessment of OU1"));
    assertThat(sheet.totalCharged()).isEqualTo(Money.parse("21250.51"));
  }

  @Test
  void readsTheSameSheetFromYaml() throws IOException {
    assertThat(ChargeSheetFormat.read(resource("june-2021.yaml"), ChargeSheetFormat.Syntax.YAML))
        .isEqualTo(
            ChargeSheetFormat.read(resource("june-2021.json"), ChargeSheetFormat.Syntax.JSON));
    assertThat(ChargeSheetFormat.Syntax.ofFileName("x.YML"))
        .isEqualTo(ChargeSheetFormat.Syntax.YAML);
    assertThat(ChargeSheetFormat.Syntax.ofFileName("x.json"))
        .isEqualTo(ChargeSheetFormat.Syntax.JSON);
  }

  @Test
  void refusesAnUnknownParty() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"FIXED_CHARGE\", \"id\": \"F1\", \"party\": \"NOPE\", \"amount\": 1}")))
        .hasMessageContaining("FIXED_CHARGE item F1 names unknown party NOPE");
  }

  @Test
  void refusesANegativeAmount() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"FIXED_CHARGE\", \"id\": \"F1\", \"party\": \"SUPA\", \"amount\": -5}")))
        .hasMessageContaining("FIXED_CHARGE item F1: amount -5.00 is negative");
  }

  @Test
  void refusesAFractionOfAPenny() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"FIXED_CHARGE\", \"id\": \"F1\", \"party\": \"SUPA\", \"amount\": 0.005}")))
        .hasMessageContaining("F1: amount 0.005 has a fraction of a penny");
  }

  @Test
  void refusesAPeriodThatDoesNotExist() {
    assertThat(refusal(sheet("").replace("2021-06", "2021-13")))
        .hasMessageContaining("billing period '2021-13' does not exist");
  }

  @Test
  void refusesASeparateInvoiceFlagOnANonFinanceItem() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"FIXED_CHARGE\", \"id\": \"F1\", \"party\": \"SUPA\","
                        + " \"amount\": 1, \"separateInvoiceRequired\": true}")))
        .hasMessageContaining(
            "FIXED_CHARGE item F1: field 'separateInvoiceRequired' is not allowed here (only a"
                + " CH_FINANCE_CHARGE item has a separate-invoice flag)");
  }

  @Test
  void refusesAnAssessmentOfAPartyThatIsNotAnOtherUser() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"PRIVACY_ASSESSMENT\", \"id\": \"R1\", \"assessedParty\": \"SUPA\","
                        + " \"amount\": 1}")))
        .hasMessageContaining(
            "PRIVACY_ASSESSMENT item R1 assesses party SUPA, which is not an Other User");
  }

  @Test
  void refusesAnItemDatedOutsideThePeriod() {
    assertThat(
            refusal(
                sheet(
                    "{\"type\": \"CH_FINANCE_CHARGE\", \"id\": \"C1\", \"party\": \"SUPA\","
                        + " \"amount\": 1, \"date\": \"2021-07-01\"}")))
        .hasMessageContaining(
            "CH_FINANCE_CHARGE item C1 is dated 2021-07-01, outside the billing period 2021-06");
  }

  @Test
  void refusesUnknownTypesRolesFieldsAndDuplicates() {
    InvalidChargesException e =
        refusal(
            """
            {"period": "2021-06", "colour": "red",
             "parties": [
               {"id": "A", "name": "A", "roles": ["SUPPLIER_OF_MAGIC"]},
               {"id": "B", "name": "B", "roles": ["GAS_SUPPLIER"], "allocationWeight": 1.5},
               {"id": "C", "name": "C", "roles": ["GAS_SUPPLIER"]},
               {"id": "C", "name": "C again", "roles": ["GAS_SUPPLIER"]}],
             "items": [
               {"type": "DISCOUNT", "id": "X1", "party": "C", "amount": 1},
               {"type": "FIXED_CHARGE", "id": "F1", "party": "C", "amount": "lots"},
               {"type": "PRIVACY_ASSESSMENT", "id": "R1", "party": "C", "amount": 1},
               {"type": "CH_FINANCE_CHARGE", "id": "C1", "party": "C", "amount": 1,
                "separateInvoiceRequired": "yes"}]}
            """);
    assertThat(e.problems())
        .anySatisfy(p -> assertThat(p).contains("the charge sheet: field 'colour' is not allowed"))
        .anySatisfy(p -> assertThat(p).contains("party A: unknown role 'SUPPLIER_OF_MAGIC'"))
        .anySatisfy(
            p -> assertThat(p).contains("party B: allocationWeight '1.5' is not a whole number"))
        .anySatisfy(p -> assertThat(p).contains("item X1: type 'DISCOUNT' is not one of"))
        .anySatisfy(p -> assertThat(p).contains("F1: not a decimal amount: 'lots'"))
        .anySatisfy(p -> assertThat(p).contains("R1: field 'party' is not allowed here"))
        .anySatisfy(p -> assertThat(p).contains("R1: assessedParty is missing"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("C1: separateInvoiceRequired '\"yes\"' is not true or false"));
  }

  @Test
  void refusesDuplicatePartyIds() {
    assertThat(
            refusal(
                """
                {"period": "2021-06", "parties": [
                  {"id": "C", "name": "C", "roles": ["GAS_SUPPLIER"]},
                  {"id": "C", "name": "C again", "roles": ["GAS_SUPPLIER"]}]}
                """))
        .hasMessageContaining("party id C appears more than once");
  }

  @Test
  void refusesMalformedInputAndDoctypeFreeYamlBombs() {
    assertThat(refusal("{\"period\": ")).hasMessageContaining("not well-formed JSON");
    assertThat(refusal("[1, 2]")).hasMessageContaining("must be an object");
    assertThat(refusal("{}"))
        .hasMessageContaining("period is missing")
        .hasMessageContaining("parties is missing");
    assertThat(refusal("{\"period\": \"2021-06\", \"baseline\": \"LATEST\", \"parties\": []}"))
        .hasMessageContaining("baseline: Not a baseline policy: 'LATEST'");
  }
}
