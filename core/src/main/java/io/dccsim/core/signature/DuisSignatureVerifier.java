package io.dccsim.core.signature;

import static io.dccsim.core.signature.DuisSignatureProfile.DSIG_NS;

import io.dccsim.core.signature.SignatureRejectedException.Reason;
import io.dccsim.core.xml.internal.Utf8Output;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.security.auth.x500.X500Principal;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies the enveloped signature of a DUIS document in the {@link DuisSignatureProfile DUIS
 * profile}, and nothing else.
 *
 * <p>Defences: exactly one {@code ds:Signature} in the whole document, and it is the last element
 * child of the root; exactly one {@code Reference}, with {@code URI=""}, so the digest covers the
 * very document passed in (there is nothing to wrap); its transforms are enveloped-signature alone
 * (the document is then digested after inclusive Canonical XML 1.0) or enveloped-signature then
 * exclusive canonicalisation, nothing else; only the profile's algorithms; only certificates the
 * {@link CertificateResolver} vouches for. The ECDSA work runs on a private Bouncy Castle provider
 * instance. Thread-safe.
 */
public final class DuisSignatureVerifier {
  private static final ThreadLocal<Utf8Output> BUFFERS =
      ThreadLocal.withInitial(() -> new Utf8Output(8 * 1024));

  private static final int ISSUER_CACHE_LIMIT = 1024;

  /**
   * Attribute names that OpenSSL-based signers (xmlsec1) write in issuer names and the JDK does not
   * know; SMKI Organisation CA names carry {@code x500UniqueIdentifier}.
   */
  private static final Map<String, String> OPENSSL_KEYWORDS =
      Map.of(
          "X500UNIQUEIDENTIFIER", "2.5.4.45",
          "TITLE", "2.5.4.12",
          "NAME", "2.5.4.41",
          "POSTALCODE", "2.5.4.17",
          "BUSINESSCATEGORY", "2.5.4.15",
          "PSEUDONYM", "2.5.4.65",
          "ORGANIZATIONIDENTIFIER", "2.5.4.97");

  private static final ConcurrentMap<String, X500Principal> ISSUERS = new ConcurrentHashMap<>();

  private final CertificateResolver resolver;

