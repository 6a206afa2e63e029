package io.dccsim.sim.scenario;

import io.dccsim.core.value.Eui64;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Builds one scenario fluently and registers it when told how often it applies:
 *
 * <pre>{@code
 * scenarios.forPostcode("M22 0RR").delay(Duration.ofMillis(200)).respondWithCode("E120103").once();
 * }</pre>
 *
 * <p>Not thread-safe; build on one thread. Nothing is registered until {@link #once()}, {@link
 * #times(int)} or {@link #always()}.
 */
public final class ScenarioBuilder {
  private final Scenarios owner;
  private RequestSelector selector;
  private final List<Effect> effects = new ArrayList<>();

  ScenarioBuilder(Scenarios owner, RequestSelector selector) {
    this.owner = owner;
    this.selector = selector;
  }

  /** Narrows to requests for this postcode. */
  public ScenarioBuilder forPostcode(String postcode) {
    selector = selector.withPostcode(Objects.requireNonNull(postcode, "postcode"));
    return this;
  }

  /** Narrows to requests for this UPRN. */
  public ScenarioBuilder forUprn(String uprn) {
    selector = selector.withUprn(Objects.requireNonNull(uprn, "uprn"));
    return this;
  }

  /** Narrows to requests from this originator. */
  public ScenarioBuilder from(Eui64 originator) {
    selector = selector.withOriginator(Objects.requireNonNull(originator, "originator"));
    return this;
  }

  /** Narrows to requests whose RequestID targets this device. */
  public ScenarioBuilder toDevice(Eui64 target) {
    selector = selector.withTarget(Objects.requireNonNull(target, "target"));
    return this;
  }

  /** Narrows to requests for this Service Reference, e.g. {@code 12.1}. */
  public ScenarioBuilder forServiceReference(String serviceReference) {
    selector =
        selector.withServiceReference(Objects.requireNonNull(serviceReference, "serviceReference"));
    return this;
  }

  /** Adds a fixed delay before the answer. */
  public ScenarioBuilder delay(Duration delay) {
    return effect(Effect.fixedDelay(delay));
  }

  /** Adds a delay drawn uniformly from {@code [min, max]}, reproducible from the seed. */
  public ScenarioBuilder randomDelay(Duration min, Duration max) {
    return effect(Effect.randomDelay(min, max));
  }

  /** Answers with a signed response carrying this code (e.g. {@code E120101}). */
  public ScenarioBuilder respondWithCode(String responseCode) {
    return effect(Effect.responseCode(responseCode));
  }

  /** Answers any SR with this code and SR-specific body element (raw XML). */
  public ScenarioBuilder cannedResponse(String responseCode, String bodyElementXml) {
    return effect(Effect.cannedResponse(responseCode, bodyElementXml));
  }

  /** Resets the connection without answering. */
  public ScenarioBuilder resetConnection() {
    return effect(Effect.connectionReset());
  }

  /** Answers HTTP 200 with an empty body. */
  public ScenarioBuilder emptyResponse() {
    return effect(Effect.emptyResponse());
  }

  /** Answers HTTP 200 with malformed XML. */
  public ScenarioBuilder malformedXml() {
    return effect(Effect.malformedXml());
  }

  /** Answers with this HTTP error status. */
  public ScenarioBuilder httpStatus(int status) {
    return effect(Effect.httpStatus(status));
  }

  /** Answers HTTP 503. */
  public ScenarioBuilder serviceUnavailable() {
    return effect(Effect.serviceUnavailable());
  }

  /**
   * Answers as usual, but the target device treats the request as {@code behaviour} says (for
   * example {@link io.dccsim.sim.service.DeviceBehaviour#silent()}: {@code E21} after the DCC's
   * timeout), whatever the device's own behaviour.
   */
  public ScenarioBuilder deviceBehaviour(io.dccsim.sim.service.DeviceBehaviour behaviour) {
    return effect(Effect.deviceBehaviour(behaviour));
  }

  /**
   * Answers as usual and raises alert {@code code} about each request {@code after} of simulated
   * time (a device alert from its target, or a DCC alert, to its originator).
   */
  public ScenarioBuilder raiseAlert(String code, Duration after) {
    return effect(Effect.alert(code, after));
  }

  /** Answers normally but with a signature that does not verify. */
  public ScenarioBuilder brokenSignature() {
    return effect(Effect.brokenSignature());
  }

  /** Adds any effect. */
  public ScenarioBuilder effect(Effect effect) {
    effects.add(Objects.requireNonNull(effect, "effect"));
    return this;
  }

  /** Registers the scenario for the next matching request only. */
  public Scenario once() {
    return times(1);
  }

  /** Registers the scenario for the next {@code n} matching requests. */
  public Scenario times(int n) {
    return owner.add(new ScenarioDefinition(selector, effects, OptionalInt.of(n)));
  }

  /** Registers the scenario for every matching request until removed or cleared. */
  public Scenario always() {
    return owner.add(new ScenarioDefinition(selector, effects, OptionalInt.empty()));
  }
}
