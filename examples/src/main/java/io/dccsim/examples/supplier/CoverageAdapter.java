package io.dccsim.examples.supplier;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.DuisHttpException;
import io.dccsim.core.client.DuisTransportException;
import io.dccsim.core.message.RegionResult;
import io.dccsim.core.message.RequestWanMatrix;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanCoverage;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.wan.WanVariant;
import java.util.Objects;
import java.util.Optional;

/**
 * A supplier's adapter around SR 12.1 (Request WAN Matrix): asks the DCC about an address and turns
 * the answer into {@link Advice} for the booking system.
 *
 * <p>It handles the June 2021 release's MP106: a WAN variant of a single space means Unknown (as
 * does the literal {@code Unknown}), so the installer must be ready for either variant. Before the
 * release a blank has no defined meaning; the adapter then advises a survey too, saying why.
 *
 * <p>A busy DCC (HTTP 5xx) or a dropped connection is retried once; a response whose signature does
 * not verify is never trusted and surfaces as an exception.
 */
public final class CoverageAdapter {
  private final DuisClient client;
  private final int attempts;

  /** An adapter asking through {@code client}, trying each question at most twice. */
  public CoverageAdapter(DuisClient client) {
    this(client, 2);
  }

  /** An adapter asking through {@code client}, trying each question up to {@code attempts}. */
  public CoverageAdapter(DuisClient client, int attempts) {
    this.client = Objects.requireNonNull(client, "client");
    if (attempts < 1) {
      throw new IllegalArgumentException("At least one attempt: " + attempts);
    }
    this.attempts = attempts;
  }

  /** Asks SR 12.1 about an address or UPRN and advises. */
  public Assessment assess(RequestWanMatrix question) {
    ServiceResponse response;
    try {
      response = askWithRetry(question);
    } catch (DuisHttpException | DuisTransportException e) {
      return new Assessment(
          Advice.TRY_AGAIN_LATER,
          Optional.empty(),
          Optional.empty(),
          "the DCC could not be reached: " + e.getMessage());
    }
    String code = response.header().responseCode().code();
    switch (code) {
      case "I0":
        break;
      case "E120101":
        return noCoverageFacts(Advice.CHECK_ADDRESS, "the DCC does not know this address");
      case "E120102":
        return noCoverageFacts(Advice.CHECK_ADDRESS, "the DCC says the postcode is invalid");
      default:
        return noCoverageFacts(
            Advice.TRY_AGAIN_LATER, "the DCC answered " + code + " without coverage data");
    }
    if (!(response.body() instanceof WanMatrixResponse matrix)) {
      return noCoverageFacts(Advice.TRY_AGAIN_LATER, "the answer carried no WAN matrix");
    }
    Optional<WanCoverage> coverage =
        matrix.results().stream().map(RegionResult::coverage).flatMap(Optional::stream).findFirst();
    if (coverage.isEmpty()) {
      return noCoverageFacts(Advice.TRY_AGAIN_LATER, "no region gave coverage facts");
    }
    return advise(coverage.get());
  }

  private Assessment advise(WanCoverage c) {
    WanVariant variant = c.wanTechnology().interpret(client.baseline());
    Optional<String> name = variant.name();
    if (!c.coverageAvailable()) {
      String when =
          c.anticipatedCoverageDate()
              .map(d -> "coverage is expected from " + d)
              .orElse("no coverage date was given");
      return new Assessment(Advice.WAIT_FOR_COVERAGE, c.anticipatedCoverageDate(), name, when);
    }
    return switch (variant.kind()) {
      case KNOWN ->
          new Assessment(
              Advice.BOOK_INSTALLATION,
              Optional.empty(),
              name,
              "covered, WAN variant " + name.get());
      case UNKNOWN ->
          new Assessment(
              Advice.BOOK_WITH_SURVEY,
              Optional.empty(),
              Optional.empty(),
              "covered, but the WAN variant is Unknown (MP106)");
      case UNSPECIFIED ->
          new Assessment(
              Advice.BOOK_WITH_SURVEY,
              Optional.empty(),
              Optional.empty(),
              "covered, but the WAN variant is blank, which has no defined meaning before the June 2021"
                  + " release");
    };
  }

  private ServiceResponse askWithRetry(RequestWanMatrix question) {
    RuntimeException last = null;
    for (int i = 0; i < attempts; i++) {
      try {
        return client.send(
            client.newRequest(
                ServiceReferenceVariant.REQUEST_WAN_MATRIX,
                CommandVariant.NON_DEVICE,
                client.dccId(),
                question));
      } catch (DuisHttpException e) {
        if (e.status() < 500) {
          throw e;
        }
        last = e;
      } catch (DuisTransportException e) {
        last = e;
      }
    }
    throw last;
  }

  private static Assessment noCoverageFacts(Advice advice, String reason) {
    return new Assessment(advice, Optional.empty(), Optional.empty(), reason);
  }
}
