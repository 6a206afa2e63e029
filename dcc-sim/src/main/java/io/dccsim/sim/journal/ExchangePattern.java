package io.dccsim.sim.journal;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.journal.internal.PostcodeKey;
import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Which exchanges a query or verification is about, written in the test's words:
 *
 * <pre>{@code
 * wanMatrixRequests().forPostcode("M22 0RR").from(supplierEui).withResponseCode("I0")
 * }</pre>
 *
 * <p>Immutable: every method returns a new pattern. Criteria left unset match anything. The time
 * window ({@link #receivedSince}, {@link #receivedBefore}) uses the simulator's clock, as recorded
 * in {@link Exchange#receivedAt()}; {@link #afterSequence} uses the server's exchange sequence.
 */
public final class ExchangePattern {
  private static final ExchangePattern ANY = new ExchangePattern(new Draft(null));

  private final String path;
  private final String serviceReference;
  private final String variant;
  private final Eui64 target;
  private final String postcode;
  private final String uprn;
  private final Eui64 originator;
  private final Verdict verdict;
  private final String responseCode;
  private final Integer httpStatus;
  private final Instant since;
  private final Instant before;
  private final long afterSequence;

  private ExchangePattern(Draft d) {
    this.path = d.path;
    this.serviceReference = d.serviceReference;
    this.variant = d.variant;
    this.target = d.target;
    this.postcode = d.postcode;
    this.uprn = d.uprn;
    this.originator = d.originator;
    this.verdict = d.verdict;
    this.responseCode = d.responseCode;
    this.httpStatus = d.httpStatus;
    this.since = d.since;
    this.before = d.before;
    this.afterSequence = d.afterSequence;
  }

  /** A pattern's criteria while one of them changes; the patterns themselves never change. */
  private static final class Draft {
    String path;
    String serviceReference;
    String variant;
    Eui64 target;
    String postcode;
    String uprn;
    Eui64 originator;
    Verdict verdict;
    String responseCode;
    Integer httpStatus;
    Instant since;
    Instant before;
    long afterSequence;

    Draft(ExchangePattern from) {
      if (from != null) {
        path = from.path;
        serviceReference = from.serviceReference;
        variant = from.variant;
        target = from.target;
        postcode = from.postcode;
        uprn = from.uprn;
        originator = from.originator;
        verdict = from.verdict;
        responseCode = from.responseCode;
        httpStatus = from.httpStatus;
        since = from.since;
        before = from.before;
        afterSequence = from.afterSequence;
      }
    }
  }

  /** A copy of this pattern with one change. */
  private ExchangePattern with(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new ExchangePattern(d);
  }

  /** Every exchange, whatever it was. */
  public static ExchangePattern anyExchange() {
    return ANY;
  }

  /** SR 12.1 (Request WAN Matrix) requests. */
  public static ExchangePattern wanMatrixRequests() {
    return serviceRequests("12.1");
  }

  /** Requests for the Service Reference {@code serviceReference}, e.g. {@code 12.1}. */
  public static ExchangePattern serviceRequests(String serviceReference) {
    return ANY.forServiceReference(serviceReference);
  }

  /** Exchanges on this URL path, e.g. {@code /api/v1/serviceD}. */
  public static ExchangePattern requestsTo(String path) {
    return ANY.onPath(path);
  }

  /** Only exchanges on this URL path. */
  public ExchangePattern onPath(String path) {
    Objects.requireNonNull(path, "path");
    return with(d -> d.path = path);
  }

  /** Only requests for this Service Reference. */
  public ExchangePattern forServiceReference(String serviceReference) {
    String changed = Objects.requireNonNull(serviceReference, "serviceReference").strip();
    return with(d -> d.serviceReference = changed);
  }

  /** Only requests for this Service Reference Variant, e.g. {@code 8.14.1}. */
  public ExchangePattern forVariant(String serviceReferenceVariant) {
    String changed =
        io.dccsim.core.value.ServiceReferenceVariant.parse(
                Objects.requireNonNull(serviceReferenceVariant, "serviceReferenceVariant").strip())
            .toString();
    return with(d -> d.variant = changed);
  }

  /** Only requests whose RequestID names this target: a device, or the DCC. */
  public ExchangePattern to(Eui64 target) {
    Objects.requireNonNull(target, "target");
    return with(d -> d.target = target);
  }

  /** Only requests for this postcode; spacing and case do not matter ({@code m220rr}). */
  public ExchangePattern forPostcode(String postcode) {
    String changed = PostcodeKey.canonical(postcode);
    return with(d -> d.postcode = changed);
  }

  /** Only requests for this UPRN. */
  public ExchangePattern forUprn(long uprn) {
    return forUprn(Long.toString(uprn));
  }

  /** Only requests for this UPRN (decimal text; leading zeros do not matter). */
  public ExchangePattern forUprn(String uprn) {
    String changed = canonicalUprn(Objects.requireNonNull(uprn, "uprn"));
    return with(d -> d.uprn = changed);
  }

  /** Only requests whose RequestID names this originator. */
  public ExchangePattern from(Eui64 originator) {
    Objects.requireNonNull(originator, "originator");
    return with(d -> d.originator = originator);
  }

  /** Only requests from this originator, in any EUI-64 text form. */
  public ExchangePattern from(String originator) {
    return from(Eui64.parse(originator));
  }

  /** Only exchanges the pipeline judged so. */
  public ExchangePattern withVerdict(Verdict verdict) {
    Objects.requireNonNull(verdict, "verdict");
    return with(d -> d.verdict = verdict);
  }

  /** Only exchanges answered with this DUIS response code, e.g. {@code I0} or {@code E120101}. */
  public ExchangePattern withResponseCode(String responseCode) {
    String changed = Objects.requireNonNull(responseCode, "responseCode").strip();
    return with(d -> d.responseCode = changed);
  }

  /** Only exchanges answered with this HTTP status (0 for a reset connection). */
  public ExchangePattern withHttpStatus(int httpStatus) {
    return with(d -> d.httpStatus = httpStatus);
  }

  /** Only exchanges received at or after {@code since} (simulator clock). */
  public ExchangePattern receivedSince(Instant since) {
    Objects.requireNonNull(since, "since");
    return with(d -> d.since = since);
  }

  /** Only exchanges received strictly before {@code before} (simulator clock). */
  public ExchangePattern receivedBefore(Instant before) {
    Objects.requireNonNull(before, "before");
    return with(d -> d.before = before);
  }

  /** Only exchanges received in {@code [since, before)}. */
  public ExchangePattern receivedBetween(Instant since, Instant before) {
    return receivedSince(since).receivedBefore(before);
  }

  /** Only exchanges whose sequence number is greater than {@code sequence}. */
  public ExchangePattern afterSequence(long sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("A sequence is not negative: " + sequence);
    }
    return with(d -> d.afterSequence = sequence);
  }

  /** The earliest receive time this pattern admits, when it sets one. */
  public Optional<Instant> since() {
    return Optional.ofNullable(since);
  }

  /** The sequence number after which this pattern admits exchanges (0 when unset). */
  public long sequenceFloor() {
    return afterSequence;
  }

  /** Whether {@code exchange} meets every criterion. */
  public boolean matches(Exchange exchange) {
    return mismatches(exchange).isEmpty();
  }

  /**
   * The criteria {@code exchange} fails, each as {@code "name: expected X but was Y"}; empty when
   * it matches.
   */
  public List<String> mismatches(Exchange exchange) {
    Objects.requireNonNull(exchange, "exchange");
    List<String> out = new ArrayList<>(2);
    check(out, "path", path, exchange.path());
    check(
        out,
        "service reference",
        serviceReference,
        fact(exchange, f -> f.serviceReference().orElse(null)));
    check(
        out,
        "service reference variant",
        variant,
        fact(exchange, f -> f.serviceReferenceVariant().orElse(null)));
    check(
        out,
        "target",
        target == null ? null : target.toString(),
        fact(exchange, f -> f.requestId().map(ExchangePattern::targetOf).orElse(null)));
    check(out, "postcode", postcode, fact(exchange, f -> f.postcode().orElse(null)));
    check(
        out,
        "UPRN",
        uprn,
        fact(exchange, f -> f.uprn().map(ExchangePattern::canonicalUprn).orElse(null)));
    check(
        out,
        "originator",
        originator == null ? null : originator.toString(),
        fact(exchange, f -> f.originator().map(Eui64::toString).orElse(null)));
    check(out, "verdict", verdict == null ? null : verdict.name(), exchange.verdict().name());
    check(out, "response code", responseCode, exchange.responseCode().orElse(null));
    check(
        out,
        "HTTP status",
        httpStatus == null ? null : httpStatus.toString(),
        Integer.toString(exchange.httpStatus()));
    if (since != null && exchange.receivedAt().isBefore(since)) {
      out.add("received: expected at or after " + since + " but was " + exchange.receivedAt());
    }
    if (before != null && !exchange.receivedAt().isBefore(before)) {
      out.add("received: expected before " + before + " but was " + exchange.receivedAt());
    }
    if (exchange.sequence() <= afterSequence) {
      out.add("sequence: expected after " + afterSequence + " but was " + exchange.sequence());
    }
    return out;
  }

  /** The target EUI of a RequestID's text, or the text itself when it is not one. */
  private static String targetOf(String requestId) {
    try {
      return io.dccsim.core.value.RequestId.parse(requestId).target().toString();
    } catch (IllegalArgumentException e) {
      return requestId;
    }
  }

  /** A short description, e.g. {@code SR 12.1 requests for postcode M22 0RR from 90-B3-...}. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    b.append(serviceReference == null ? "exchanges" : "SR " + serviceReference + " requests");
    if (path != null) {
      b.append(" on ").append(path);
    }
    if (postcode != null) {
      b.append(" for postcode ").append(postcode);
    }
    if (uprn != null) {
      b.append(" for UPRN ").append(uprn);
    }
    if (originator != null) {
      b.append(" from ").append(originator);
    }
    if (verdict != null) {
      b.append(" judged ").append(verdict);
    }
    if (responseCode != null) {
      b.append(" answered ").append(responseCode);
    }
    if (httpStatus != null) {
      b.append(" with HTTP ").append(httpStatus);
    }
    if (since != null) {
      b.append(" received at or after ").append(since);
    }
    if (before != null) {
      b.append(" received before ").append(before);
    }
    if (afterSequence > 0) {
      b.append(" after sequence ").append(afterSequence);
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String fact(Exchange exchange, Function<RequestFacts, String> field) {
    return exchange.facts().map(field).orElse(null);
  }

  private static void check(List<String> out, String name, String expected, String actual) {
    if (expected != null && !expected.equals(actual)) {
      out.add(name + ": expected " + expected + " but was " + (actual == null ? "(none)" : actual));
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
