package io.dccsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.schema.DuisSchema;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.Simulator;
import io.dccsim.sim.config.SimulatorConfig;
import io.dccsim.smki.pki.CertificateProfile;
import io.dccsim.smki.pki.Credential;
import io.dccsim.smki.pki.CredentialLoader;
import io.dccsim.smki.pki.PemMaterial;
import io.dccsim.smki.pki.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** The standalone server's {@code dcc-eui} and {@code duis-schema-file} settings. */
class StandaloneDccIdentityAndSchemaTest {
  private static final Eui64 OLD_DCC = Eui64.parse("90-B3-D5-1F-30-00-00-01");
  private static final Eui64 OWN_DCC = Eui64.parse("90-B3-D5-1F-30-00-00-99");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final AtomicLong COUNTER = new AtomicLong(System.currentTimeMillis() * 1000);

  @TempDir Path data;
  @TempDir Path schemas;

  private SimulatorConfig config(String... more) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("port", "0");
    f.put("smki-port", "-1");
    f.put("control-port", "-1");
    f.put("data-dir", data.toString());
    for (int i = 0; i < more.length; i += 2) {
      f.put(more[i], more[i + 1]);
    }
    return SimulatorConfig.from(Map.of(), Map.of(), f);
  }

  @Test
  void answersAsTheDspOfTheReferenceDataByDefaultAndReissuesAKeptCertificateOfAnotherEui()
      throws Exception {
    // A PKI directory kept from before, its DCC certificate issued for the old EUI.
    Path pki = Files.createDirectories(data.resolve("pki"));
    TestPki hierarchy =
        TestPki.loadOrCreate(
            pki.resolve("hierarchy"),
            SimulatedClock.offset(java.time.Clock.systemUTC(), Duration.ZERO));
    PemMaterial.write(
        hierarchy.dspXmlSigningCredential(OLD_DCC),
        pki.resolve(StandaloneSimulator.DCC_CERT),
        pki.resolve(StandaloneSimulator.DCC_KEY));

    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(s.simulator().dccEui()).isEqualTo(Simulator.DCC_EUI);
      assertThat(dccFileEui(pki)).isEqualTo(Simulator.DCC_EUI);
      assertThat(described(s)).contains("DCC EUI          90-B3-D5-1F-30-00-00-02");
      assertThat(code(post(s, Simulator.DCC_EUI, "Threapwood Road"))).isEqualTo("I0");
      assertThat(code(post(s, OLD_DCC, "Threapwood Road"))).isEqualTo("E19");
    }
    try (StandaloneSimulator s = StandaloneSimulator.start(config("dcc-eui", OWN_DCC.toString()))) {
      assertThat(dccFileEui(pki)).isEqualTo(OWN_DCC);
      assertThat(described(s)).contains("DCC EUI          " + OWN_DCC);
      assertThat(code(post(s, OWN_DCC, "Threapwood Road"))).isEqualTo("I0");
      assertThat(code(post(s, Simulator.DCC_EUI, "Threapwood Road"))).isEqualTo("E19");
    }
  }

  @Test
  void aDccCertificateFileForAnotherEuiStopsTheStart() throws Exception {
    Credential old =
        TestPki.create(SimulatedClock.offset(java.time.Clock.systemUTC(), Duration.ZERO))
            .dspXmlSigningCredential(OLD_DCC);
    Path cert = data.resolve("dcc.cert.pem");
    Path key = data.resolve("dcc.key.pem");
    PemMaterial.write(old, cert, key);
    assertThatThrownBy(
            () ->
                StandaloneSimulator.start(
                        config("dcc-cert-file", cert.toString(), "dcc-key-file", key.toString()))
                    .close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Setting 'dcc-eui' is 90-B3-D5-1F-30-00-00-02 but the certificate in dcc-cert-file"
                + " belongs to 90-B3-D5-1F-30-00-00-01");
  }

  @Test
  void aDuisSchemaFileIsTheOneRequestsAreValidatedAgainst() throws Exception {
    Path stricter = stricterCopyOfTheProjectSchema();
    // The control: the project's own schema allows an address identifier of 15 characters.
    try (StandaloneSimulator s = StandaloneSimulator.start(config())) {
      assertThat(post(s, Simulator.DCC_EUI, "Threapwood Road").statusCode()).isEqualTo(200);
    }
    try (StandaloneSimulator s =
        StandaloneSimulator.start(config("duis-schema-file", stricter.toString()))) {
      HttpResponse<byte[]> refused = post(s, Simulator.DCC_EUI, "Threapwood Road");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(new String(refused.body(), StandardCharsets.UTF_8))
          .contains("not a valid DUIS request")
          .contains("maxLength");

      HttpResponse<byte[]> answered = post(s, Simulator.DCC_EUI, "Road");
      assertThat(answered.statusCode()).isEqualTo(200);
      Document answer = SecureXml.withDefaults().parse(answered.body());
      // the answer is valid under the schema the user gave, and under the project's own
      DuisSchema.fromFile(stricter).validate(answer);
      DuisSchema.builtIn().validate(answer);
      new DuisSignatureVerifier(CertificateResolver.of(s.simulator().dccCertificate()))
          .verify(answer);
    }
  }

  @Test
  void aMissingOrBrokenSchemaFileStopsTheStartWithOneLineNamingTheSetting() throws Exception {
    Path missing = schemas.resolve("absent.xsd");
    Path broken = Files.writeString(schemas.resolve("broken.xsd"), "<xs:schema xmlns:xs='nope'");
    Path notASchema = Files.writeString(schemas.resolve("html.xsd"), "<html><body/></html>");
    for (Path file : new Path[] {missing, broken, notASchema}) {
      assertThatThrownBy(
              () -> StandaloneSimulator.start(config("duis-schema-file", file.toString())).close())
          .as(file.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Setting 'duis-schema-file': ")
          .hasMessageContaining(file.getFileName().toString())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
      // nothing was created before the schema was refused
      assertThat(data.resolve("smki")).doesNotExist();
    }

    StringWriter err = new StringWriter();
    CommandLine line = DccSimCommand.commandLine();
    line.getSubcommands().get("serve").setErr(new PrintWriter(err));
    int exit =
        line.execute(
            "serve",
            "--port",
            "0",
            "--smki-port",
            "-1",
            "--control-port",
            "-1",
            "--data-dir",
            data.toString(),
            "--duis-schema-file",
            missing.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .startsWith("dccsim: cannot start: Setting 'duis-schema-file': No schema file at ")
        .doesNotContain("\n");
  }

  /** The project's XSD, copied, with the address identifier limited to 10 characters. */
  private Path stricterCopyOfTheProjectSchema() throws Exception {
    String xsd;
    try (InputStream in =
        DuisSchema.class.getResourceAsStream("/io/dccsim/core/schema/duis-sr12.xsd")) {
      xsd = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String limit =
        "<xs:element name=\"AddressIdentifier\">\n"
            + "        <xs:simpleType>\n"
            + "          <xs:restriction base=\"xs:string\">\n"
            + "            <xs:maxLength value=\"30\"/>";
    assertThat(xsd).contains(limit);
    Path copy = schemas.resolve("official-copy.xsd");
    Files.writeString(copy, xsd.replace(limit, limit.replace("\"30\"", "\"10\"")));
    return copy;
  }

  private static Eui64 dccFileEui(Path pki) {
    return CertificateProfile.read(
            PemMaterial.certificate(pki.resolve(StandaloneSimulator.DCC_CERT)))
        .eui()
        .orElseThrow();
  }

  private static String described(StandaloneSimulator s) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    s.describe(new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** An SR 12.1 for M22 0RR signed with the supplier's PEM files, addressed to {@code target}. */
  private HttpResponse<byte[]> post(StandaloneSimulator s, Eui64 target, String identifier)
      throws Exception {
    Path pki = data.resolve("pki");
    Credential supplier =
        CredentialLoader.load(
            pki.resolve(StandaloneSimulator.SUPPLIER_CERT),
            pki.resolve(StandaloneSimulator.SUPPLIER_KEY));
    DuisCodec codec = new DuisCodec();
    Document doc =
        codec.writeRequest(
            new ServiceRequest(
                SchemaVersion.V5_4,
                new RequestHeader(
                    new RequestId(Simulator.TEST_SUPPLIER_EUI, target, COUNTER.incrementAndGet()),
                    CommandVariant.NON_DEVICE,
                    ServiceReferenceVariant.REQUEST_WAN_MATRIX),
                RequestWanMatrix.byAddress(new PartialAddress("M22 0RR", identifier))));
    new DuisSigner(SigningCredential.of(supplier.privateKey(), supplier.certificate())).sign(doc);
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(s.simulator().endpoint("/api/v1/serviceD")))
            .header("Content-Type", "application/xml")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(codec.toBytes(doc)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String code(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return new DuisCodec()
        .readResponse(SecureXml.withDefaults().parse(response.body()))
        .header()
        .responseCode()
        .code();
  }
}
