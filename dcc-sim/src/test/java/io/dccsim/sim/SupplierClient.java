package io.dccsim.sim;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.smki.pki.Credential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.w3c.dom.Document;

/** A supplier's side of the conversation, built from core's codec and signature classes. */
final class SupplierClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() & 0xffff_ffffL);

  private final String baseUrl;
  private final Credential credential;
  private final Eui64 originator;
  private final X509Certificate dccCertificate;
  private final DuisCodec codec = new DuisCodec();

  SupplierClient(String baseUrl, Credential credential, Eui64 originator, X509Certificate dcc) {
    this.baseUrl = baseUrl;
    this.credential = credential;
    this.originator = originator;
    this.dccCertificate = dcc;
  }

  /** The simulator's own test supplier, talking to it. */
  static SupplierClient testSupplierOf(Simulator dcc) {
    return new SupplierClient(
        dcc.baseUrl(),
        dcc.testSupplier().credential(),
        dcc.testSupplier().eui(),
        dcc.dccCertificate());
  }

  static RequestWanMatrix byAddress(String postcode, String identifier) {
    return RequestWanMatrix.byAddress(new PartialAddress(postcode, identifier));
  }

  static RequestWanMatrix byUprn(long uprn) {
    return RequestWanMatrix.byUprn(Uprn.of(uprn));
  }

  RequestId nextId() {
    return new RequestId(originator, Simulator.DCC_EUI, COUNTER.incrementAndGet());
  }

  /** A signed request document. */
  byte[] signed(
      SchemaVersion version,
      RequestId id,
      CommandVariant cv,
      ServiceReferenceVariant srv,
      RequestBody body) {
    Document doc =
        codec.writeRequest(
            new ServiceRequest(
                version, new RequestHeader(id, Optional.empty(), Optional.empty(), cv, srv), body));
    new DuisSigner(SigningCredential.of(credential.privateKey(), credential.certificate()))
        .sign(doc);
    return codec.toBytes(doc);
  }

  /** The next Request ID of this User to {@code device}. */
  RequestId nextIdTo(Eui64 device) {
    return new RequestId(originator, device, COUNTER.incrementAndGet());
  }

  /** A signed SR 4.1.1 Read Instantaneous Import Registers, command variant {@code cv}. */
  byte[] readRegisters(RequestId id, CommandVariant cv) {
    return signed(
        SchemaVersion.V5_4,
        id,
        cv,
        ServiceReferenceVariant.parse("4.1.1"),
        io.dccsim.core.message.RawRequestBody.emptyElement("ReadInstantaneousImportRegisters"));
  }

  /**
   * A signed SR 5.1 Create Schedule: a daily SR 4.6.1 read log of {@code device} from {@code
   * startDate} (yyyy-mm-dd).
   */
  byte[] dailyReadLogSchedule(Eui64 device, String startDate) {
    String body =
        "<sr:CreateSchedule xmlns:sr=\""
            + io.dccsim.sim.pipeline.Duis.NS
            + "\"><sr:ScheduleFrequency>Daily</sr:ScheduleFrequency>"
            + "<sr:ScheduleStartDate>"
            + startDate
            + "</sr:ScheduleStartDate>"
            + "<sr:DSPScheduledServiceReference>4.6</sr:DSPScheduledServiceReference>"
            + "<sr:DSPScheduledServiceReferenceVariant>4.6.1</sr:DSPScheduledServiceReferenceVariant>"
            + "<sr:DeviceID>"
            + device
            + "</sr:DeviceID><sr:RetrieveDailyReadLog/></sr:CreateSchedule>";
    return signed(
        SchemaVersion.V5_4,
        nextId(),
        CommandVariant.NON_DEVICE,
        ServiceReferenceVariant.parse("5.1"),
        io.dccsim.core.message.RawRequestBody.of(
            SecureXml.withDefaults()
                .parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .getDocumentElement()));
  }

  byte[] wanMatrix(SchemaVersion version, RequestWanMatrix body) {
    return signed(
        version,
        nextId(),
        CommandVariant.NON_DEVICE,
        ServiceReferenceVariant.REQUEST_WAN_MATRIX,
        body);
  }

  HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/xml")
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts to serviceD, checks HTTP 200, verifies the DCC's signature and reads the answer. */
  ServiceResponse send(byte[] body) throws Exception {
    return send("/api/v1/serviceD", body);
  }

  ServiceResponse send(String path, byte[] body) throws Exception {
    HttpResponse<byte[]> response = post(path, body);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "HTTP " + response.statusCode() + ": " + new String(response.body()));
    }
    return verifyAndRead(response.body());
  }

  ServiceResponse verifyAndRead(byte[] bytes) {
    Document doc = SecureXml.withDefaults().parse(bytes);
    new DuisSignatureVerifier(CertificateResolver.of(dccCertificate)).verify(doc);
    return codec.readResponse(doc);
  }
}
