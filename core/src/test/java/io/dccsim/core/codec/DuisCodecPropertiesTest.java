package io.dccsim.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestBody;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.ConnectivityLikelihood;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.core.xml.SecureXml;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DuisCodecPropertiesTest {
  private final DuisCodec codec = new DuisCodec();

  private Document throughBytes(Document d) {
    return SecureXml.withDefaults().parse(codec.toBytes(d));
  }

  /** Text XML can carry, including the whitespace a parser would normalise if mishandled. */
  static StringArbitrary xmlText() {
    return Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars('\t', '\n', '\r', ' ');
  }

  static Arbitrary<RequestId> requestIds() {
    Arbitrary<Eui64> euis = Arbitraries.longs().map(Eui64::of);
    return Combinators.combine(euis, euis, Arbitraries.longs()).as(RequestId::new);
  }

  static Arbitrary<SchemaVersion> versions() {
    return Arbitraries.of(
        SchemaVersion.V5_0, SchemaVersion.V5_1, SchemaVersion.V5_3, SchemaVersion.V5_4);
  }

  static Arbitrary<RequestWanMatrix> wanMatrixRequests() {
    Arbitrary<RequestWanMatrix> byUprn =
        Arbitraries.longs().between(1, Uprn.MAX).map(v -> RequestWanMatrix.byUprn(Uprn.of(v)));
    Arbitrary<RequestWanMatrix> byAddress =
        Combinators.combine(xmlText().ofMinLength(1).ofMaxLength(8), xmlText().ofMaxLength(30))
            .as((p, a) -> RequestWanMatrix.byAddress(new PartialAddress(p, a)));
    return Arbitraries.oneOf(byUprn, byAddress);
  }

  static Arbitrary<RequestBody> rawRequestBodies() {
    return xmlText()
        .ofMaxLength(40)
        .map(
            text -> {
              Document d = SecureXml.newDocument();
              Element e = d.createElementNS("urn:example:other", "o:ReadRegisters");
              e.setAttributeNS("urn:example:attr", "a:mode", text);
              e.appendChild(d.createTextNode(text));
              d.appendChild(e);
              return RawRequestBody.of(e);
            });
  }

  @Provide
  Arbitrary<ServiceRequest> requests() {
    Arbitrary<ServiceReferenceVariant> variants =
        Combinators.combine(
                Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(0, 99))
            .as((a, b, c) -> new ServiceReferenceVariant(new ServiceReference(a, b), c));
    Arbitrary<RequestHeader> headers =
        Combinators.combine(
                requestIds(),
                Arbitraries.of(true, false).optional(),
                requestIds().optional(),
                Arbitraries.of(CommandVariant.class),
                variants)
            .as(RequestHeader::new);
    Arbitrary<RequestBody> bodies =
        Arbitraries.oneOf(wanMatrixRequests().map(RequestBody.class::cast), rawRequestBodies());
    return Combinators.combine(versions(), headers, bodies).as(ServiceRequest::new);
  }

  @Property(tries = 300)
  void requestsRoundTrip(@ForAll("requests") ServiceRequest request) {
    Document doc = throughBytes(codec.writeRequest(request));
    assertThat(codec.readRequest(doc)).isEqualTo(request);
  }

  static Arbitrary<ResponseCode> codes() {
    return Arbitraries.oneOf(
        Arbitraries.of(List.copyOf(ResponseCode.known())),
        Combinators.combine(
                Arbitraries.of("E", "W"),
                Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(1, 99),
                Arbitraries.integers().between(0, 99))
            .as((l, a, b, c) -> ResponseCode.parse(String.format("%s%02d%02d%02d", l, a, b, c))));
  }

  static Arbitrary<WanCoverage> coverages() {
    Arbitrary<LocalDate> dates =
        Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.of(2000, 1, 1).plusDays(d));
    return Combinators.combine(
            Arbitraries.of(true, false),
            dates.optional(),
            xmlText().ofMaxLength(30).map(WanTechnology::of),
            Arbitraries.of(ConnectivityLikelihood.class),
            xmlText().ofMaxLength(50).optional(),
            xmlText().ofMaxLength(250).optional())
        .as(WanCoverage::new);
  }

  static Arbitrary<ResponseHeader> responseHeaders() {
    Arbitrary<Instant> times =
        Arbitraries.longs()
            .between(0, 4_102_444_800_000_000_000L)
            .map(n -> Instant.EPOCH.plusNanos(n));
    return Combinators.combine(requestIds().optional(), requestIds().optional(), codes(), times)
        .as(ResponseHeader::new);
  }

  @Provide
  Arbitrary<ServiceResponse> flatResponses() {
    Arbitrary<CspRegion> regions = Arbitraries.of(CspRegion.class).filter(r -> !r.is4G());
    Arbitrary<ResponseBody> bodies =
        Combinators.combine(wanMatrixRequests(), regions, coverages()).as(WanMatrixResponse::flat);
    return Combinators.combine(
            Arbitraries.of(SchemaVersion.V5_0, SchemaVersion.V5_1), responseHeaders(), bodies)
        .as(ServiceResponse::new);
  }

  @Provide
  Arbitrary<ServiceResponse> perRegionResponses() {
    Arbitrary<RegionResult> results =
        Combinators.combine(Arbitraries.of(CspRegion.class), codes(), coverages().optional())
            .as((r, c, cov) -> new RegionResult(r, Optional.of(c), cov));
    Arbitrary<ResponseBody> bodies =
        Combinators.combine(wanMatrixRequests(), results.list().ofMinSize(1).ofMaxSize(8))
            .as(WanMatrixResponse::perRegion);
    return Combinators.combine(
            Arbitraries.of(SchemaVersion.V5_3, SchemaVersion.V5_4), responseHeaders(), bodies)
        .as(ServiceResponse::new);
  }

  @Provide
  Arbitrary<ServiceResponse> otherResponses() {
    Arbitrary<ResponseBody> raw =
        xmlText()
            .ofMaxLength(40)
            .map(
                text -> {
                  Document d = SecureXml.newDocument();
                  Element e = d.createElementNS(DuisXml.NAMESPACE, "sr:ReadRegistersResponse");
                  e.appendChild(d.createTextNode(text));
                  d.appendChild(e);
                  return RawResponseBody.of(ServiceReferenceVariant.parse("4.1.1"), e);
                });
    Arbitrary<ResponseBody> bodies = Arbitraries.oneOf(raw, Arbitraries.just(NoBody.INSTANCE));
    return Combinators.combine(versions(), responseHeaders(), bodies).as(ServiceResponse::new);
  }

  @Property(tries = 300)
  void flatAnswersRoundTrip(@ForAll("flatResponses") ServiceResponse response) {
    assertThat(codec.readResponse(throughBytes(codec.writeResponse(response)))).isEqualTo(response);
  }

  @Property(tries = 150)
  void perRegionAnswersRoundTrip(@ForAll("perRegionResponses") ServiceResponse response) {
    assertThat(codec.readResponse(throughBytes(codec.writeResponse(response)))).isEqualTo(response);
  }

  @Property(tries = 200)
  void otherResponsesRoundTrip(@ForAll("otherResponses") ServiceResponse response) {
    assertThat(codec.readResponse(throughBytes(codec.writeResponse(response)))).isEqualTo(response);
  }
}
