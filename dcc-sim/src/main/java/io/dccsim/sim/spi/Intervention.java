package io.dccsim.sim.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * Something the server does to an exchange instead of, or before, answering it normally. The server
 * carries these out: delays are scheduled on the event loop's timer, never slept.
 */
public sealed interface Intervention {

  /** Wait this long, then carry on (with the next intervention, or the normal answer). */
  record Delay(Duration delay) implements Intervention {
    /** Validates. */
    public Delay {
      Objects.requireNonNull(delay, "delay");
      if (delay.isNegative()) {
        throw new IllegalArgumentException("A delay cannot be negative: " + delay);
      }
    }
  }

  /** Close the connection abruptly (TCP reset) without answering. */
  record ResetConnection() implements Intervention {}

  /** Answer HTTP 200 with an empty body. */
  record EmptyResponse() implements Intervention {}

  /** Answer HTTP 200 with a body that is not well-formed XML. */
  record MalformedXml() implements Intervention {}

  /** Answer with this HTTP status (e.g. 503) and a short plain-text message. */
  record HttpError(int status) implements Intervention {
    /** Validates. */
    public HttpError {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("An HTTP error status is 400..599: " + status);
      }
    }
  }

  /** Answer normally, but with a signature that does not verify (to test client verification). */
  record BrokenSignature() implements Intervention {}

  /**
   * Answer with a signed DUIS response carrying this response code (e.g. {@code E120103}) and no
   * SR-specific body.
   */
  record RespondWithCode(String responseCode) implements Intervention {
    /** Validates. */
    public RespondWithCode {
      Objects.requireNonNull(responseCode, "responseCode");
    }
  }

  /**
   * Answer with a signed DUIS response carrying this response code and this SR-specific body
   * element (raw XML, placed after ServiceReference and ServiceReferenceVariant in the
   * ResponseMessage). For SRs the simulator does not simulate.
   */
  record CannedResponse(String responseCode, String bodyElementXml) implements Intervention {
    /** Validates. */
    public CannedResponse {
      Objects.requireNonNull(responseCode, "responseCode");
      Objects.requireNonNull(bodyElementXml, "bodyElementXml");
    }
  }

  /**
   * Answers as usual and raises alert {@code code} about this request {@code after} of simulated
   * time: a device alert (two bytes in hex) from its target to its originator, or a DCC alert to
   * its originator.
   */
  record RaiseAlert(String code, Duration after) implements Intervention {
    /** Validates. */
    public RaiseAlert {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(after, "after");
    }
  }

  /**
   * Answers as usual, but the target device treats this request as {@code behaviour} says, in the
   * form {@code io.dccsim.sim.service.DeviceBehaviour#parse} reads ({@code no-response}, {@code
   * answer:PT5S}...).
   */
  record DeviceBehaviour(String behaviour) implements Intervention {
    /** Validates. */
    public DeviceBehaviour {
      Objects.requireNonNull(behaviour, "behaviour");
    }
  }
}
