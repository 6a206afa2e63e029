package io.dccsim.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.core.value.WebService;
import java.io.StringReader;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DUIS 5.4 catalogue resource, and the strict reading of the catalogue format. */
class Duis54CatalogueTest {
  private static final String HEADER = String.join("\t", ServiceCatalogueFile.COLUMNS);
  private static final String GOOD =
      "4.1.1\t4.1\tRead Instantaneous Import Registers\tno\tdevice\t1,2,3\tS,D\tIS,GS,ED,GT"
          + "\tyes\tdsp\tno\tyes\t-";

  private static ServiceCatalogue parse(String... lines) {
    return ServiceCatalogue.read(new StringReader(String.join("\n", lines) + "\n"), "test.tsv");
  }

  @Test
  void holdsEveryServiceReferenceVariantOnce() {
    ServiceCatalogue c = ServiceCatalogue.duis54();
    assertThat(c.size()).isEqualTo(129);
    assertThat(c.definitions().stream().map(ServiceDefinition::variant).distinct()).hasSize(129);
  }

  @Test
  void theSixteenNonDeviceServicesExactly() {
    Set<String> nonDevice =
        ServiceCatalogue.duis54().definitions().stream()
            .filter(d -> !d.isDevice())
            .map(d -> d.variant().toString())
            .collect(Collectors.toSet());
    assertThat(nonDevice)
        .containsExactlyInAnyOrder(
            "5.1", "5.2", "5.3", "8.2", "8.3", "8.4", "8.6", "8.13", "8.14.1", "8.14.2", "8.14.3",
            "8.14.4", "11.1", "11.4", "12.1", "12.2");
    for (ServiceDefinition d : ServiceCatalogue.duis54().definitions()) {
      if (!d.isDevice()) {
        assertThat(d.commandVariants())
            .as(d.variant().toString())
            .containsExactly(CommandVariant.NON_DEVICE);
        assertThat(d.webServices()).containsExactly(WebService.NON_DEVICE);
      }
    }
  }

  @Test
  void theEnvelopeRulesHoldForEveryEntry() {
    for (ServiceDefinition d : ServiceCatalogue.duis54().definitions()) {
      String srv = d.variant().toString();
      if (!d.isDevice()) {
        continue;
      }
      if (d.critical()) {
        assertThat(d.commandVariants())
            .as(srv)
            .containsExactly(
                CommandVariant.TRANSFORM_TO_PRE_COMMAND,
                CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                CommandVariant.SIGNED_PRE_COMMAND_RETURN,
                CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN);
        // local delivery (6) is on the Non-Device Service, as the DCC's own tools route it
        assertThat(d.webServices())
            .containsExactly(WebService.NON_DEVICE, WebService.SEND_COMMAND, WebService.TRANSFORM);
      } else {
        assertThat(d.commandVariants())
            .as(srv)
            .containsExactly(
                CommandVariant.SEND_VIA_WAN,
                CommandVariant.RETURN_FOR_LOCAL_DELIVERY,
                CommandVariant.SEND_VIA_WAN_AND_RETURN);
        assertThat(d.webServices()).containsExactly(WebService.NON_DEVICE, WebService.SEND_COMMAND);
      }
    }
  }

  @Test
  void knownEntries() {
    ServiceCatalogue c = ServiceCatalogue.duis54();
    assertThat(c.find(ServiceReferenceVariant.REQUEST_WAN_MATRIX))
        .hasValue(ServiceCatalogue.REQUEST_WAN_MATRIX);
    ServiceDefinition read = c.find(ServiceReferenceVariant.parse("4.1.1")).orElseThrow();
    assertThat(read.name()).isEqualTo("Read Instantaneous Import Registers");
    assertThat(read.critical()).isFalse();
    assertThat(read.futureDating()).isEqualTo(FutureDating.DSP);
    assertThat(read.eligibleRoles())
        .containsExactly(
            UserRole.IMPORT_SUPPLIER,
            UserRole.GAS_SUPPLIER,
            UserRole.ELECTRICITY_DISTRIBUTOR,
            UserRole.GAS_TRANSPORTER);
    ServiceDefinition krp = c.find(ServiceReferenceVariant.parse("6.15.1")).orElseThrow();
    assertThat(krp.name()).isEqualTo("Update Security Credentials (KRP)");
    assertThat(krp.critical()).isTrue();
    assertThatThrownBy(krp::webService).isInstanceOf(IllegalStateException.class);
    assertThat(c.find(ServiceReferenceVariant.parse("6.20.1")).orElseThrow().reference())
        .hasToString("6.20");
    assertThat(c.find(ServiceReferenceVariant.parse("4.6.1")).orElseThrow().dccSchedulable())
        .isTrue();
    assertThat(c.find(ServiceReferenceVariant.parse("7.16")).orElseThrow().eligibleRoles())
        .isEmpty();
    // the sixteen non-device SRs have handlers, and the 76 non-critical and 37 critical device
    // SRs go to the simulated devices (the critical ones through the pre-command flow)
    assertThat(c.definitions().stream().filter(ServiceDefinition::simulated))
        .hasSize(16 + 76 + 37)
        .contains(ServiceCatalogue.REQUEST_WAN_MATRIX);
    assertThat(c.definitions().stream().filter(ServiceDefinition::critical)).hasSize(37);
    assertThat(c.definitions().stream().filter(d -> !d.simulated())).isEmpty();
    assertThat(c.find(ServiceReferenceVariant.parse("8.6")).orElseThrow().eligibleRoles())
        .containsExactlyInAnyOrder(UserRole.IMPORT_SUPPLIER, UserRole.GAS_SUPPLIER);
    assertThat(ServiceCatalogue.standard().size()).isEqualTo(1);
  }

