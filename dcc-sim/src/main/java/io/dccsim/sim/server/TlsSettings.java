package io.dccsim.sim.server;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * TLS for the server.
 *
 * @param certificateChain the server certificate first, then its issuers
 * @param privateKey the server certificate's key
 * @param trustedClientIssuers the certificates client certificates must chain to (mutual TLS)
 * @param clientAuth whether a client certificate is asked for
 */
public record TlsSettings(
    List<X509Certificate> certificateChain,
    PrivateKey privateKey,
    List<X509Certificate> trustedClientIssuers,
    ClientAuthMode clientAuth) {

  /** Validates and copies. */
  public TlsSettings {
    certificateChain = List.copyOf(certificateChain);
    Objects.requireNonNull(privateKey, "privateKey");
    trustedClientIssuers = List.copyOf(trustedClientIssuers);
    Objects.requireNonNull(clientAuth, "clientAuth");
    if (certificateChain.isEmpty()) {
      throw new IllegalArgumentException("A TLS server needs its certificate");
    }
    if (clientAuth != ClientAuthMode.NONE && trustedClientIssuers.isEmpty()) {
      throw new IllegalArgumentException("Client authentication needs trusted issuers");
    }
  }

  @Override
  public String toString() {
    // Never print the key.
    return "TlsSettings[subject="
        + certificateChain.get(0).getSubjectX500Principal()
        + ", clientAuth="
        + clientAuth
        + "]";
  }
}
