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

  /**
   * A resolver that knows exactly the given certificates. Issuers are compared as X.500 names
   * (case, spacing and string types do not matter, as {@link X500Principal#equals} compares them),
   * in their own RDN order or the reverse of it: signing tools write the same name most-specific
   * RDN first (RFC 2253, {@code CN=U1,OU=07}) or in encoding order ({@code OU=07,CN=U1}). Any other
   * order is another name.
   */
  static CertificateResolver of(X509Certificate... certificates) {
    List<X509Certificate> known = List.of(certificates);
    return (issuer, serial) -> {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(serial, "serial");
      X500Principal reversed = null;
      for (X509Certificate c : known) {
        if (!c.getSerialNumber().equals(serial)) {
          continue;
        }
        X500Principal own = c.getIssuerX500Principal();
        if (own.equals(issuer)) {
          return Optional.of(c);
        }
        if (reversed == null) {
          reversed = IssuerNames.reversed(issuer);
        }
        if (own.equals(reversed)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    };
  }
}