  @Test
  void readsAWellFormedFile() {
    ServiceCatalogue c = parse("# a comment", "", HEADER, GOOD);
    assertThat(c.definitions()).hasSize(1);
    assertThat(c.find(ServiceReferenceVariant.parse("4.1.1")))
        .hasValue(ServiceCatalogue.duis54().find(ServiceReferenceVariant.parse("4.1.1")).get());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown role         | IS,GS,ED,GT   | IS,XX          | unknown User Role 'XX'
          sr disagrees         | 4.1\\tRead     | 4.2\\tRead      | is not the service reference
          cv of a critical SR  | 1,2,3\\tS      | 1,2,4\\tS       | command variant 4
          wrong services       | 1,2,3\\tS      | 1,2,3\\tT       | services must be S
          wrong target         | no\\tdevice    | no\\tnon-device | target must be device
          bad yes/no           | \\tyes\\tdsp    | \\tsometimes\\tdsp | on-demand is yes or no
          bad future dating    | \\tdsp\\t       | \\tlater\\t      | future-dated is
          empty cell           | \\t-           | \\t             | column note is empty
          """)
  void refusesAMalformedRowWithItsLineNumber(String what, String from, String to, String message) {
    String bad = GOOD.replace(from.replace("\\t", "\t"), to.replace("\\t", "\t"));
    assertThat(bad).as(what).isNotEqualTo(GOOD);
    assertThatThrownBy(() -> parse("# comment", HEADER, GOOD.replace("4.1.1", "4.1.2"), bad))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageStartingWith("test.tsv line 4: ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((CatalogueFormatException) e).line()).isEqualTo(4));
  }

  @Test
  void refusesStructuralFaults() {
    assertThatThrownBy(() -> parse(GOOD))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessage(
            "test.tsv line 1: the header must name the columns " + HEADER.replace('\t', ' '));
    assertThatThrownBy(() -> parse(HEADER, GOOD, GOOD))
        .hasMessage("test.tsv line 3: 4.1.1 is already defined at line 2");
    assertThatThrownBy(() -> parse(HEADER, GOOD + "\textra"))
        .hasMessage("test.tsv line 2: expected 13 tab-separated columns, found 14");
    assertThatThrownBy(() -> parse("# only a comment"))
        .isInstanceOf(CatalogueFormatException.class)
        .hasMessageContaining("no header line");
  }

  @Test
  void theEnvelopeOnlyConstructorStillRefusesWhatItDid() {
    assertThatThrownBy(
            () ->
                new ServiceDefinition(
                    ServiceReferenceVariant.parse("4.1.1"),
                    "x",
                    EnumSet.of(CommandVariant.TRANSFORM_TO_PRE_COMMAND),
                    WebService.SEND_COMMAND,
                    EnumSet.of(UserRole.IMPORT_SUPPLIER)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/api/v1/serviceT");
    assertThatThrownBy(
            () ->
                new ServiceDefinition(
                    ServiceReferenceVariant.parse("4.1.1"),
                    "x",
                    EnumSet.of(CommandVariant.SEND_VIA_WAN),
                    WebService.SEND_COMMAND,
                    EnumSet.noneOf(UserRole.class)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(ServiceCatalogue.REQUEST_WAN_MATRIX.webService()))
        .containsExactly(WebService.NON_DEVICE);
  }
}
