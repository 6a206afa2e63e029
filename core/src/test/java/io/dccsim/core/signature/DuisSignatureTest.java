package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.signature.SignatureRejectedException.Reason;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlRejectedException;
import io.dccsim.core.xml.XmlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.function.UnaryOperator;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class DuisSignatureTest {
  static final String SR = "http://www.dccinterface.co.uk/ServiceUserGateway";
  static final String ISSUER = "CN=Test Organisation CA,OU=07,O=dccsim";
  static final SigningCredential USER =
      TestCredentials.credential(ISSUER, BigInteger.valueOf(4711));
  static final DuisSigner SIGNER = new DuisSigner(USER);
  static final DuisSignatureVerifier VERIFIER =
      new DuisSignatureVerifier(CertificateResolver.of(USER.certificate()));

  static byte[] resource(String name) {
    try (InputStream in = DuisSignatureTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Document request() {
    return SecureXml.withDefaults().parse(resource("sr-12.1-request.xml"));
  }

  static String signedRequest() {
    Document doc = request();
    SIGNER.sign(doc);
    return new String(XmlWriter.toBytes(doc), StandardCharsets.UTF_8);
  }

  /** Parses and verifies as a receiver would; returns the reason of a refusal, or null. */
  static Enum<?> refusal(String xml) {
    return refusal(xml.getBytes(StandardCharsets.UTF_8));
  }

  static Enum<?> refusal(byte[] xml) {
    try {
      VERIFIER.verify(SecureXml.withDefaults().parse(xml));
      return null;
    } catch (SignatureRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.reason();
    } catch (XmlRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.reason();
    }
  }

  static String edit(String xml, UnaryOperator<Document> change) {
    Document doc = SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
    return new String(XmlWriter.toBytes(change.apply(doc)), StandardCharsets.UTF_8);
  }

  static Element signatureOf(Document doc) {
    return (Element) doc.getElementsByTagNameNS(DuisSignatureProfile.DSIG_NS, "Signature").item(0);
  }

  static Element ds(Document doc, String localName) {
    return (Element) doc.getElementsByTagNameNS(DuisSignatureProfile.DSIG_NS, localName).item(0);
  }

  @Test
  void aSignedRequestVerifiesAfterWritingAndParsing() {
    String signed = signedRequest();
    assertThat(signed)
        .contains("<ds:Reference URI=\"\">")
        .contains(DuisSignatureProfile.ECDSA_SHA256)
        .contains("<ds:X509SerialNumber>4711</ds:X509SerialNumber>")
        .doesNotContain("X509Certificate");
    VerifiedSignature v =
        VERIFIER.verify(SecureXml.withDefaults().parse(signed.getBytes(StandardCharsets.UTF_8)));
    assertThat(v.certificate()).isEqualTo(USER.certificate());
    assertThat(v.serial()).isEqualTo(BigInteger.valueOf(4711));
    assertThat(v.issuer()).isEqualTo(USER.certificate().getIssuerX500Principal());
  }

  @Test
  void theSignatureIsTheLastChildOfTheRootAndTheValueIsRawRAndS() {
    Document doc = request();
    Element signature = SIGNER.sign(doc);
    assertThat(signature.getParentNode()).isSameAs(doc.getDocumentElement());
    assertThat(doc.getDocumentElement().getLastChild()).isSameAs(signature);
    byte[] value = Base64.getDecoder().decode(ds(doc, "SignatureValue").getTextContent());
    assertThat(value).hasSize(64);
    assertThat(VERIFIER.verify(doc).serial()).isEqualTo(BigInteger.valueOf(4711));
  }

  @Test
  void theJdkXmlSignatureImplementationAgrees() throws Exception {
    Document doc = SecureXml.withDefaults().parse(signedRequest().getBytes(StandardCharsets.UTF_8));
    DOMValidateContext context =
        new DOMValidateContext(
            KeySelector.singletonKeySelector(USER.certificate().getPublicKey()), signatureOf(doc));
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
    assertThat(signature.validate(context)).isTrue();
  }

  @Test
  void theJdkXmlSignatureImplementationTakesItsSignatureFromTheContextProvider() throws Exception {
    // Documents the other route to a fast provider: the JDK's DOM implementation asks the context
    // property for the provider. A provider without ECDSA makes it fail, so the property is used.
    Document doc = SecureXml.withDefaults().parse(signedRequest().getBytes(StandardCharsets.UTF_8));
    DOMValidateContext context =
        new DOMValidateContext(
            KeySelector.singletonKeySelector(USER.certificate().getPublicKey()), signatureOf(doc));
    java.security.Provider empty = new java.security.Provider("Empty", "1", "no services") {};
    context.setProperty("org.jcp.xml.dsig.internal.dom.SignatureProvider", empty);
    XMLSignature signature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
    assertThatThrownBy(() -> signature.validate(context))
        .hasRootCauseInstanceOf(java.security.NoSuchAlgorithmException.class);
  }

  @Test
  void issuerNamesInOpenSslSpellingAreUnderstood() {
    org.bouncycastle.asn1.x500.X500Name issuer =
        new org.bouncycastle.asn1.x500.X500NameBuilder()
            .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.CN, "Z1-OCA")
            .addRDN(org.bouncycastle.asn1.x500.style.BCStyle.OU, "07")
            .addRDN(
                org.bouncycastle.asn1.x500.style.BCStyle.UNIQUE_IDENTIFIER,
                new org.bouncycastle.asn1.DERBitString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
            .build();
    KeyPair keys = TestCredentials.p256();
    X509Certificate cert =
        TestCredentials.certificate(
            keys,
            new org.bouncycastle.asn1.x500.X500Name("CN=User,OU=87"),
            issuer,
            TestCredentials.p256().getPrivate(),
            BigInteger.valueOf(31));
    SigningCredential user = SigningCredential.of(keys.getPrivate(), cert);
    Document doc = request();
    new DuisSigner(user).sign(doc);
    // As xmlsec1 writes it: OpenSSL's attribute name, and the value as hex DER.
    ds(doc, "X509IssuerName")
        .setTextContent("x500UniqueIdentifier=#0309000102030405060708,OU=07,CN=Z1-OCA");
    VerifiedSignature v = new DuisSignatureVerifier(CertificateResolver.of(cert)).verify(doc);
    assertThat(v.issuer()).isEqualTo(cert.getIssuerX500Principal());
  }

  @Test
  void refusesSigningTwice() {
    Document doc = request();
    SIGNER.sign(doc);
    assertThatThrownBy(() -> SIGNER.sign(doc)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangedByteIsRefused() {
    String signed = signedRequest();
    assertThat(refusal(signed.replace("M22 0RR", "M22 0RS"))).isEqualTo(Reason.BAD_DIGEST);
    assertThat(refusal(signed.replace("schemaVersion=\"5.1\"", "schemaVersion=\"5.0\"")))
        .isEqualTo(Reason.BAD_DIGEST);
    String value = ds(request(signed), "SignatureValue").getTextContent();
    char c = value.charAt(10);
    String flipped = value.substring(0, 10) + (c == 'A' ? 'B' : 'A') + value.substring(11);
    assertThat(refusal(signed.replace(value, flipped))).isEqualTo(Reason.BAD_SIGNATURE_VALUE);
    String digest = ds(request(signed), "DigestValue").getTextContent();
    char d = digest.charAt(5);
    String changed = digest.substring(0, 5) + (d == 'A' ? 'B' : 'A') + digest.substring(6);
    assertThat(refusal(signed.replace(digest, changed))).isEqualTo(Reason.BAD_DIGEST);
  }

  static Document request(String xml) {
    return SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void whitespaceAndCommentsOutsideTheRootDoNotMatterButInsideTheyDo() {
    String signed = signedRequest();
    String root = signed.substring(signed.indexOf("<sr:Request"));
    assertThat(refusal("<!-- c -->\n" + root + "\n")).isNull();
    assertThat(refusal(signed.replace("<sr:Body>", "<sr:Body><!-- added -->"))).isNull();
    assertThat(refusal(signed.replace("<sr:Body>", "<sr:Body> "))).isEqualTo(Reason.BAD_DIGEST);
  }

  @Test
  void aMovedOrDuplicatedSignatureIsRefused() {
    String signed = signedRequest();
    String intoBody =
        edit(
            signed,
            doc -> {
              Node body = doc.getElementsByTagNameNS(SR, "Body").item(0);
              body.appendChild(signatureOf(doc));
              return doc;
            });
    assertThat(refusal(intoBody)).isEqualTo(Reason.MISPLACED_SIGNATURE);
    String first =
        edit(
            signed,
            doc -> {
              Element root = doc.getDocumentElement();
              root.insertBefore(signatureOf(doc), root.getFirstChild());
              return doc;
            });
    assertThat(refusal(first)).isEqualTo(Reason.MISPLACED_SIGNATURE);
    String twice =
        edit(
            signed,
            doc -> {
              doc.getDocumentElement().appendChild(signatureOf(doc).cloneNode(true));
              return doc;
            });
    assertThat(refusal(twice)).isEqualTo(Reason.MULTIPLE_SIGNATURES);
    String hidden =
        edit(
            signed,
            doc -> {
              Node header = doc.getElementsByTagNameNS(SR, "Header").item(0);
              header.appendChild(signatureOf(doc).cloneNode(true));
              return doc;
            });
    assertThat(refusal(hidden)).isEqualTo(Reason.MULTIPLE_SIGNATURES);
    assertThat(refusal(new String(resource("sr-12.1-request.xml"), StandardCharsets.UTF_8)))
        .isEqualTo(Reason.NO_SIGNATURE);
  }

  @Test
  void aWrappedBodyIsRefused() {
    String signed = signedRequest();
    // The signed body moved into a wrapper, a forged body in its place.
    String wrapped =
        edit(
            signed,
            doc -> {
              Element root = doc.getDocumentElement();
              Node body = doc.getElementsByTagNameNS(SR, "Body").item(0);
              Element wrapper = doc.createElementNS(SR, "sr:Wrapper");
              Node forged = body.cloneNode(true);
              forged.getFirstChild().getNextSibling().setTextContent("forged");
              root.replaceChild(forged, body);
              wrapper.appendChild(body);
              root.insertBefore(wrapper, forged);
              return doc;
            });
    assertThat(refusal(wrapped)).isEqualTo(Reason.BAD_DIGEST);
    // The signed document tucked inside an Object of a new signature.
    String inObject =
        edit(
            signed,
            doc -> {
              Element signature = signatureOf(doc);
              Element object = doc.createElementNS(DuisSignatureProfile.DSIG_NS, "ds:Object");
              Node body = doc.getElementsByTagNameNS(SR, "Body").item(0);
              object.appendChild(body.cloneNode(true));
              signature.appendChild(object);
              body.setTextContent("forged");
              return doc;
            });
    assertThat(refusal(inObject)).isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void aWrongKeyOrAnUnknownSignerIsRefused() {
    KeyPair other = TestCredentials.p256();
    X509Certificate impostor =
        TestCredentials.certificate(
            other, "CN=Impostor", ISSUER, other.getPrivate(), BigInteger.valueOf(4711));
    DuisSignatureVerifier fooled = new DuisSignatureVerifier(CertificateResolver.of(impostor));
    Document doc = request(signedRequest());
    assertThatThrownBy(() -> fooled.verify(doc))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE_VALUE));
    DuisSignatureVerifier stranger =
        new DuisSignatureVerifier(CertificateResolver.of(USER.certificate()));
    SigningCredential otherUser = TestCredentials.credential(ISSUER, BigInteger.valueOf(4712));
    Document byOther = request();
    new DuisSigner(otherUser).sign(byOther);
    assertThatThrownBy(() -> stranger.verify(byOther))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_SIGNER));
  }

  @Test
  void otherAlgorithmsAreRefused() {
    String signed = signedRequest();
    String[][] forbidden = {
      {DuisSignatureProfile.SHA256, "http://www.w3.org/2000/09/xmldsig#sha1"},
      {DuisSignatureProfile.ECDSA_SHA256, "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1"},
      {DuisSignatureProfile.ECDSA_SHA256, "http://www.w3.org/2000/09/xmldsig#rsa-sha1"},
      {DuisSignatureProfile.ECDSA_SHA256, "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"},
      {DuisSignatureProfile.ECDSA_SHA256, "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"},
      {
        "<ds:CanonicalizationMethod Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N,
        "<ds:CanonicalizationMethod Algorithm=\"http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
      },
      {
        "<ds:Transform Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N,
        "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116"
      },
      {
        "<ds:Transform Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N,
        "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xslt-19991116"
      },
    };
    for (String[] change : forbidden) {
      assertThat(signed).contains(change[0]);
      assertThat(refusal(signed.replace(change[0], change[1])))
          .as(change[1])
          .isEqualTo(Reason.FORBIDDEN_ALGORITHM);
    }
  }

  @Test
  void anRsaOrNonP256SignerCertificateIsRefused() throws Exception {
    java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair rsaKeys = rsa.generateKeyPair();
    KeyPair ca = TestCredentials.p256();
    X509Certificate rsaCert =
        TestCredentials.certificate(
            rsaKeys, "CN=RSA", ISSUER, ca.getPrivate(), BigInteger.valueOf(4711));
    Document doc = request(signedRequest());
    assertThatThrownBy(() -> new DuisSignatureVerifier(CertificateResolver.of(rsaCert)).verify(doc))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN_ALGORITHM));
    assertThatThrownBy(() -> SigningCredential.of(rsaKeys.getPrivate(), rsaCert))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badReferencesAreRefused() {
    String signed = signedRequest();
    assertThat(refusal(signed.replace("URI=\"\"", "URI=\"#body\"")))
        .isEqualTo(Reason.BAD_REFERENCE);
    assertThat(refusal(signed.replace("<ds:Reference URI=\"\">", "<ds:Reference>")))
        .isEqualTo(Reason.BAD_REFERENCE);
    String twoReferences =
        edit(
            signed,
            doc -> {
              Element reference = ds(doc, "Reference");
              reference.getParentNode().appendChild(reference.cloneNode(true));
              return doc;
            });
    assertThat(refusal(twoReferences)).isEqualTo(Reason.BAD_REFERENCE);
    // Enveloped-signature alone is an allowed form, but dropping the second transform changes
    // SignedInfo, so the value no longer verifies.
    String oneTransform =
        edit(
            signed,
            doc -> {
              Element transforms = ds(doc, "Transforms");
              transforms.removeChild(transforms.getLastChild());
              return doc;
            });
    assertThat(refusal(oneTransform)).isEqualTo(Reason.BAD_SIGNATURE_VALUE);
    String exclusiveOnly =
        edit(
            signed,
            doc -> {
              Element transforms = ds(doc, "Transforms");
              transforms.removeChild(transforms.getFirstChild());
              return doc;
            });
    assertThat(refusal(exclusiveOnly)).isEqualTo(Reason.BAD_REFERENCE);
  }

  @Test
  void aDerEncodedSignatureValueIsRefused() {
    String signed = signedRequest();
    String value = ds(request(signed), "SignatureValue").getTextContent();
    byte[] raw = Base64.getDecoder().decode(value);
    byte[] der = new byte[70];
    der[0] = 0x30;
    der[1] = 68;
    der[2] = 0x02;
    der[3] = 33;
    System.arraycopy(raw, 0, der, 5, 32);
    der[37] = 0x02;
    der[38] = 32;
    System.arraycopy(raw, 32, der, 39, 31);
    String encoded = Base64.getEncoder().encodeToString(der);
    assertThat(refusal(signed.replace(value, encoded))).isEqualTo(Reason.BAD_SIGNATURE_VALUE);
  }

  @Test
  void hostileDocumentsAreRefusedBeforeVerification() {
    String signed = signedRequest();
    String body = signed.substring(signed.indexOf("<sr:Request"));
    assertThat(
            refusal(
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + body.replace("M22 0RR", "&x;")))
        .isEqualTo(XmlRejectedException.Reason.DOCTYPE);
    StringBuilder laughs = new StringBuilder("<!DOCTYPE l [<!ENTITY a \"lol\">");
    String previous = "a";
    for (int i = 0; i < 9; i++) {
      String name = "e" + i;
      laughs
          .append("<!ENTITY ")
          .append(name)
          .append(" \"")
          .append(("&" + previous + ";").repeat(10));
      laughs.append("\">");
      previous = name;
    }
    laughs.append("]>").append(body.replace("M22 0RR", "&" + previous + ";"));
    assertThat(refusal(laughs.toString())).isEqualTo(XmlRejectedException.Reason.DOCTYPE);
    String huge = body.replace("Threapwood Road", "x".repeat(10 * 1024 * 1024));
    assertThat(refusal(huge)).isEqualTo(XmlRejectedException.Reason.TOO_LARGE);
    String deep =
        body.replace("<sr:Body>", "<sr:Body>" + "<d>".repeat(10_000) + "</d>".repeat(10_000));
    assertThat(refusal(deep)).isEqualTo(XmlRejectedException.Reason.TOO_DEEP);
  }

  @Test
  void aPrettyPrintedSignatureWithWrappedBase64Verifies() {
    Document doc = request();
    SIGNER.sign(doc);
    Element value = ds(doc, "SignatureValue");
    String text = value.getTextContent();
    // Line breaks in base64 (as xmlsec1 writes) are outside SignedInfo, so the value still holds.
    value.setTextContent("\n" + text.substring(0, 40) + "\n" + text.substring(40) + "\n");
    assertThat(refusal(XmlWriter.toBytes(doc))).isNull();
  }
}