  /** A verifier trusting the certificates {@code resolver} returns. */
  public DuisSignatureVerifier(CertificateResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * Verifies {@code document}'s signature.
   *
   * @return the signer's certificate and the issuer and serial that named it
   * @throws SignatureRejectedException naming the reason when the signature is refused
   */
  public VerifiedSignature verify(Document document) {
    Objects.requireNonNull(document, "document");
    Element root = document.getDocumentElement();
    if (root == null) {
      throw reject(Reason.NO_SIGNATURE, "the document has no root element");
    }
    Element signature = findTheSignature(root);
    SignedInfo info = readSignedInfo(signature);

    X509Certificate certificate =
        resolver
            .resolve(info.issuer, info.serial)
            .orElseThrow(
                () ->
                    reject(
                        Reason.UNKNOWN_SIGNER,
                        "no trusted certificate with issuer '"
                            + info.issuer.getName()
                            + "' and serial "
                            + info.serial));
    PublicKey key = certificate.getPublicKey();
    if (!EcdsaP256.isP256(key)) {
      throw reject(Reason.FORBIDDEN_ALGORITHM, "the signer's key is not an EC P-256 key");
    }

    Utf8Output out = BUFFERS.get();
    out.reset();
    if (info.exclusiveDigest) {
      ExclusiveCanonicalizer.document(document, signature, out);
    } else {
      InclusiveCanonicalizer.document(document, signature, out);
    }
    MessageDigest sha256 = DuisSigner.sha256();
    out.updateDigest(sha256);
    if (!MessageDigest.isEqual(sha256.digest(), info.digest)) {
      throw reject(Reason.BAD_DIGEST, "the document does not match its signed digest");
    }

    out.reset();
    ExclusiveCanonicalizer.subtree(info.element, out);
    boolean valid =
        EcdsaP256.verify(EcdsaP256.toProviderKey(key), out.array(), out.size(), info.value);
    out.reset();
    if (!valid) {
      throw reject(Reason.BAD_SIGNATURE_VALUE, "the signature value does not verify");
    }
    return new VerifiedSignature(certificate, info.issuer, info.serial);
  }

  /** The one signature, a child of the root and its last element. */
  private static Element findTheSignature(Element root) {
    List<Element> found = new ArrayList<>(1);
    collectSignatures(root, found);
    if (found.isEmpty()) {
      throw reject(Reason.NO_SIGNATURE, "the document is not signed");
    }
    if (found.size() > 1) {
      throw reject(
          Reason.MULTIPLE_SIGNATURES, "the document has " + found.size() + " signatures, not one");
    }
    Element signature = found.get(0);
    if (signature.getParentNode() != root) {
      throw reject(Reason.MISPLACED_SIGNATURE, "the signature is not a child of the root element");
    }
    for (Node n = signature.getNextSibling(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        throw reject(Reason.MISPLACED_SIGNATURE, "the signature is not the root's last element");
      }
    }
    return signature;
  }

  private static void collectSignatures(Element e, List<Element> found) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        Element child = (Element) n;
        if (DSIG_NS.equals(child.getNamespaceURI()) && "Signature".equals(child.getLocalName())) {
          found.add(child);
        } else {
          collectSignatures(child, found);
        }
        if (found.size() > 1) {
          return;
        }
      }
    }
  }

  private static SignedInfo readSignedInfo(Element signature) {
    List<Element> parts = children(signature);
    if (parts.size() != 3) {
      throw reject(
          Reason.MALFORMED_SIGNATURE,
          "a DUIS signature has SignedInfo, SignatureValue and KeyInfo, and nothing else");
    }
    Element signedInfo = expect(parts.get(0), "SignedInfo");
    Element signatureValue = expect(parts.get(1), "SignatureValue");
    Element keyInfo = expect(parts.get(2), "KeyInfo");

    List<Element> info = children(signedInfo);
    if (info.size() < 3) {
      throw reject(Reason.MALFORMED_SIGNATURE, "SignedInfo lacks a method or a Reference");
    }
    expectEmpty(algorithm(expect(info.get(0), "CanonicalizationMethod"), EXCLUSIVE_C14N_NAME));
    expectEmpty(algorithm(expect(info.get(1), "SignatureMethod"), SIGNATURE_METHOD_NAME));
    if (info.size() != 3) {
      throw reject(
          Reason.BAD_REFERENCE,
          "SignedInfo must hold exactly one Reference, not " + (info.size() - 2) + " elements");
    }
    Element reference = expect(info.get(2), "Reference");
    if (!reference.hasAttribute("URI")) {
      throw reject(
          Reason.BAD_REFERENCE,
          "the Reference has no URI; it must be URI=\"\" (the whole document)");
    }
    if (!reference.getAttribute("URI").isEmpty()) {
      throw reject(
          Reason.BAD_REFERENCE,
          "the Reference URI "
              + quoted(reference.getAttribute("URI"))
              + " is not allowed; it must be URI=\"\" (the whole document)");
    }
    List<Element> ref = children(reference);
    if (ref.size() != 3 || !isDs(ref.get(0), "Transforms")) {
      throw reject(
          Reason.BAD_REFERENCE, "the Reference must hold Transforms, DigestMethod and DigestValue");
    }
    boolean exclusiveDigest = exclusiveDigest(children(ref.get(0)));
    expectEmpty(algorithm(expect(ref.get(1), "DigestMethod"), DIGEST_METHOD_NAME));
    byte[] digest = base64(expect(ref.get(2), "DigestValue"));
    if (digest.length != 32) {
      throw reject(Reason.MALFORMED_SIGNATURE, "a SHA-256 DigestValue has 32 bytes");
    }
    byte[] value = base64(signatureValue);

    List<Element> keyData = children(keyInfo);
    if (keyData.size() != 1) {
      throw reject(Reason.MALFORMED_SIGNATURE, "KeyInfo must hold exactly one X509Data");
    }
    List<Element> x509 = children(expect(keyData.get(0), "X509Data"));
    if (x509.size() != 1) {
      throw reject(Reason.MALFORMED_SIGNATURE, "X509Data must hold exactly one X509IssuerSerial");
    }
    List<Element> issuerSerial = children(expect(x509.get(0), "X509IssuerSerial"));
    if (issuerSerial.size() != 2) {
      throw reject(
          Reason.MALFORMED_SIGNATURE,
          "X509IssuerSerial must hold X509IssuerName, X509SerialNumber");
    }
    X500Principal issuer;
    BigInteger serial;
    try {
      issuer = issuerNamed(text(expect(issuerSerial.get(0), "X509IssuerName")).strip());
      serial = new BigInteger(text(expect(issuerSerial.get(1), "X509SerialNumber")).strip());
    } catch (IllegalArgumentException e) {
      throw reject(Reason.MALFORMED_SIGNATURE, "unreadable X509IssuerSerial: " + e.getMessage());
    }
    if (serial.signum() < 0) {
      throw reject(Reason.MALFORMED_SIGNATURE, "a certificate serial number is not negative");
    }
    return new SignedInfo(signedInfo, exclusiveDigest, digest, value, issuer, serial);
  }

  /**
   * Checks the Reference's transforms: enveloped-signature alone (false: digest after inclusive
   * C14N 1.0) or enveloped-signature then exclusive C14N (true).
   */
  private static boolean exclusiveDigest(List<Element> transforms) {
    for (Element t : transforms) {
      expect(t, "Transform");
      String a = t.getAttribute("Algorithm");
      // Checked before the parameters, so that a forbidden transform is named as such.
      if (!a.equals(DuisSignatureProfile.ENVELOPED_SIGNATURE)
          && !a.equals(DuisSignatureProfile.EXCLUSIVE_C14N)) {
        throw reject(
            Reason.FORBIDDEN_ALGORITHM,
            "transform "
                + named(a)
                + " is not allowed; DUIS allows enveloped-signature, optionally followed by"
                + " exclusive canonicalisation");
      }
      expectEmpty(t);
    }
    int n = transforms.size();
    boolean envelopedFirst =
        n > 0
            && transforms
                .get(0)
                .getAttribute("Algorithm")
                .equals(DuisSignatureProfile.ENVELOPED_SIGNATURE);
    if (envelopedFirst && n == 1) {
      return false;
    }
    if (envelopedFirst
        && n == 2
        && transforms
            .get(1)
            .getAttribute("Algorithm")
            .equals(DuisSignatureProfile.EXCLUSIVE_C14N)) {
      return true;
    }
    StringBuilder found = new StringBuilder();
    for (Element t : transforms) {
      if (found.length() > 0) {
        found.append(", ");
      }
      found.append(
          t.getAttribute("Algorithm").equals(DuisSignatureProfile.ENVELOPED_SIGNATURE)
              ? "enveloped-signature"
              : "exclusive canonicalisation");
    }
    throw reject(
        Reason.BAD_REFERENCE,
        "the transforms must be enveloped-signature, optionally followed by exclusive"
            + " canonicalisation; found "
            + (n == 0 ? "none" : found));
  }

  /** The URI in quotes, with what it is when it is a well-known algorithm. */
  private static String named(String algorithm) {
    if (algorithm.isEmpty()) {
      return "with no Algorithm";
    }
    String known = KNOWN_ALGORITHMS.get(algorithm);
    return quoted(algorithm) + (known == null ? "" : " (" + known + ")");
  }

  /** A value from the document for a message: quoted, at most 100 characters, no controls. */
  private static String quoted(String value) {
    StringBuilder b = new StringBuilder(Math.min(value.length(), 100) + 5).append('\'');
    for (int i = 0; i < value.length(); i++) {
      if (i == 100) {
        b.append("...");
        break;
      }
      char c = value.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return b.append('\'').toString();
  }

  /** Well-known algorithms other than the profile's, to name them in refusals. */
  private static final Map<String, String> KNOWN_ALGORITHMS =
      Map.ofEntries(
          Map.entry("http://www.w3.org/2000/09/xmldsig#sha1", "SHA-1"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA-224"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA-384"),
          Map.entry("http://www.w3.org/2001/04/xmlenc#sha512", "SHA-512"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#md5", "MD5"),
          Map.entry("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "RSA with SHA-1"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "RSA with SHA-256"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "RSA with SHA-384"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "RSA with SHA-512"),
          Map.entry("http://www.w3.org/2000/09/xmldsig#hmac-sha1", "HMAC with SHA-1"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#hmac-sha256", "HMAC with SHA-256"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#hmac-sha384", "HMAC with SHA-384"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#hmac-sha512", "HMAC with SHA-512"),
          Map.entry("http://www.w3.org/2000/09/xmldsig#dsa-sha1", "DSA with SHA-1"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", "ECDSA with SHA-1"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "ECDSA with SHA-384"),
          Map.entry("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "ECDSA with SHA-512"),
          Map.entry(
              DuisSignatureProfile.INCLUSIVE_C14N, "inclusive canonicalisation, Canonical XML 1.0"),
          Map.entry(
              DuisSignatureProfile.INCLUSIVE_C14N + "#WithComments",
              "inclusive canonicalisation with comments"),
          Map.entry(
              DuisSignatureProfile.EXCLUSIVE_C14N + "WithComments",
              "exclusive canonicalisation with comments"),
          Map.entry("http://www.w3.org/2006/12/xml-c14n11", "Canonical XML 1.1"),
          Map.entry(
              "http://www.w3.org/2006/12/xml-c14n11#WithComments",
              "Canonical XML 1.1 with comments"),
          Map.entry("http://www.w3.org/TR/1999/REC-xpath-19991116", "XPath filtering"),
          Map.entry("http://www.w3.org/2002/06/xmldsig-filter2", "XPath Filter 2.0"),
          Map.entry("http://www.w3.org/TR/1999/REC-xslt-19991116", "XSLT"),
          Map.entry("http://www.w3.org/2000/09/xmldsig#base64", "base64 decoding"));

  /** Parsing a distinguished name costs more than the lookup; few issuers sign DUIS messages. */
  private static X500Principal issuerNamed(String name) {
    X500Principal known = ISSUERS.get(name);
    if (known == null) {
      known = new X500Principal(name, OPENSSL_KEYWORDS);
      if (ISSUERS.size() >= ISSUER_CACHE_LIMIT) {
        ISSUERS.clear(); // bounded: start over rather than grow
      }
      ISSUERS.put(name, known);
    }
    return known;
  }

  private static final String EXCLUSIVE_C14N_NAME = DuisSignatureProfile.EXCLUSIVE_C14N;
  private static final String SIGNATURE_METHOD_NAME = DuisSignatureProfile.ECDSA_SHA256;
  private static final String DIGEST_METHOD_NAME = DuisSignatureProfile.SHA256;

  private static Element algorithm(Element e, String expected) {
    String actual = e.getAttribute("Algorithm");
    if (!actual.equals(expected)) {
      throw reject(
          Reason.FORBIDDEN_ALGORITHM,
          e.getLocalName() + " " + named(actual) + " is not allowed; DUIS uses '" + expected + "'");
    }
    return e;
  }

  private static boolean isDs(Element e, String localName) {
    return DSIG_NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
  }

  private static Element expect(Element e, String localName) {
    if (!isDs(e, localName)) {
      throw reject(
          Reason.MALFORMED_SIGNATURE, "expected ds:" + localName + " but found " + e.getNodeName());
    }
    return e;
  }

  private static Element expectEmpty(Element e) {
    if (!children(e).isEmpty()) {
      throw reject(
          Reason.MALFORMED_SIGNATURE, e.getLocalName() + " must have no parameters in DUIS");
    }
    return e;
  }

  /** Element children; whitespace and comments are skipped, any other content is refused. */
  private static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>(4);
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      switch (n.getNodeType()) {
        case Node.ELEMENT_NODE -> out.add((Element) n);
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          if (!n.getNodeValue().isBlank()) {
            throw reject(Reason.MALFORMED_SIGNATURE, "unexpected text in " + parent.getNodeName());
          }
        }
        case Node.COMMENT_NODE -> {}
        default ->
            throw reject(
                Reason.MALFORMED_SIGNATURE, "unexpected content in " + parent.getNodeName());
      }
    }
    return out;
  }

  private static String text(Element e) {
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        throw reject(Reason.MALFORMED_SIGNATURE, e.getNodeName() + " must hold text only");
      }
    }
    return e.getTextContent();
  }

  private static byte[] base64(Element e) {
    String s = text(e);
    StringBuilder compact = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        compact.append(c);
      }
    }
    try {
      return Base64.getDecoder().decode(compact.toString());
    } catch (IllegalArgumentException ex) {
      throw reject(Reason.MALFORMED_SIGNATURE, e.getLocalName() + " is not base64");
    }
  }

  private static SignatureRejectedException reject(Reason reason, String message) {
    return new SignatureRejectedException(reason, message);
  }

  private record SignedInfo(
      Element element,
      boolean exclusiveDigest,
      byte[] digest,
      byte[] value,
      X500Principal issuer,
      BigInteger serial) {}
}
