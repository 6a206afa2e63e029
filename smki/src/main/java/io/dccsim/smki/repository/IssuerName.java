package io.dccsim.smki.repository;

import java.io.IOException;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The canonical form of an issuer distinguished name, used to compare issuers as X.500 names.
 *
 * <p>The text is read as RFC 4514 writes a name, most specific RDN first (as the JDK's {@code
 * X500Principal.getName(RFC2253)} and a DUIS signature's {@code X509IssuerName} write it). It is
 * parsed with Bouncy Castle's {@link BCStyle}, which knows the attribute keywords Bouncy Castle
 * writes (such as {@code UniqueIdentifier} for x500UniqueIdentifier) as well as OIDs, encoded to
 * DER and rendered with {@link X500Principal#getName(String) X500Principal.getName(CANONICAL)}:
 * keywords and values are case-folded, spaces around separators and repeated inner spaces are
 * dropped, and string values compare equal whatever ASN.1 string type encodes them. So {@code
 * CN=Root, O=Test} and {@code cn=Root,o=Test} have the same canonical form, {@code cn=root,o=test};
 * {@code O=Test,CN=Root} is another name. A text Bouncy Castle cannot parse falls back to {@link
 * X500Principal}'s own RFC 2253 parser.
 */
public final class IssuerName {

  private IssuerName() {}

  /**
   * The canonical form of {@code distinguishedName}.
   *
   * @throws IllegalArgumentException when the text is not a distinguished name
   */
  public static String canonical(String distinguishedName) {
    Objects.requireNonNull(distinguishedName, "distinguishedName");
    X500Principal principal;
    try {
      // BCStyle keeps the written order as the DER order; RFC 4514 text is the reverse of it.
      RDN[] written = new X500Name(BCStyle.INSTANCE, distinguishedName).getRDNs();
      RDN[] encoded = new RDN[written.length];
      for (int i = 0; i < written.length; i++) {
        encoded[i] = written[written.length - 1 - i];
      }
      principal = new X500Principal(new X500Name(encoded).getEncoded());
    } catch (IOException | RuntimeException bouncyCastleRefused) {
      // Not in Bouncy Castle's vocabulary: let the JDK try (it throws IllegalArgumentException).
      principal = new X500Principal(distinguishedName);
    }
    return principal.getName(X500Principal.CANONICAL);
  }

  /** Whether two distinguished names are the same X.500 name; false if either does not parse. */
  public static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return canonical(a).equals(canonical(b));
    } catch (IllegalArgumentException notAName) {
      return false;
    }
  }
}
