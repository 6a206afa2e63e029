package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.ExternalTool;
import io.dccsim.core.signature.IndependentSigners;
import io.dccsim.core.signature.IndependentSigners.Form;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.smki.pki.Credential;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sixteen non-device requests as the DCC's reference test messages lay them out (indented, an
 * unused {@code xsi} declaration, the messages' schema versions), signed by {@code xmlsec1} the way
 * the DCC's own signing tool does (one enveloped-signature transform): each is answered {@code I0}
 * or its SR-specific code, the answer validates under the project's schema, and {@code xmlsec1}
 * verifies the DCC's signature on it.
 */
class RtdsShapedNonDeviceRequestsTest {
  private static Simulator dcc;
  private static SupplierClient supplier;

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    dcc =
        Simulator.builder()
            .clock(SimulatedClock.fixed(Instant.parse("2021-07-01T09:00:00Z")))
            .start();
    supplier = SupplierClient.testSupplierOf(dcc);
  }

  @AfterAll
  static void stop() {
    dcc.close();
  }

  static Stream<String> variants() {
    return NonDeviceBodies.BODIES.keySet().stream().sorted();
  }

  private static String request(String srv, RequestId id) {
    String sr =
        srv.chars().filter(c -> c == '.').count() == 2
            ? srv.substring(0, srv.lastIndexOf('.'))
            : srv;
    String body = NonDeviceBodies.BODIES.get(srv).replace("><", ">\n      <");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<sr:Request xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
        + " xmlns:sr=\"http://www.dccinterface.co.uk/ServiceUserGateway\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" schemaVersion=\""
        + NonDeviceBodies.versionOf(srv)
        + "\">\n"
        + "  <sr:Header>\n"
        + "    <sr:RequestID>"
        + id
        + "</sr:RequestID>\n"
        + "    <sr:CommandVariant>8</sr:CommandVariant>\n"
        + "    <sr:ServiceReference>"
        + sr
        + "</sr:ServiceReference>\n"
        + "    <sr:ServiceReferenceVariant>"
        + srv
        + "</sr:ServiceReferenceVariant>\n"
        + "  </sr:Header>\n"
        + "  <sr:Body>\n"
        + "    "
        + body
        + "\n  </sr:Body>\n"
        + "</sr:Request>\n";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void isAnsweredWithItsOwnCodeAndTheAnswerIsValidAndVerifies(String srv) throws Exception {
    Credential user = dcc.testSupplier().credential();
    byte[] signed =
        IndependentSigners.xmlsec1(
            dir,
            request(srv, supplier.nextId()),
            "</sr:Request>",
            SigningCredential.of(user.privateKey(), user.certificate()),
            Form.ENVELOPED_ONLY);
    assertThat(new String(signed, StandardCharsets.UTF_8).split("<ds:Transform ", -1)).hasSize(2);
    var http = supplier.post("/api/v1/serviceD", signed);
    assertThat(http.statusCode())
        .as(new String(http.body(), StandardCharsets.UTF_8))
        .isEqualTo(200);
    ServiceResponse answer = supplier.verifyAndRead(http.body());
    assertThat(answer.header().responseCode().code()).as(srv).matches("I0|[WE]\\d{6}");
    DuisSchema.builtIn().validate(SecureXml.withDefaults().parse(http.body()));

    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    Files.writeString(dir.resolve("dcc.pem"), TestCredentials.pem(dcc.dccCertificate()));
    Files.write(dir.resolve("answer.xml"), http.body());
    ExternalTool.Result verified =
        xmlsec1.run(dir, "--verify", "--pubkey-cert-pem", "dcc.pem", "answer.xml");
    assertThat(verified.exitCode()).as(verified.output()).isZero();
  }
}
