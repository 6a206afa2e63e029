package io.dccsim.sim.spi;

/** How the pipeline judged an exchange. */
public enum Verdict {
  /** Answered by a service handler (the response code may still be an SR-specific error). */
  ANSWERED,
  /** Refused before parsing: size, content type, method, path or back-pressure (an HTTP status). */
  REFUSED_TRANSPORT,
  /** Not a DUIS request: malformed, forbidden XML or schema-invalid (HTTP 400). */
  REFUSED_MALFORMED,
  /** Authentication failed: answered with a signed E1. */
  REFUSED_AUTHENTICATION,
  /** Authorisation failed: answered with a signed E2, E12 or E13. */
  REFUSED_AUTHORISATION,
  /** An SR the simulator does not simulate, answered with the documented error response. */
  NOT_SIMULATED,
  /** Answered as an intervention said (fault, canned response, given code). */
  INTERVENED,
  /** The server failed; answered HTTP 500 with a short message and logged. */
  FAILED
}
