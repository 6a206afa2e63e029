package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.xml.Mangling;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The example charge sheets, each mangled in one way: each is either refused with an {@link
 * InvalidChargesException} or read, and a sheet that is read bills into an invoice run that
 * reconciles and writes as JSON and CSV. Nothing else ever comes out.
 */
class MangledChargeSheetPropertiesTest {
  private static final List<String> FRAGMENTS =
      List.of(
          ",",
          "\"",
          "'",
          "\n",
          "\n  ",
          ": ",
          "- ",
          "{",
          "}",
          "[",
          "]",
          "null",
          "~",
          "-1",
          "0",
          "1e999",
          "99999999999999999999999",
          "0.001",
          "2021-02-30",
          "&a",
          "*a",
          "!!binary",
          "\u0000",
          "é",
          "#");

  private static final byte[] JSON_SHEET = load("june-2021.json");
  private static final byte[] YAML_SHEET = load("june-2021.yaml");

  private static byte[] load(String name) {
    try {
      return ChargeSheetFormatTest.resource(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 40);
  }

  @Property(tries = 600)
  void aMangledJsonSheetIsRefusedOrBilled(@ForAll("manglings") Mangling m) throws Exception {
    refusedOrBilled(m.apply(JSON_SHEET), ChargeSheetFormat.Syntax.JSON);
  }

  @Property(tries = 600)
  void aMangledYamlSheetIsRefusedOrBilled(@ForAll("manglings") Mangling m) throws Exception {
    refusedOrBilled(m.apply(YAML_SHEET), ChargeSheetFormat.Syntax.YAML);
  }

  private static void refusedOrBilled(byte[] bytes, ChargeSheetFormat.Syntax syntax) {
    ChargeSheetFormat.Request request;
    try {
      request = ChargeSheetFormat.read(bytes, syntax);
    } catch (InvalidChargesException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).isNotBlank());
      return;
    }
    InvoiceRun run;
    try {
      run = new Billing(request.policy().orElse(BaselinePolicy.byDate())).bill(request.sheet());
    } catch (InvalidChargesException e) {
      assertThat(e.problems()).isNotEmpty();
      return;
    }
    assertThat(run.reconciles()).isTrue();
    assertThat(InvoiceJson.write(run)).isNotBlank();
    assertThat(InvoiceCsv.write(run)).isNotBlank();
  }
}
