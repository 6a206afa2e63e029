package io.dccsim.core.signature;

/**
 * The XML Signature profile DUIS uses, as algorithm identifiers. Anything else is refused.
 *
 * <p>Enveloped signature, one {@code Reference URI=""} over the whole document, exclusive
 * canonicalisation of {@code SignedInfo}, ECDSA over P-256 with SHA-256, SHA-256 digest, and a
 * {@code KeyInfo} that names the signer's certificate by issuer and serial number only. The
 * Reference's transforms are one of two forms:
 *
 * <ul>
 *   <li>enveloped-signature alone, as the DCC's reference test data and the standard Java API write
 *       it: the remaining node-set is digested after {@linkplain #INCLUSIVE_C14N Canonical XML 1.0}
 *       (inclusive, without comments), as XML Signature prescribes;
 *   <li>enveloped-signature then exclusive canonicalisation, as this library's {@link DuisSigner}
 *       and other tools write it.
 * </ul>
 */
public final class DuisSignatureProfile {
  /** The XML Signature namespace. */
  public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

  /** Exclusive XML canonicalisation without comments. */
  public static final String EXCLUSIVE_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

  /**
   * Canonical XML 1.0 without comments (inclusive). Never named in a DUIS signature; it is what a
   * Reference whose only transform is enveloped-signature is digested after.
   */
  public static final String INCLUSIVE_C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";

  /** ECDSA with SHA-256. */
  public static final String ECDSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256";

  /** SHA-256 digest. */
  public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

  /** The enveloped-signature transform. */
  public static final String ENVELOPED_SIGNATURE =
      "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

  /** The prefix this library writes for the XML Signature namespace. */
  public static final String DSIG_PREFIX = "ds";

  private DuisSignatureProfile() {}
}
