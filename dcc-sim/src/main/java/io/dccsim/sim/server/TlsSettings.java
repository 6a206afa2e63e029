package io.dccsim.sim.server;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLException;

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

  /**
   * These settings as a Netty server context: TLS 1.3 and 1.2, the client-certificate policy and
   * trusted issuers. The DUIS server uses it; so can another port that should present the same
   * certificate, such as the standalone simulator's SMKI repository interface.
   *
   * @throws IllegalArgumentException when the certificate and key are not usable together
   */
  public SslContext serverContext() {
    try {
      SslContextBuilder builder =
          SslContextBuilder.forServer(privateKey, certificateChain.toArray(new X509Certificate[0]));
      if (clientAuth != ClientAuthMode.NONE) {
        builder
            .trustManager(trustedClientIssuers.toArray(new X509Certificate[0]))
            .clientAuth(
                clientAuth == ClientAuthMode.REQUIRE ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
      }
      return builder.protocols("TLSv1.3", "TLSv1.2").build();
    } catch (SSLException e) {
      throw new IllegalArgumentException("The TLS settings are not usable: " + e.getMessage(), e);
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
