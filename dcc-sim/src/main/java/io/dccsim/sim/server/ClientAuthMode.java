package io.dccsim.sim.server;

/** Whether a TLS server asks for a client certificate. */
public enum ClientAuthMode {
  /** No client certificate is asked for. */
  NONE,
  /** A client certificate is asked for and checked if sent. */
  OPTIONAL,
  /** A client certificate is required (mutual TLS). */
  REQUIRE
}
