package io.dccsim.core.client;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.codec.DuisFormatException;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.release.Baseline;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlLimits;
import io.dccsim.core.xml.XmlRejectedException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.w3c.dom.Document;

/**
 * A DUIS User's client: builds Service Requests with fresh Request IDs, signs them with the User's
 * credential, sends them through a {@link DuisTransport}, and returns only responses whose
 * signature is the DCC's, read into typed values.
 *
 * <pre>{@code
 * DuisClient client = DuisClient.builder()
 *     .user(Eui64.parse("90-B3-D5-1F-30-01-00-00"), credential)
 *     .dcc(Eui64.parse("00-DB-12-34-56-78-90-A0"), dccXmlSignCertificate)
 *     .transport(HttpDuisTransport.builder(URI.create("http://127.0.0.1:8079")).build())
 *     .build();
 * WanMatrixResult result =
 *     client.requestWanMatrix(PartialAddress.of(Postcode.parse("M22 0RR"), "Threapwood Road"));
 * }</pre>
 *
 * <p>Thread-safe: Request ID counters come from one {@link RequestCounter}.
 */
public final class DuisClient {
  private static final int MAX_SERVER_MESSAGE = 200;

  private final Eui64 userId;
  private final Eui64 dccId;
  private final DuisSigner signer;
  private final DuisSignatureVerifier verifier;
  private final DuisTransport transport;
  private final RequestCounter counter;
  private final Baseline baseline;
  private final SchemaVersion schemaVersion;
  private final boolean inOrder;
  private final SecureXml xml;
  private final DuisCodec codec = new DuisCodec();

  private DuisClient(Builder b) {
    this.userId = Objects.requireNonNull(b.userId, "user");
    this.dccId = Objects.requireNonNull(b.dccId, "dcc");
    this.signer = new DuisSigner(Objects.requireNonNull(b.credential, "user credential"));
    this.verifier =
        new DuisSignatureVerifier(Objects.requireNonNull(b.dccResolver, "DCC certificate"));
    this.transport = Objects.requireNonNull(b.transport, "transport");
    this.counter =
        b.counter != null ? b.counter : RequestCounter.fromClock(Objects.requireNonNull(b.clock));
    this.baseline = b.baseline;
    this.schemaVersion = b.schemaVersion;
    this.inOrder = b.inOrder;
    this.xml = SecureXml.withLimits(b.limits);
  }

  /** A builder; user, DCC and transport are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The baseline WAN variants are interpreted under. */
  public Baseline baseline() {
    return baseline;
  }

  /** SR 12.1 for the premises with {@code uprn}. */
  public WanMatrixResult requestWanMatrix(Uprn uprn) {
    return requestWanMatrix(RequestWanMatrix.byUprn(uprn));
  }

  /** SR 12.1 for the premises at {@code address}. */
  public WanMatrixResult requestWanMatrix(PartialAddress address) {
    return requestWanMatrix(RequestWanMatrix.byAddress(address));
  }

  /**
   * Sends SR 12.1 and interprets each result's WAN variant under the client's baseline.
   *
   * @throws DuisClientException when no verified SR 12.1 response came back
   */
  public WanMatrixResult requestWanMatrix(RequestWanMatrix body) {
    Exchange sent =
        exchange(
            () ->
                newRequest(
                    ServiceReferenceVariant.REQUEST_WAN_MATRIX,
                    CommandVariant.NON_DEVICE,
                    dccId,
                    body));
    ServiceRequest request = sent.request();
    ServiceResponse response = sent.response();
    List<WanMatrixEntry> entries = new ArrayList<>();
    if (response.body() instanceof WanMatrixResponse matrix) {
      matrix
          .results()
          .forEach(
              r ->
                  entries.add(
                      new WanMatrixEntry(
                          r, r.coverage().map(c -> c.wanTechnology().interpret(baseline)))));
    } else if (response.body() != NoBody.INSTANCE && !namesOnly(response.body())) {
      throw new InvalidResponseException(
          "the answer to SR 12.1 carries another kind of body: " + response.body(), null);
    }
    return new WanMatrixResult(request, response, entries);
  }

