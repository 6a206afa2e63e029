package io.dccsim.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AlertBodyTest {
  private static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";

  private static Element element(String xml) {
    return SecureXml.withDefaults()
        .parse(xml.getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }

  @Test
  void anAlertIsWrittenUnderBodyValidatesAndReadsBack() {
    DuisCodec codec = new DuisCodec();
    for (String alert :
        new String[] {
          "<sr:DeviceAlertMessage xmlns:sr=\""
              + NS
              + "\"><sr:AlertCode>8F66</sr:AlertCode>"
              + "<sr:GBCSPayload>3wkD</sr:GBCSPayload></sr:DeviceAlertMessage>",
          "<sr:DCCAlertMessage xmlns:sr=\""
              + NS
              + "\"><sr:DCCAlertCode>N24</sr:DCCAlertCode>"
              + "<sr:DCCAlert/></sr:DCCAlertMessage>"
        }) {
      AlertBody body = AlertBody.of(element(alert));
      ServiceResponse response =
          new ServiceResponse(
              SchemaVersion.V5_4,
              new ResponseHeader(
                  Optional.empty(),
                  Optional.of(RequestId.parse("00-DB-12-34-56-78-90-A0:90-B3-D5-1F-30-01-00-00:7")),
                  ResponseCode.I0,
                  Instant.parse("2021-07-01T09:00:00Z")),
              body);
      Document doc = codec.writeResponse(response);
      DuisSchema.builtIn().validate(doc);
      ServiceResponse back = codec.readResponse(doc);
      assertThat(back).isEqualTo(response);
      assertThat(back.body().serviceReferenceVariant()).isEmpty();
    }
  }

  @Test
  void onlyTheTwoAlertElementsAreAlerts() {
    assertThatThrownBy(() -> AlertBody.of(element("<sr:ResponseMessage xmlns:sr=\"" + NS + "\"/>")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AlertBody.of(element("<DeviceAlertMessage/>")))
        .isInstanceOf(IllegalArgumentException.class);
    // a DCC alert code the schema does not know is refused by it
    Document doc =
        new DuisCodec()
            .writeResponse(
                new ServiceResponse(
                    SchemaVersion.V5_4,
                    new ResponseHeader(
                        Optional.empty(), Optional.empty(), ResponseCode.I0, Instant.EPOCH),
                    AlertBody.of(
                        element(
                            "<sr:DCCAlertMessage xmlns:sr=\""
                                + NS
                                + "\"><sr:DCCAlertCode>N32"
                                + "</sr:DCCAlertCode><sr:DCCAlert/></sr:DCCAlertMessage>"))));
    assertThatThrownBy(() -> DuisSchema.builtIn().validate(doc))
        .isInstanceOf(io.dccsim.core.schema.SchemaViolationException.class);
  }
}
