package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.Baseline;
import io.dccsim.sim.charging.ChargingRules.AssessmentPayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargingRulesTest {

  @ParameterizedTest(name = "{0}, Panel requested {1}: {2}")
  @CsvSource({
    "PRE_JUNE_2021, false, ALL_DCC_USERS",
    "PRE_JUNE_2021, true,  ALL_DCC_USERS",
    "JUNE_2021,     false, ASSESSED_OTHER_USER",
    "JUNE_2021,     true,  ALL_DCC_USERS"
  })
  void mp144DecidesWhoPaysAnAssessment(Baseline baseline, boolean panel, AssessmentPayer payer) {
    PrivacyAssessment a = Sheets.assessment("R", Sheets.GO_LIVE, 100, panel);
    assertThat(ChargingRules.payerOf(a, baseline)).isEqualTo(payer);
  }

  @ParameterizedTest(name = "{0}, agreement requires separate {1}: {2}")
  @CsvSource({
    "PRE_JUNE_2021, false, CH_FINANCE",
    "PRE_JUNE_2021, true,  CH_FINANCE",
    "JUNE_2021,     false, ORDINARY",
    "JUNE_2021,     true,  CH_FINANCE"
  })
  void mp153DecidesWhichInvoiceCarriesFinanceCharges(
      Baseline baseline, boolean separate, InvoiceKind kind) {
    CommsHubFinanceCharge c = Sheets.finance("C", Sheets.SUPPLIER_A, Sheets.GO_LIVE, 100, separate);
    assertThat(ChargingRules.invoiceOf(c, baseline)).isEqualTo(kind);
  }
}