  /** An SR 12.1 ResponseMessage with nothing more than its SR and SRV, as refusals carry. */
  private static boolean namesOnly(ResponseBody body) {
    return body instanceof RawResponseBody raw
        && !raw.hasElement()
        && raw.variant().equals(ServiceReferenceVariant.REQUEST_WAN_MATRIX);
  }

  /**
   * A request from this User with the next Request ID, in the client's schema version.
   *
   * @param target the device, or the DCC ({@link #dccId()}) for non-device requests
   */
  public ServiceRequest newRequest(
      ServiceReferenceVariant variant,
      CommandVariant commandVariant,
      Eui64 target,
      RequestBody body) {
    RequestId id = new RequestId(userId, target, counter.next());
    return new ServiceRequest(schemaVersion, new RequestHeader(id, commandVariant, variant), body);
  }

  /**
   * Builds a request and sends it. In order ({@link Builder#inOrder}), no other client sharing the
   * counter takes a counter until this answer is back, so requests reach the DCC in counter order.
   */
  private Exchange exchange(Supplier<ServiceRequest> build) {
    if (!inOrder) {
      ServiceRequest request = build.get();
      return new Exchange(request, send(request));
    }
    counter.sendOrder.lock();
    try {
      ServiceRequest request = build.get();
      return new Exchange(request, send(request));
    } finally {
      counter.sendOrder.unlock();
    }
  }

  private record Exchange(ServiceRequest request, ServiceResponse response) {}

  /** The DCC's EUI-64, the target of non-device requests. */
  public Eui64 dccId() {
    return dccId;
  }

  /**
   * Signs {@code request}, posts it to the web service its command variant uses, and returns the
   * verified response.
   *
   * @throws DuisTransportException when no answer arrived
   * @throws DuisHttpException when the answer's status is not 2xx
   * @throws ResponseVerificationException when the answer is refused or not signed by the DCC
   * @throws InvalidResponseException when the signed answer is not a response to this request
   */
  public ServiceResponse send(ServiceRequest request) {
    Objects.requireNonNull(request, "request");
    Document document = codec.writeRequest(request);
    signer.sign(document);
    byte[] bytes = codec.toBytes(document);
    TransportResponse reply =
        transport.post(request.header().commandVariant().webService().path(), bytes);
    if (!reply.isSuccess()) {
      throw new DuisHttpException(reply.status(), shortMessage(reply.body()));
    }
    Document answer;
    try {
      answer = xml.parse(reply.body());
    } catch (XmlRejectedException e) {
      throw new ResponseVerificationException(
          "the answer was refused (" + e.reason() + "): " + e.getMessage(), e);
    }
    try {
      verifier.verify(answer);
    } catch (SignatureRejectedException e) {
      throw new ResponseVerificationException(
          "the answer's signature was refused (" + e.reason() + "): " + e.getMessage(), e);
    }
    ServiceResponse response;
    try {
      response = codec.readResponse(answer);
    } catch (DuisFormatException e) {
      throw new InvalidResponseException("the answer is not a DUIS response: " + e.getMessage(), e);
    }
    Optional<RequestId> answered = response.header().requestId();
    if (answered.isPresent() && !answered.get().equals(request.header().requestId())) {
      throw new InvalidResponseException(
          "the answer is to " + answered.get() + ", not to " + request.header().requestId(), null);
    }
    return response;
  }

