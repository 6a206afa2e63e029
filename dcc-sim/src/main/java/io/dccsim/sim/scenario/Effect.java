package io.dccsim.sim.scenario;

import io.dccsim.sim.spi.Intervention;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a scenario does to a matching request: a delay, a transport fault, or a shaped answer.
 * Values, so they can be stored, listed, compared and sent over the control API. A random delay is
 * resolved to a fixed one, per request, from the scenarios' seedable random generator so that a
 * failing run can be reproduced.
 */
public sealed interface Effect {

  /** The intervention the server carries out for one request. */
  Intervention resolve(RandomGenerator random);

  /** True for delays, which come before the (at most one) other effect. */
  default boolean isDelay() {
    return false;
  }

  /** Waits {@code delay} before answering (scheduled by the server, never slept on a thread). */
  static Effect fixedDelay(Duration delay) {
    return new FixedDelay(delay);
  }

  /** Waits a uniformly random time in {@code [min, max]} before answering. */
  static Effect randomDelay(Duration min, Duration max) {
    return new RandomDelay(min, max);
  }

  /** Resets the connection without answering. */
  static Effect connectionReset() {
    return new ConnectionReset();
  }

  /** Answers HTTP 200 with an empty body. */
  static Effect emptyResponse() {
    return new EmptyResponse();
  }

  /** Answers HTTP 200 with a body that is not well-formed XML. */
  static Effect malformedXml() {
    return new MalformedXml();
  }

  /** Answers with this HTTP error status (400..599). */
  static Effect httpStatus(int status) {
    return new HttpStatus(status);
  }

  /** Answers HTTP 503 Service Unavailable. */
  static Effect serviceUnavailable() {
    return new HttpStatus(503);
  }

  /** Answers normally, but with a signature that does not verify. */
  static Effect brokenSignature() {
    return new BrokenSignature();
  }

  /** Answers with a signed DUIS response carrying this response code and no SR-specific body. */
  static Effect responseCode(String responseCode) {
    return new ResponseCode(responseCode);
  }

  /**
   * Answers with a signed DUIS response carrying this code and this SR-specific body element, whose
   * {@link AnswerTemplate} placeholders are filled from the request.
   */
  static Effect cannedResponse(String responseCode, String bodyElementXml) {
    return new CannedResponse(responseCode, bodyElementXml);
  }

  /**
   * Answers as usual, but the target device treats the request as {@code behaviour} says (answers
   * after a delay, never, or cannot be reached), whatever its own behaviour.
   */
  static Effect deviceBehaviour(io.dccsim.sim.service.DeviceBehaviour behaviour) {
    return new DeviceBehaviourEffect(behaviour);
  }

  /**
   * Answers as usual and raises {@code code} about each matching request {@code after} of simulated
   * time: a device alert (e.g. {@code 8F66}) from its target to its originator, or a DCC alert
   * (e.g. {@code N24}) to its originator.
   */
  static Effect alert(String code, Duration after) {
    return new RaiseAlert(code, after);
  }

  /** An alert raised about the matching requests. */
  record RaiseAlert(String code, Duration after) implements Effect {
    /** Validates. */
    public RaiseAlert {
      code = io.dccsim.sim.service.Alerts.anyCode(code == null ? null : code.strip());
      Objects.requireNonNull(after, "after");
      if (after.isNegative() || after.compareTo(Duration.ofDays(2)) > 0) {
        throw new IllegalArgumentException("An alert is raised 0 to 2 days after, not " + after);
      }
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.RaiseAlert(code, after);
    }
  }

  /** How the target device treats the matching requests. */
  record DeviceBehaviourEffect(io.dccsim.sim.service.DeviceBehaviour behaviour) implements Effect {
    /** Validates. */
    public DeviceBehaviourEffect {
      Objects.requireNonNull(behaviour, "behaviour");
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.DeviceBehaviour(behaviour.text());
    }
  }

  /** A fixed delay. */
  record FixedDelay(Duration delay) implements Effect {
    /** Validates. */
    public FixedDelay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("A delay cannot be negative: " + delay);
      }
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.Delay(delay);
    }

    @Override
    public boolean isDelay() {
      return true;
    }
  }

  /** A delay drawn uniformly from {@code [min, max]}. */
  record RandomDelay(Duration min, Duration max) implements Effect {
    /** Validates. */
    public RandomDelay {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new IllegalArgumentException("Not a delay range: " + min + ".." + max);
      }
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      long span = max.minus(min).toNanos();
      long offset = span == 0 ? 0 : random.nextLong(span + 1);
      return new Intervention.Delay(min.plusNanos(offset));
    }

    @Override
    public boolean isDelay() {
      return true;
    }
  }

  /** A connection reset. */
  record ConnectionReset() implements Effect {
    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.ResetConnection();
    }
  }

  /** An empty HTTP 200 answer. */
  record EmptyResponse() implements Effect {
    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.EmptyResponse();
    }
  }

  /** A body that is not well-formed XML. */
  record MalformedXml() implements Effect {
    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.MalformedXml();
    }
  }

  /** An HTTP error status. */
  record HttpStatus(int status) implements Effect {
    /** Validates. */
    public HttpStatus {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("An HTTP error status is 400..599: " + status);
      }
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.HttpError(status);
    }
  }

  /** A signature that does not verify. */
  record BrokenSignature() implements Effect {
    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.BrokenSignature();
    }
  }

  /** A signed response with this code and no SR-specific body. */
  record ResponseCode(String code) implements Effect {
    /** Validates. */
    public ResponseCode {
      code = checkCode(code);
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.RespondWithCode(code);
    }
  }

  /** A signed response with this code and SR-specific body element (raw XML). */
  record CannedResponse(String code, String bodyElementXml) implements Effect {
    /** Validates. */
    public CannedResponse {
      code = checkCode(code);
      Objects.requireNonNull(bodyElementXml, "bodyElementXml");
      AnswerTemplate.check(bodyElementXml);
      AnswerTemplate.checkWellFormed(bodyElementXml);
    }

    @Override
    public Intervention resolve(RandomGenerator random) {
      return new Intervention.CannedResponse(code, bodyElementXml);
    }
  }

  private static String checkCode(String code) {
    Objects.requireNonNull(code, "code");
    String c = code.strip();
    // DUIS codes: I0, I99, E1..E99, or E/W plus six digits for SR-specific codes.
    if (!c.matches("[IEW][0-9]{1,6}")) {
      throw new IllegalArgumentException("Not a DUIS response code: " + code);
    }
    return c;
  }
}
