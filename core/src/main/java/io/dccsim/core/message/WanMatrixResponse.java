package io.dccsim.core.message;

import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.wan.CspRegion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to SR 12.1 ({@code DSPWANMatrix}): the request echoed, then the results.
 *
 * <p>Two forms exist, chosen by the document's schema version ({@link
 * SchemaVersion#perRegionWanMatrix()}):
 *
 * <ul>
 *   <li>flat (5.0, 5.1): exactly one result, no region response code, coverage facts present and no
 *       4G region;
 *   <li>per region (5.3, 5.4): one or more results, each with its region response code and, all or
 *       nothing, the coverage facts.
 * </ul>
 *
 * This value holds either; {@link #fitsFlatForm()} and {@link #fitsPerRegionForm()} say which it
 * can be written as.
 *
 * @param request the request echoed back
 * @param results the results, at least one
 */
public record WanMatrixResponse(RequestWanMatrix request, List<RegionResult> results)
    implements ResponseBody {

  /** Checks the request is present and there is at least one result; copies the list. */
  public WanMatrixResponse {
    Objects.requireNonNull(request, "request");
    results = List.copyOf(results);
    if (results.isEmpty()) {
      throw new IllegalArgumentException("A WAN matrix answer has at least one result");
    }
  }

  /** A flat-form answer. */
  public static WanMatrixResponse flat(
      RequestWanMatrix request, CspRegion region, WanCoverage coverage) {
    return new WanMatrixResponse(request, List.of(RegionResult.flat(region, coverage)));
  }

  /** A per-region answer. */
  public static WanMatrixResponse perRegion(RequestWanMatrix request, List<RegionResult> results) {
    return new WanMatrixResponse(request, results);
  }

  @Override
  public Optional<ServiceReferenceVariant> serviceReferenceVariant() {
    return Optional.of(ServiceReferenceVariant.REQUEST_WAN_MATRIX);
  }

  /** Whether this can be written in the flat form of schema 5.0 and 5.1. */
  public boolean fitsFlatForm() {
    if (results.size() != 1) {
      return false;
    }
    RegionResult r = results.get(0);
    return r.responseCode().isEmpty() && r.coverage().isPresent() && !r.region().is4G();
  }

  /** Whether this can be written in the per-region form of schema 5.3 on. */
  public boolean fitsPerRegionForm() {
    return results.stream().allMatch(r -> r.responseCode().isPresent());
  }

  /** Whether this can be written in the form {@code version} uses. */
  public boolean fits(SchemaVersion version) {
    return version.perRegionWanMatrix() ? fitsPerRegionForm() : fitsFlatForm();
  }
}