  /**
   * Sends {@code request} as {@link #send} does, the DCC's asynchronous way: when the DCC
   * acknowledges it {@code I99}, the returned {@link AsyncResponse#response()} completes once the
   * signed response reaches {@code receiver} (which must be this User's registered receiving
   * endpoint); any other answer is final at once. A response that arrives before the
   * acknowledgement is kept by the receiver, so none is missed.
   *
   * @throws DuisTransportException when no answer arrived
   * @throws DuisHttpException when the answer's status is not 2xx
   * @throws ResponseVerificationException when the answer is refused or not signed by the DCC
   * @throws InvalidResponseException when the signed answer is not a response to this request
   */
  public AsyncResponse sendAsync(ServiceRequest request, ResponseReceiver receiver) {
    Objects.requireNonNull(receiver, "receiver");
    ServiceResponse acknowledgement = send(request);
    AsyncResponse r =
        new AsyncResponse(acknowledgement, CompletableFuture.completedFuture(acknowledgement));
    return r.isAcknowledged()
        ? new AsyncResponse(acknowledgement, receiver.response(request.header().requestId()))
        : r;
  }

  private static String shortMessage(byte[] body) {
    String s =
        new String(body, 0, Math.min(body.length, 4 * MAX_SERVER_MESSAGE), StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length() && b.length() < MAX_SERVER_MESSAGE; i++) {
      char c = s.charAt(i);
      b.append(Character.isISOControl(c) ? ' ' : c);
    }
    return b.toString().strip();
  }

  /** Builds a {@link DuisClient}. */
  public static final class Builder {
    private Eui64 userId;
    private SigningCredential credential;
    private Eui64 dccId;
    private CertificateResolver dccResolver;
    private DuisTransport transport;
    private Clock clock = Clock.systemUTC();
    private RequestCounter counter;
    private Baseline baseline = Baseline.JUNE_2021;
    private boolean inOrder;
    private SchemaVersion schemaVersion = SchemaVersion.V5_1;
    private XmlLimits limits = XmlLimits.DEFAULTS;

    private Builder() {}

    /** The User's EUI-64 (the Request ID originator) and its XML-signing credential. */
    public Builder user(Eui64 id, SigningCredential xmlSignCredential) {
      this.userId = Objects.requireNonNull(id, "id");
      this.credential = Objects.requireNonNull(xmlSignCredential, "xmlSignCredential");
      return this;
    }

    /** The DCC's EUI-64 and the {@code dspXmlSign} certificate its responses are signed with. */
    public Builder dcc(Eui64 id, X509Certificate dspXmlSignCertificate) {
      return dcc(id, CertificateResolver.of(dspXmlSignCertificate));
    }

    /** The DCC's EUI-64 and a resolver of the certificates its responses may be signed with. */
    public Builder dcc(Eui64 id, CertificateResolver resolver) {
      this.dccId = Objects.requireNonNull(id, "id");
      this.dccResolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** How requests reach the DCC. */
    public Builder transport(DuisTransport value) {
      this.transport = Objects.requireNonNull(value, "transport");
      return this;
    }

    /** The clock Request ID counters follow (default: the system clock, UTC). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /** A counter to use instead of one following the clock (for example a shared one). */
    public Builder counter(RequestCounter value) {
      this.counter = Objects.requireNonNull(value, "counter");
      return this;
    }

    /**
     * Whether requests are sent one at a time across every client sharing the {@link #counter}
     * (default false). The DCC refuses a counter that is not above the last one it accepted from
     * the User, so concurrent senders for one User can overtake each other on the wire and be
     * refused; in order, they take turns instead. Applies to the request methods that build their
     * own request ({@code requestWanMatrix}); {@link DuisClient#send} sends what it is given.
     */
    public Builder inOrder(boolean value) {
      this.inOrder = value;
      return this;
    }

    /** The SEC baseline WAN variants are read under (default {@link Baseline#JUNE_2021}). */
    public Builder baseline(Baseline value) {
      this.baseline = Objects.requireNonNull(value, "baseline");
      return this;
    }

    /** The schema version requests are written in (default 5.1). */
    public Builder schemaVersion(SchemaVersion value) {
      this.schemaVersion = Objects.requireNonNull(value, "schemaVersion");
      return this;
    }

    /** Limits for parsing answers (default {@link XmlLimits#DEFAULTS}). */
    public Builder limits(XmlLimits value) {
      this.limits = Objects.requireNonNull(value, "limits");
      return this;
    }

    /** The client. */
    public DuisClient build() {
      return new DuisClient(this);
    }
  }
}
