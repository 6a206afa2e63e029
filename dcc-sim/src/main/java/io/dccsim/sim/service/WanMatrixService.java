package io.dccsim.sim.service;

import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.PartialAddress;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.release.Modification;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.wan.WanTechnology;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.CoverageReporting;
import io.dccsim.sim.coverage.RegionAnswer;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * SR 12.1 Request WAN Matrix: asks the coverage model about a UPRN or a postcode and address
 * identifier and answers {@code DSPWANMatrix}.
 *
 * <p>For schema 5.3 and later, one {@code DSPWANMatrixResponse} per region answer, each with {@code
 * CSPRegionResponseCode} {@code I0}. For 5.0 to 5.2 the flat form with the first region answer; a
 * 4G region (which 5.0 to 5.2 cannot name) is written as its CSP's region. Not found, invalid
 * postcode and unavailable are the SR's own codes E120101, E120102 and E120103, with no {@code
 * DSPWANMatrix}. Dates and the unconfirmed WAN variant follow {@link CoverageReporting} (MP146,
 * MP106).
 */
public final class WanMatrixService implements ServiceHandler {
  private final Supplier<CoverageModel> coverage;
  private final boolean writeUnknownLiterally;

  /**
   * @param coverage the model in force (asked per request, so it can be replaced at runtime)
   * @param writeUnknownLiterally write {@code Unknown} instead of {@code " "} (MP106 setting)
   */
  public WanMatrixService(Supplier<CoverageModel> coverage, boolean writeUnknownLiterally) {
    this.coverage = Objects.requireNonNull(coverage, "coverage");
    this.writeUnknownLiterally = writeUnknownLiterally;
  }

  @Override
  public ServiceReferenceVariant variant() {
    return ServiceReferenceVariant.REQUEST_WAN_MATRIX;
  }

  /** The question a 12.1 request asks. */
  public static CoverageQuestion question(ParsedRequest request) {
    if (!(request.message().body() instanceof RequestWanMatrix body)) {
      throw new MalformedRequestException("SR 12.1 takes a RequestWANMatrix body");
    }
    if (body.uprn().isPresent()) {
      return new CoverageQuestion.ByUprn(body.uprn().get().value());
    }
    PartialAddress address = body.partialAddress().orElseThrow();
    return new CoverageQuestion.ByAddress(address.postCode(), address.addressIdentifier());
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    CoverageQuestion question = question(request);
    CoverageAnswer answer = coverage.get().answer(question);
    if (!(answer instanceof CoverageAnswer.Regions regions)) {
      return new ServiceAnswer(ResponseCode.parse(answer.responseCode()), NoBody.INSTANCE);
    }
    CoverageReporting rules =
        new CoverageReporting(
            context.baseline().isInForce(Modification.MP146), writeUnknownLiterally);
    List<RegionAnswer> reported = regions.regions().stream().map(rules::reported).toList();
    List<RegionResult> results;
    if (request.schemaVersion().perRegionWanMatrix()) {
      results =
          reported.stream()
              .map(r -> RegionResult.of(r.region(), ResponseCode.I0, coverage(r)))
              .toList();
    } else {
      RegionAnswer first = reported.get(0);
      results = List.of(RegionResult.flat(flatRegion(first.region()), coverage(first)));
    }
    return new ServiceAnswer(
        ResponseCode.I0,
        new WanMatrixResponse((RequestWanMatrix) request.message().body(), results));
  }

  private static WanCoverage coverage(RegionAnswer r) {
    return new WanCoverage(
        r.covered(),
        r.anticipatedDate(),
        WanTechnology.of(r.wanTechnology()),
        r.likelihood(),
        r.auxiliaryEquipment(),
        r.additionalInformation());
  }

  private static CspRegion flatRegion(CspRegion region) {
    return switch (region) {
      case NORTH_4G -> CspRegion.NORTH;
      case CENTRAL_4G -> CspRegion.CENTRAL;
      case SOUTH_4G -> CspRegion.SOUTH;
      default -> region;
    };
  }
}
