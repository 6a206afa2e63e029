package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.signature.IndependentSigners.Form;
import io.dccsim.core.signature.SignatureRejectedException.Reason;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import io.dccsim.core.xml.internal.Utf8Output;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every signature form the DUIS profile allows verifies, whoever made it; every other form is
 * refused with a reason and a message naming what was wrong.
 */
class SignatureFormsTest {
  private static final String ISSUER = "CN=Test Organisation CA,OU=07,O=dccsim";
  private static final BigInteger SERIAL = BigInteger.valueOf(8801);
  private static final SigningCredential USER = TestCredentials.credential(ISSUER, SERIAL);
  private static final DuisSignatureVerifier VERIFIER =
      new DuisSignatureVerifier(CertificateResolver.of(USER.certificate()));
  private static final String ISSUER_2253 =
      USER.certificate().getIssuerX500Principal().getName(X500Principal.RFC2253);

  private static final String ENV =
      "<ds:Transform Algorithm=\"" + DuisSignatureProfile.ENVELOPED_SIGNATURE + "\"/>";
  private static final String EXC =
      "<ds:Transform Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N + "\"/>";
  private static final String TRANSFORMS = "<ds:Transforms>" + ENV + EXC + "</ds:Transforms>";

  @TempDir Path dir;

  /** The RTDS-shaped SR 12.1 request; its root declares a namespace it does not use. */
  static String rtdsRequest() {
    return new String(DuisSignatureTest.resource("rtds-12.1-request.xml"), StandardCharsets.UTF_8);
  }

