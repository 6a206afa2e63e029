package io.dccsim.sim.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestReaderTest {
  private static final RequestId ID =
      RequestId.parse("90-B3-D5-1F-30-01-00-00:90-B3-D5-1F-30-00-00-02:1000");

  private final DuisCodec codec = new DuisCodec();
  private final RequestReader reader =
      new RequestReader(SecureXml.withDefaults(), DuisSchema.builtIn());

  private final ServiceRequest request =
      new ServiceRequest(
          SchemaVersion.V5_1,
          new RequestHeader(
              ID, CommandVariant.NON_DEVICE, ServiceReferenceVariant.REQUEST_WAN_MATRIX),
          RequestWanMatrix.byUprn(Uprn.of(12)));

  private String wire() {
    return new String(codec.toBytes(codec.writeRequest(request)), StandardCharsets.UTF_8);
  }

  private ParsedRequest read(String xml) {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAValidRequestInOnePassWithTheDomAsSent() {
    ParsedRequest parsed = read(wire());
    assertThat(parsed.requestId()).isEqualTo(ID);
    assertThat(new String(codec.toBytes(parsed.document()), StandardCharsets.UTF_8))
        .isEqualTo(wire());
  }

  @Test
  void namesTheShapeFaultBeforeTheSchemaViolation() {
    String noVersion = wire().replace(" schemaVersion=\"5.1\"", "");
    assertThatThrownBy(() -> read(noVersion))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("schemaVersion missing or not a version");
    String badId = wire().replace(":1000<", ":x<");
    assertThatThrownBy(() -> read(badId))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("RequestID is originator:target:counter");
  }

  @Test
  void namesTheElementWhereTheSchemaIsBroken() {
    String zeroUprn = wire().replace(">12<", ">0<");
    assertThatThrownBy(() -> read(zeroUprn))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("not a valid DUIS request at /Request/Body/RequestWANMatrix/UPRN");
  }

  @Test
  void refusesADoctypeAsUnacceptableXml() {
    String doctype =
        "<!DOCTYPE x [<!ENTITY e 'e'>]>" + wire().replaceFirst("^<\\?xml[^>]*\\?>", "");
    assertThatThrownBy(() -> read(doctype))
        .isInstanceOf(MalformedRequestException.class)
        .hasMessageContaining("not acceptable XML");
  }
}
