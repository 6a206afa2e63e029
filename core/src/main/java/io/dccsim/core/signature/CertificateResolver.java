package io.dccsim.core.signature;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;

/**
 * Finds the certificate a signature's {@code X509IssuerSerial} names. Only certificates this
 * returns are trusted; a resolver backed by the SMKI repository decides status and validity.
 */
@FunctionalInterface
public interface CertificateResolver {

  /**
   * The certificate issued by {@code issuer} with {@code serial}, or empty when it is unknown or
   * must not be trusted.
   */
  Optional<X509Certificate> resolve(X500Principal issuer, BigInteger serial);

  /** A resolver that knows exactly the given certificates. */
  static CertificateResolver of(X509Certificate... certificates) {
    List<X509Certificate> known = List.of(certificates);
    return (issuer, serial) -> {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(serial, "serial");
      for (X509Certificate c : known) {
        if (c.getSerialNumber().equals(serial) && c.getIssuerX500Principal().equals(issuer)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    };
  }
}