  private static Document parse(String xml) {
    return parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static Document parse(byte[] xml) {
    return SecureXml.withDefaults().parse(xml);
  }

  private static VerifiedSignature verify(byte[] xml) {
    return VERIFIER.verify(parse(xml));
  }

  private static String text(byte[] xml) {
    return new String(xml, StandardCharsets.UTF_8);
  }

  /** Signed with this library (the two-transform form, no whitespace). */
  private static String ours() {
    Document doc = parse(rtdsRequest());
    new DuisSigner(USER).sign(doc);
    return text(XmlWriter.toBytes(doc));
  }

  private static byte[] santuario(Form form) throws Exception {
    Document doc = parse(rtdsRequest());
    IndependentSigners.santuario(doc, USER.privateKey(), ISSUER_2253, SERIAL, form);
    return IndependentSigners.serialise(doc);
  }

  // ---- accepted forms ----------------------------------------------------------------------

  @Test
  void theRequestUsedHereCanonicalisesDifferentlyInclusivelyAndExclusively() {
    // Otherwise a verifier digesting the wrong form would pass the tests below.
    Document doc = parse(rtdsRequest());
    Utf8Output inclusive = new Utf8Output(64);
    InclusiveCanonicalizer.document(doc, null, inclusive);
    Utf8Output exclusive = new Utf8Output(64);
    ExclusiveCanonicalizer.document(doc, null, exclusive);
    assertThat(text(inclusive.toByteArray()))
        .isNotEqualTo(text(exclusive.toByteArray()))
        .contains("xmlns:xsi=");
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void santuarioSignaturesVerifyInBothForms(Form form) throws Exception {
    byte[] signed = santuario(form);
    String xml = text(signed);
    assertThat(xml.split("<ds:Transform ", -1)).hasSize(form == Form.ENVELOPED_ONLY ? 2 : 3);
    // Santuario's base64 has CR LF line breaks, and the CR is written as a character reference.
    assertThat(xml).contains("&#13;");
    VerifiedSignature v = verify(signed);
    assertThat(v.certificate()).isEqualTo(USER.certificate());
    assertThat(v.serial()).isEqualTo(SERIAL);
    String tampered = xml.replace("Threapwood Road", "Threapwood Lane");
    assertThat(refusal(tampered)).isEqualTo(Reason.BAD_DIGEST);
  }

  @Test
  void santuarioStandardFormIsDigestedInclusively() throws Exception {
    // A namespace declaration nobody uses is outside the exclusive form but inside the inclusive
    // one: changing it must break a one-transform signature and leave a two-transform one alone.
    String one = text(santuario(Form.ENVELOPED_ONLY));
    String two = text(santuario(Form.ENVELOPED_THEN_EXCLUSIVE));
    String unused = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";
    String changed = "xmlns:xsi=\"urn:changed\"";
    assertThat(refusal(one.replace(unused, changed))).isEqualTo(Reason.BAD_DIGEST);
    assertThat(refusal(two.replace(unused, changed))).isNull();
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void jdkXmlSignatureApiSignaturesVerifyInBothForms(Form form) throws Exception {
    Document doc = parse(rtdsRequest());
    IndependentSigners.jdk(doc, USER.privateKey(), ISSUER_2253, SERIAL, form);
    byte[] signed = IndependentSigners.serialise(doc);
    assertThat(text(signed).split("<ds:Transform ", -1))
        .hasSize(form == Form.ENVELOPED_ONLY ? 2 : 3);
    assertThat(text(signed)).contains("&#13;");
    assertThat(verify(signed).serial()).isEqualTo(SERIAL);
    assertThat(refusal(text(signed).replace("M22 0RR", "M22 0RS"))).isEqualTo(Reason.BAD_DIGEST);
  }

  @ParameterizedTest
  @EnumSource(Form.class)
  void xmlsec1SignaturesVerifyInBothForms(Form form) throws Exception {
    byte[] signed = IndependentSigners.xmlsec1(dir, rtdsRequest(), "</sr:Request>", USER, form);
    assertThat(verify(signed).certificate()).isEqualTo(USER.certificate());
    assertThat(refusal(text(signed).replace("M22 0RR", "M22 0RS"))).isEqualTo(Reason.BAD_DIGEST);
  }

  @Test
  void base64WithSpacesTabsLineBreaksAndCarriageReturnsIsRead() throws Exception {
    Document doc = parse(ours());
    Element digest = DuisSignatureTest.ds(doc, "DigestValue");
    String d = digest.getTextContent();
    // DigestValue is inside SignedInfo: break it first, then sign SignedInfo as it now reads.
    digest.setTextContent("\r\n  " + d.substring(0, 20) + "\r\n\t" + d.substring(20) + " ");
    Utf8Output out = new Utf8Output(512);
    ExclusiveCanonicalizer.subtree(DuisSignatureTest.ds(doc, "SignedInfo"), out);
    String v =
        java.util.Base64.getEncoder()
            .encodeToString(
                EcdsaP256.sign(
                    EcdsaP256.toProviderKey(USER.privateKey()), out.array(), out.size()));
    Element value = DuisSignatureTest.ds(doc, "SignatureValue");
    value.setTextContent(
        "\n" + v.substring(0, 30) + "\r\n" + v.substring(30, 60) + " \t\r\n" + v.substring(60));
    byte[] written = IndependentSigners.serialise(doc);
    assertThat(text(written)).contains("&#13;\n\t").contains(" \t&#13;\n");
    assertThat(refusal(text(written))).isNull();
    // Other characters inside base64 still are not base64.
    String signed = ours();
    String original = DuisSignatureTest.ds(parse(signed), "SignatureValue").getTextContent();
    assertThat(
            refusal(
                signed.replace(original, original.substring(0, 10) + "*" + original.substring(10))))
        .isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  static Stream<Arguments> issuerSpellings() {
    String rfc2253 = ISSUER_2253; // O=dccsim,OU=07,CN=Test Organisation CA
    List<String> rdns = List.of(rfc2253.split(","));
    List<String> backwards = new java.util.ArrayList<>(rdns);
    java.util.Collections.reverse(backwards);
    String reversed = String.join(",", backwards);
    return Stream.of(
        Arguments.of(rfc2253, true),
        Arguments.of(String.join(", ", rdns), true),
        Arguments.of(reversed, true),
        Arguments.of(String.join(", ", backwards), true),
        Arguments.of(rfc2253.toLowerCase(java.util.Locale.ROOT), true),
        Arguments.of("o = dccsim , ou = 07 , cn = Test Organisation CA", true),
        // Any other order is another name, and another name is another issuer.
        Arguments.of("OU=07,O=dccsim,CN=Test Organisation CA", false),
        Arguments.of("O=dccsim,OU=07,CN=Other CA", false),
        Arguments.of("O=dccsim,OU=07", false));
  }

  @ParameterizedTest
  @MethodSource("issuerSpellings")
  void issuerNamesAreComparedAsX500NamesInEitherOrder(String spelling, boolean known) {
    // X509IssuerName is outside SignedInfo, so it can be respelled without re-signing.
    String signed = ours();
    String written = DuisSignatureTest.ds(parse(signed), "X509IssuerName").getTextContent();
    String respelled =
        signed.replace(
            "<ds:X509IssuerName>" + written + "</ds:X509IssuerName>",
            "<ds:X509IssuerName>" + spelling + "</ds:X509IssuerName>");
    assertThat(respelled).contains(spelling);
    assertThat(refusal(respelled)).isEqualTo(known ? null : Reason.UNKNOWN_SIGNER);
  }

  @Test
  void theRtdsIssuerSpellingWithSpacesResolves() throws Exception {
    // The DCC's templates write names like "CN=U1, OU=07".
    KeyPair ca = TestCredentials.p256();
    KeyPair subject = TestCredentials.p256();
    X509Certificate cert =
        TestCredentials.certificate(
            subject,
            "CN=Supplier,OU=87",
            "CN=U1,OU=07",
            ca.getPrivate(),
            BigInteger.valueOf(0x1234));
    DuisSignatureVerifier verifier = new DuisSignatureVerifier(CertificateResolver.of(cert));
    for (String spelling : List.of("CN=U1, OU=07", "OU=07, CN=U1", "OU=07,CN=U1")) {
      Document doc = parse(rtdsRequest());
      IndependentSigners.santuario(
          doc, subject.getPrivate(), spelling, BigInteger.valueOf(0x1234), Form.ENVELOPED_ONLY);
      assertThat(verifier.verify(parse(IndependentSigners.serialise(doc))).certificate())
          .as(spelling)
          .isEqualTo(cert);
    }
  }

  // ---- refused forms -----------------------------------------------------------------------

  private record Refused(String what, UnaryOperator<String> change, Reason reason, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  private static Refused transforms(String what, String transforms, Reason r, String message) {
    return new Refused(what, s -> s.replace(TRANSFORMS, transforms), r, message);
  }

  private static Refused replace(String what, String from, String to, Reason r, String message) {
    return new Refused(
        what,
        s -> {
          assertThat(s).contains(from);
          return s.replace(from, to);
        },
        r,
        message);
  }

  private static String transform(String algorithm) {
    return "<ds:Transform Algorithm=\"" + algorithm + "\"/>";
  }

  private static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";

  static Stream<Refused> refusedForms() {
    String inc = DuisSignatureProfile.INCLUSIVE_C14N;
    String excComments = DuisSignatureProfile.EXCLUSIVE_C14N + "WithComments";
    String incComments = inc + "#WithComments";
    String canon =
        "<ds:CanonicalizationMethod Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N + "\"/>";
    String method = "<ds:SignatureMethod Algorithm=\"" + DuisSignatureProfile.ECDSA_SHA256 + "\"/>";
    String digest = "<ds:DigestMethod Algorithm=\"" + DuisSignatureProfile.SHA256 + "\"/>";
    return Stream.of(
        // transforms: other, extra, missing, out of order
        transforms(
            "no transforms",
            "<ds:Transforms></ds:Transforms>",
            Reason.BAD_REFERENCE,
            "the transforms must be enveloped-signature, optionally followed by exclusive"
                + " canonicalisation; found none"),
        transforms(
            "no Transforms element",
            "",
            Reason.BAD_REFERENCE,
            "the Reference must hold Transforms, DigestMethod and DigestValue"),
        transforms(
            "exclusive C14N alone",
            "<ds:Transforms>" + EXC + "</ds:Transforms>",
            Reason.BAD_REFERENCE,
            "found exclusive canonicalisation"),
        transforms(
            "exclusive C14N then enveloped-signature",
            "<ds:Transforms>" + EXC + ENV + "</ds:Transforms>",
            Reason.BAD_REFERENCE,
            "found exclusive canonicalisation, enveloped-signature"),
        transforms(
            "enveloped-signature twice",
            "<ds:Transforms>" + ENV + ENV + "</ds:Transforms>",
            Reason.BAD_REFERENCE,
            "found enveloped-signature, enveloped-signature"),
        transforms(
            "a second exclusive C14N",
            "<ds:Transforms>" + ENV + EXC + EXC + "</ds:Transforms>",
            Reason.BAD_REFERENCE,
            "found enveloped-signature, exclusive canonicalisation, exclusive canonicalisation"),
        transforms(
            "inclusive C14N as a transform",
            "<ds:Transforms>" + ENV + transform(inc) + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "transform '"
                + inc
                + "' (inclusive canonicalisation, Canonical XML 1.0) is not allowed"),
        transforms(
            "exclusive C14N with comments as a transform",
            "<ds:Transforms>" + ENV + transform(excComments) + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "transform '" + excComments + "' (exclusive canonicalisation with comments)"),
        transforms(
            "inclusive C14N with comments as a transform",
            "<ds:Transforms>" + ENV + transform(incComments) + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "transform '" + incComments + "' (inclusive canonicalisation with comments)"),
        transforms(
            "C14N 1.1 as a transform",
            "<ds:Transforms>"
                + ENV
                + transform("http://www.w3.org/2006/12/xml-c14n11")
                + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "(Canonical XML 1.1) is not allowed"),
        transforms(
            "an XPath transform",
            "<ds:Transforms>"
                + ENV
                + "<ds:Transform Algorithm=\""
                + XPATH
                + "\"><ds:XPath>1</ds:XPath></ds:Transform>"
                + EXC
                + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "transform '" + XPATH + "' (XPath filtering) is not allowed"),
        transforms(
            "an XSLT transform",
            "<ds:Transforms>"
                + ENV
                + transform("http://www.w3.org/TR/1999/REC-xslt-19991116")
                + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "(XSLT) is not allowed"),
        transforms(
            "a base64 transform",
            "<ds:Transforms>"
                + transform("http://www.w3.org/2000/09/xmldsig#base64")
                + ENV
                + "</ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "(base64 decoding) is not allowed"),
        transforms(
            "a transform without an algorithm",
            "<ds:Transforms>" + ENV + "<ds:Transform/></ds:Transforms>",
            Reason.FORBIDDEN_ALGORITHM,
            "transform with no Algorithm is not allowed"),
        transforms(
            "an InclusiveNamespaces prefix list",
            "<ds:Transforms>"
                + ENV
                + "<ds:Transform Algorithm=\""
                + DuisSignatureProfile.EXCLUSIVE_C14N
                + "\"><ec:InclusiveNamespaces xmlns:ec=\""
                + DuisSignatureProfile.EXCLUSIVE_C14N
                + "\" PrefixList=\"sr\"/></ds:Transform></ds:Transforms>",
            Reason.MALFORMED_SIGNATURE,
            "Transform must have no parameters in DUIS"),
        // references
        new Refused(
            "two References",
            s -> {
              int start = s.indexOf("<ds:Reference ");
              int end = s.indexOf("</ds:Reference>") + "</ds:Reference>".length();
              return s.substring(0, end) + s.substring(start, end) + s.substring(end);
            },
            Reason.BAD_REFERENCE,
            "SignedInfo must hold exactly one Reference, not 2"),
        replace(
            "a Reference to an ID",
            "<ds:Reference URI=\"\">",
            "<ds:Reference URI=\"#body\">",
            Reason.BAD_REFERENCE,
            "the Reference URI '#body' is not allowed; it must be URI=\"\""),
        replace(
            "a Reference to an XPointer",
            "<ds:Reference URI=\"\">",
            "<ds:Reference URI=\"#xpointer(/)\">",
            Reason.BAD_REFERENCE,
            "the Reference URI '#xpointer(/)' is not allowed"),
        replace(
            "a Reference without a URI",
            "<ds:Reference URI=\"\">",
            "<ds:Reference>",
            Reason.BAD_REFERENCE,
            "the Reference has no URI"),
        // digest and signature algorithms
        replace(
            "SHA-1 digest",
            digest,
            "<ds:DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "DigestMethod 'http://www.w3.org/2000/09/xmldsig#sha1' (SHA-1) is not allowed"),
        replace(
            "SHA-512 digest",
            digest,
            "<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha512\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "(SHA-512) is not allowed"),
        replace(
            "RSA with SHA-256",
            method,
            "<ds:SignatureMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "SignatureMethod 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256'"
                + " (RSA with SHA-256) is not allowed"),
        replace(
            "RSA with SHA-1",
            method,
            "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#rsa-sha1\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "(RSA with SHA-1) is not allowed"),
        replace(
            "HMAC with SHA-256 and an output length",
            method,
            "<ds:SignatureMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#hmac-sha256\">"
                + "<ds:HMACOutputLength>128</ds:HMACOutputLength></ds:SignatureMethod>",
            Reason.FORBIDDEN_ALGORITHM,
            "(HMAC with SHA-256) is not allowed"),
        replace(
            "HMAC with SHA-1",
            method,
            "<ds:SignatureMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#hmac-sha1\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "(HMAC with SHA-1) is not allowed"),
        replace(
            "ECDSA with SHA-1",
            method,
            "<ds:SignatureMethod"
                + " Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "(ECDSA with SHA-1) is not allowed"),
        // SignedInfo's canonicalisation
        replace(
            "exclusive C14N with comments for SignedInfo",
            canon,
            "<ds:CanonicalizationMethod Algorithm=\"" + excComments + "\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "CanonicalizationMethod '"
                + excComments
                + "' (exclusive canonicalisation with comments) is not allowed"),
        replace(
            "inclusive C14N with comments for SignedInfo",
            canon,
            "<ds:CanonicalizationMethod Algorithm=\"" + incComments + "\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "CanonicalizationMethod '"
                + incComments
                + "' (inclusive canonicalisation with comments) is not allowed"),
        replace(
            "inclusive C14N for SignedInfo",
            canon,
            "<ds:CanonicalizationMethod Algorithm=\"" + inc + "\"/>",
            Reason.FORBIDDEN_ALGORITHM,
            "CanonicalizationMethod '"
                + inc
                + "' (inclusive canonicalisation, Canonical XML 1.0) is not allowed"),
        // moved and wrapped signatures
        new Refused(
            "the signature moved into the Body",
            s -> {
              Document doc = parse(s);
              doc.getElementsByTagNameNS(DuisSignatureTest.SR, "Body")
                  .item(0)
                  .appendChild(DuisSignatureTest.signatureOf(doc));
              return text(XmlWriter.toBytes(doc));
            },
            Reason.MISPLACED_SIGNATURE,
            "the signature is not a child of the root element"),
        new Refused(
            "the signature before the Header",
            s -> {
              Document doc = parse(s);
              Element root = doc.getDocumentElement();
              root.insertBefore(DuisSignatureTest.signatureOf(doc), root.getFirstChild());
              return text(XmlWriter.toBytes(doc));
            },
            Reason.MISPLACED_SIGNATURE,
            "the signature is not the root's last element"),
        new Refused(
            "the signed request wrapped in another root",
            s ->
                s.replace(
                        "<sr:Request ",
                        "<sr:Wrapper xmlns:sr=\"" + DuisSignatureTest.SR + "\">" + "<sr:Request ")
                    .replace("</sr:Request>", "</sr:Request></sr:Wrapper>"),
            Reason.MISPLACED_SIGNATURE,
            "the signature is not a child of the root element"),
        new Refused(
            "a forged request with the signed one inside the signature's Object",
            s -> {
              Document doc = parse(s);
              Element signature = DuisSignatureTest.signatureOf(doc);
              Element object = doc.createElementNS(DuisSignatureProfile.DSIG_NS, "ds:Object");
              object.appendChild(
                  doc.getElementsByTagNameNS(DuisSignatureTest.SR, "Body").item(0).cloneNode(true));
              signature.appendChild(object);
              doc.getElementsByTagNameNS(DuisSignatureTest.SR, "PostCode")
                  .item(0)
                  .setTextContent("M1 1AA");
              return text(XmlWriter.toBytes(doc));
            },
            Reason.MALFORMED_SIGNATURE,
            "a DUIS signature has SignedInfo, SignatureValue and KeyInfo, and nothing else"),
        new Refused(
            "a second signature",
            s -> {
              Document doc = parse(s);
              doc.getElementsByTagNameNS(DuisSignatureTest.SR, "Header")
                  .item(0)
                  .appendChild(DuisSignatureTest.signatureOf(doc).cloneNode(true));
              return text(XmlWriter.toBytes(doc));
            },
            Reason.MULTIPLE_SIGNATURES,
            "the document has 2 signatures, not one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedForms")
  void everyOtherFormIsRefusedWithItsReason(Refused refused) {
    String signed = ours();
    assertThat(signed).contains(TRANSFORMS);
    String changed = refused.change.apply(signed);
    assertThat(changed).isNotEqualTo(signed);
    assertThatThrownBy(() -> VERIFIER.verify(parse(changed)))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(refused.reason);
              assertThat(e.getMessage()).contains(refused.message);
            });
  }

  @Test
  void aLongOrControlCharacterUriIsQuotedShortInTheMessage() {
    String uri = "#" + "x".repeat(500) + "&#10;";
    String changed =
        ours().replace("<ds:Reference URI=\"\">", "<ds:Reference URI=\"" + uri + "\">");
    assertThatThrownBy(() -> VERIFIER.verify(parse(changed)))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.BAD_REFERENCE);
              assertThat(e.getMessage()).hasSizeLessThan(200).contains("...").doesNotContain("\n");
            });
  }

  /** The reason a receiver would refuse {@code xml} for, or null when it verifies. */
  private static Reason refusal(String xml) {
    try {
      VERIFIER.verify(parse(xml));
      return null;
    } catch (SignatureRejectedException e) {
      return e.reason();
    }
  }
}
