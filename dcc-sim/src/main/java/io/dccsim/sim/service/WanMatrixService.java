package io.dccsim.sim.service;

import io.dccsim.core.release.Modification;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.Uprn;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.sim.coverage.CoverageAnswer;
import io.dccsim.sim.coverage.CoverageModel;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.coverage.CoverageReporting;
import io.dccsim.sim.coverage.RegionAnswer;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.pipeline.ResponseBody;
import io.dccsim.sim.pipeline.ResponseWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SR 12.1 Request WAN Matrix: asks the coverage model about a UPRN or a postcode and address
 * identifier and answers {@code DSPWANMatrix}.
 *
 * <p>For schema 5.3 and later, one {@code DSPWANMatrixResponse} per region answer, each with {@code
 * CSPRegionResponseCode} {@code I0}. For 5.0 and 5.1 the flat form with the first region answer; a
 * 4G region (which 5.0/5.1 cannot name) is written as its CSP's region. Not found, invalid postcode
 * and unavailable are the SR's own codes E120101, E120102 and E120103, with no {@code
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
    Element body = request.body();
    if (!"RequestWANMatrix".equals(body.getLocalName())) {
      throw new MalformedRequestException("SR 12.1 takes a RequestWANMatrix body");
    }
    Optional<String> uprn = Duis.text(body, "UPRN");
    if (uprn.isPresent()) {
      try {
        return new CoverageQuestion.ByUprn(Uprn.parse(uprn.get()).value());
      } catch (IllegalArgumentException e) {
        throw new MalformedRequestException("UPRN is a positive integer of up to 12 digits");
      }
    }
    Element address =
        Duis.child(body, "PartialAddress")
            .orElseThrow(
                () ->
                    new MalformedRequestException("RequestWANMatrix holds UPRN or PartialAddress"));
    String postcode =
        Duis.text(address, "PostCode")
            .orElseThrow(() -> new MalformedRequestException("PartialAddress lacks PostCode"));
    String identifier =
        Duis.text(address, "AddressIdentifier")
            .orElseThrow(
                () -> new MalformedRequestException("PartialAddress lacks AddressIdentifier"));
    if (postcode.length() > 8 || identifier.length() > 30) {
      throw new MalformedRequestException(
          "PostCode is up to 8, AddressIdentifier up to 30 characters");
    }
    return new CoverageQuestion.ByAddress(postcode, identifier);
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    CoverageQuestion question = question(request);
    CoverageAnswer answer = coverage.get().answer(question);
    if (!(answer instanceof CoverageAnswer.Regions regions)) {
      return new ServiceAnswer(answer.responseCode(), ResponseBody.NONE);
    }
    CoverageReporting rules =
        new CoverageReporting(
            context.baseline().isInForce(Modification.MP146), writeUnknownLiterally);
    List<RegionAnswer> reported = regions.regions().stream().map(rules::reported).toList();
    SchemaVersion version = request.schemaVersion();
    Element echo = request.body();
    return new ServiceAnswer(
        "I0",
        message -> {
          Element matrix = ResponseWriter.add(message, "DSPWANMatrix");
          Element req = ResponseWriter.add(matrix, "Request");
          for (Element part : Duis.children(echo)) {
            Node copy = message.getOwnerDocument().importNode(part, true);
            req.appendChild(copy);
          }
          if (version.perRegionWanMatrix()) {
            for (RegionAnswer r : reported) {
              Element each = ResponseWriter.add(matrix, "DSPWANMatrixResponse");
              ResponseWriter.add(each, "CSPRegion").setTextContent(r.region().xmlText());
              ResponseWriter.add(each, "CSPRegionResponseCode").setTextContent("I0");
              writeDetails(each, r);
            }
          } else {
            RegionAnswer first = reported.get(0);
            ResponseWriter.add(matrix, "CSPRegion")
                .setTextContent(flatRegion(first.region()).xmlText());
            writeDetails(matrix, first);
          }
        });
  }

  private static CspRegion flatRegion(CspRegion region) {
    return switch (region) {
      case NORTH_4G -> CspRegion.NORTH;
      case CENTRAL_4G -> CspRegion.CENTRAL;
      case SOUTH_4G -> CspRegion.SOUTH;
      default -> region;
    };
  }

  private static void writeDetails(Element parent, RegionAnswer r) {
    ResponseWriter.add(parent, "CoverageAvailability")
        .setTextContent(Boolean.toString(r.covered()));
    r.anticipatedDate()
        .ifPresent(
            d ->
                ResponseWriter.add(parent, "AnticipatedCoverageDate").setTextContent(d.toString()));
    ResponseWriter.add(parent, "WANTechnology").setTextContent(r.wanTechnology());
    ResponseWriter.add(parent, "ConnectivityLikelihood").setTextContent(r.likelihood().xmlText());
    r.auxiliaryEquipment()
        .ifPresent(a -> ResponseWriter.add(parent, "AuxiliaryEquipmentRequired").setTextContent(a));
    r.additionalInformation()
        .ifPresent(a -> ResponseWriter.add(parent, "AdditionalInformation").setTextContent(a));
  }
}
