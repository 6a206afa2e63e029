package io.dccsim.sim.scenario;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.journal.internal.PostcodeKey;
import io.dccsim.sim.spi.RequestFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which authenticated requests a scenario applies to. Unset criteria match anything; {@link #any()}
 * matches every request.
 *
 * @param postcode the SR 12.1 postcode, canonical ({@code M22 0RR})
 * @param uprn the SR 12.1 UPRN, decimal without leading zeros
 * @param originator the RequestID's originator
 * @param serviceReference the Service Reference, e.g. {@code 12.1}
 * @param target the RequestID's target: the device a device request is sent to
 */
public record RequestSelector(
    Optional<String> postcode,
    Optional<String> uprn,
    Optional<Eui64> originator,
    Optional<String> serviceReference,
    Optional<Eui64> target) {

  /** Validates and normalises. */
  public RequestSelector {
    postcode = Objects.requireNonNull(postcode, "postcode").map(PostcodeKey::canonical);
    uprn = Objects.requireNonNull(uprn, "uprn").map(RequestSelector::canonicalUprn);
    Objects.requireNonNull(originator, "originator");
    serviceReference =
        Objects.requireNonNull(serviceReference, "serviceReference").map(String::strip);
    Objects.requireNonNull(target, "target");
  }

  /** Matching requests without regard to their target. */
  public RequestSelector(
      Optional<String> postcode,
      Optional<String> uprn,
      Optional<Eui64> originator,
      Optional<String> serviceReference) {
    this(postcode, uprn, originator, serviceReference, Optional.empty());
  }

  /** Every request. */
  public static RequestSelector any() {
    return new RequestSelector(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** This selector narrowed to a postcode. */
  public RequestSelector withPostcode(String postcode) {
    return new RequestSelector(Optional.of(postcode), uprn, originator, serviceReference, target);
  }

  /** This selector narrowed to a UPRN. */
  public RequestSelector withUprn(String uprn) {
    return new RequestSelector(postcode, Optional.of(uprn), originator, serviceReference, target);
  }

  /** This selector narrowed to an originator. */
  public RequestSelector withOriginator(Eui64 originator) {
    return new RequestSelector(postcode, uprn, Optional.of(originator), serviceReference, target);
  }

  /** This selector narrowed to a Service Reference. */
  public RequestSelector withServiceReference(String serviceReference) {
    return new RequestSelector(postcode, uprn, originator, Optional.of(serviceReference), target);
  }

  /** This selector narrowed to requests whose RequestID names {@code target} (a device). */
  public RequestSelector withTarget(Eui64 target) {
    return new RequestSelector(postcode, uprn, originator, serviceReference, Optional.of(target));
  }

  /** Whether the request described by {@code facts} is selected. */
  public boolean matches(RequestFacts facts) {
    return (postcode.isEmpty() || postcode.equals(facts.postcode().map(PostcodeKey::canonical)))
        && (uprn.isEmpty() || uprn.equals(facts.uprn().map(RequestSelector::canonicalUprn)))
        && (originator.isEmpty() || originator.equals(facts.originator()))
        && (serviceReference.isEmpty()
            || serviceReference.equals(facts.serviceReference().map(String::strip)))
        && (target.isEmpty()
            || target.equals(facts.requestId().flatMap(RequestSelector::targetOf)));
  }

  /** E.g. {@code SR 12.1 requests for postcode M22 0RR}, or {@code any request}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    serviceReference.ifPresent(sr -> parts.add("SR " + sr + " requests"));
    postcode.ifPresent(p -> parts.add("for postcode " + p));
    uprn.ifPresent(u -> parts.add("for UPRN " + u));
    originator.ifPresent(o -> parts.add("from " + o));
    target.ifPresent(t -> parts.add("to " + t));
    if (parts.isEmpty()) {
      return "any request";
    }
    if (serviceReference.isEmpty()) {
      parts.add(0, "requests");
    }
    return String.join(" ", parts);
  }

  private static Optional<Eui64> targetOf(String requestId) {
    try {
      return Optional.of(io.dccsim.core.value.RequestId.parse(requestId).target());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String canonicalUprn(String uprn) {
    String s = uprn.strip();
    int i = 0;
    while (i < s.length() - 1 && s.charAt(i) == '0') {
      i++;
    }
    return s.substring(i);
  }
}
