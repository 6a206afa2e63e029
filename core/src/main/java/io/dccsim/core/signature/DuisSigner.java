package io.dccsim.core.signature;

import static io.dccsim.core.signature.DuisSignatureProfile.DSIG_NS;
import static io.dccsim.core.signature.DuisSignatureProfile.DSIG_PREFIX;

import io.dccsim.core.xml.internal.Utf8Output;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs DUIS documents: appends an enveloped {@code ds:Signature} as the last child of the root
 * element, in the {@link DuisSignatureProfile DUIS profile}. Thread-safe.
 */
public final class DuisSigner {
  private static final ThreadLocal<Utf8Output> BUFFERS =
      ThreadLocal.withInitial(() -> new Utf8Output(8 * 1024));

  private final SigningCredential credential;
  private final String issuerName;
  private final String serialNumber;

  /** A signer using {@code credential}. */
  public DuisSigner(SigningCredential credential) {
    this.credential = Objects.requireNonNull(credential, "credential");
    this.issuerName =
        credential.certificate().getIssuerX500Principal().getName(X500Principal.RFC2253);
    this.serialNumber = credential.certificate().getSerialNumber().toString();
  }

  /** The credential this signer uses. */
  public SigningCredential credential() {
    return credential;
  }

  /**
   * Signs {@code document} in place and returns the appended {@code ds:Signature} element.
   *
   * @throws IllegalArgumentException when the document has no root element or is already signed
   */
  public Element sign(Document document) {
    Objects.requireNonNull(document, "document");
    Element root = document.getDocumentElement();
    if (root == null) {
      throw new IllegalArgumentException("the document has no root element");
    }
    if (document.getElementsByTagNameNS(DSIG_NS, "Signature").getLength() > 0) {
      throw new IllegalArgumentException("the document is already signed");
    }
    Utf8Output out = BUFFERS.get();
    out.reset();
    ExclusiveCanonicalizer.document(document, null, out);
    MessageDigest sha256 = sha256();
    out.updateDigest(sha256);
    String digest = Base64.getEncoder().encodeToString(sha256.digest());

    Element signature = ds(document, "Signature");
    signature.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + DSIG_PREFIX, DSIG_NS);
    Element signedInfo = child(signature, "SignedInfo");
    child(signedInfo, "CanonicalizationMethod")
        .setAttribute("Algorithm", DuisSignatureProfile.EXCLUSIVE_C14N);
    child(signedInfo, "SignatureMethod")
        .setAttribute("Algorithm", DuisSignatureProfile.ECDSA_SHA256);
    Element reference = child(signedInfo, "Reference");
    reference.setAttribute("URI", "");
    Element transforms = child(reference, "Transforms");
    child(transforms, "Transform")
        .setAttribute("Algorithm", DuisSignatureProfile.ENVELOPED_SIGNATURE);
    child(transforms, "Transform").setAttribute("Algorithm", DuisSignatureProfile.EXCLUSIVE_C14N);
    child(reference, "DigestMethod").setAttribute("Algorithm", DuisSignatureProfile.SHA256);
    child(reference, "DigestValue").setTextContent(digest);

    out.reset();
    ExclusiveCanonicalizer.subtree(signedInfo, out);
    byte[] value = EcdsaP256.sign(credential.providerKey(), out.array(), out.size());
    out.reset();
    child(signature, "SignatureValue").setTextContent(Base64.getEncoder().encodeToString(value));

    Element issuerSerial =
        child(child(child(signature, "KeyInfo"), "X509Data"), "X509IssuerSerial");
    child(issuerSerial, "X509IssuerName").setTextContent(issuerName);
    child(issuerSerial, "X509SerialNumber").setTextContent(serialNumber);

    root.appendChild(signature);
    return signature;
  }

  private static Element ds(Document document, String localName) {
    return document.createElementNS(DSIG_NS, DSIG_PREFIX + ":" + localName);
  }

  private static Element child(Element parent, String localName) {
    Element e = ds(parent.getOwnerDocument(), localName);
    parent.appendChild(e);
    return e;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
