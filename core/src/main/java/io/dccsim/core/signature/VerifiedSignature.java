package io.dccsim.core.signature;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;

/**
 * A signature that verified: the certificate whose key signed, and the issuer and serial that named
 * it.
 */
public record VerifiedSignature(
    X509Certificate certificate, X500Principal issuer, BigInteger serial) {

  /** Requires every component. */
  public VerifiedSignature {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(serial, "serial");
  }
}
