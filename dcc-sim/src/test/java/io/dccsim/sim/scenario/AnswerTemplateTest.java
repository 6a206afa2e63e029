package io.dccsim.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AnswerTemplateTest {
  private static final RequestId ID =
      RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:18446744073709551615");

  @Test
  void everyPlaceholderIsFilledFromTheRequestAndTheTime() {
    String filled =
        AnswerTemplate.fill(
            "<sr:A>{{requestId}}|{{originator}}|{{target}}|{{counter}}|{{srv}}|{{ now }}|{{today}}"
                + "</sr:A>",
            ID,
            ServiceReferenceVariant.parse("8.14.1"),
            Instant.parse("2021-06-24T08:15:30.987Z"));
    assertThat(filled)
        .isEqualTo(
            "<sr:A>"
                + ID
                + "|90-B3-D5-1F-30-01-00-00|90-B3-D5-1F-30-00-00-02|18446744073709551615|8.14.1"
                + "|2021-06-24T08:15:30Z|2021-06-24</sr:A>");
    Element e = AnswerTemplate.element(SecureXml.withDefaults(), filled);
    assertThat(e.getNamespaceURI()).isEqualTo("http://www.dccinterface.co.uk/ServiceUserGateway");
    assertThat(e.getLocalName()).isEqualTo("A");
  }

  @Test
  void unknownPlaceholdersAndBodiesThatAreNotOneElementAreRefused() {
    assertThatThrownBy(() -> AnswerTemplate.check("<a>{{requestID}}</a>"))
        .hasMessageContaining("{{requestID}}");
    assertThatThrownBy(() -> AnswerTemplate.checkWellFormed("<a/><b/>"))
        .hasMessageContaining("not several");
    assertThatThrownBy(() -> AnswerTemplate.checkWellFormed("text <a/>"))
        .hasMessageContaining("without text");
    assertThatThrownBy(() -> AnswerTemplate.checkWellFormed("<a>"))
        .hasMessageContaining("well-formed");
    assertThatThrownBy(() -> AnswerTemplate.checkWellFormed("<!DOCTYPE a><a/>"))
        .isInstanceOf(IllegalArgumentException.class);
    AnswerTemplate.checkWellFormed(" <sr:X>{{requestId}}</sr:X> ");
  }
}
