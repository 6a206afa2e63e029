package io.dccsim.core.signature;

import java.io.IOException;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** Helpers for the issuer names in {@code X509IssuerSerial}. */
final class IssuerNames {
  private IssuerNames() {}

  /** {@code name} with its RDNs in the opposite order (multi-valued RDNs stay whole). */
  static X500Principal reversed(X500Principal name) {
    RDN[] rdns = X500Name.getInstance(name.getEncoded()).getRDNs();
    if (rdns.length < 2) {
      return name;
    }
    RDN[] reversed = new RDN[rdns.length];
    for (int i = 0; i < rdns.length; i++) {
      reversed[i] = rdns[rdns.length - 1 - i];
    }
    try {
      return new X500Principal(new X500Name(reversed).getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("a parsed name always encodes", e);
    }
  }
}
