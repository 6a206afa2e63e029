package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SignatureRoundTripProperties {
  private static final SigningCredential USER =
      TestCredentials.credential("CN=Property CA,OU=07", BigInteger.valueOf(99));
  private static final DuisSigner SIGNER = new DuisSigner(USER);
  private static final DuisSignatureVerifier VERIFIER =
      new DuisSignatureVerifier(CertificateResolver.of(USER.certificate()));

  private static Document document(String text, String attribute) {
    Document doc = SecureXml.newDocument();
    Element root = doc.createElementNS("urn:sr", "sr:Request");
    doc.appendChild(root);
    root.setAttribute("schemaVersion", attribute);
    Element body = doc.createElementNS("urn:sr", "sr:Body");
    root.appendChild(body);
    Element value = doc.createElementNS("urn:other", "o:Value");
    value.setAttributeNS("urn:x", "x:note", attribute);
    value.setTextContent(text);
    body.appendChild(value);
    return doc;
  }

  @Property(tries = 100)
  void whateverTheContentASignedDocumentVerifiesAfterWritingAndParsing(
      @ForAll
          @StringLength(max = 60)
          @CharRange(from = ' ', to = '\u07FF')
          @Chars({'\t', '\n', '\r'})
          String text,
      @ForAll @StringLength(max = 20) @CharRange(from = ' ', to = '~') String attribute) {
    Document doc = document(text, attribute);
    SIGNER.sign(doc);
    assertThat(VERIFIER.verify(doc).serial()).isEqualTo(BigInteger.valueOf(99));
    Document received = SecureXml.withDefaults().parse(XmlWriter.toBytes(doc));
    assertThat(VERIFIER.verify(received).serial()).isEqualTo(BigInteger.valueOf(99));
  }

  @Property(tries = 100)
  void anyChangeToTheSignedTextIsABadDigest(
      @ForAll @StringLength(min = 1, max = 60) @CharRange(from = 'a', to = 'z') String text,
      @ForAll @IntRange(min = 0, max = 59) int position) {
    Document doc = document(text, "5.1");
    SIGNER.sign(doc);
    Document received = SecureXml.withDefaults().parse(XmlWriter.toBytes(doc));
    Element value = (Element) received.getElementsByTagNameNS("urn:other", "Value").item(0);
    int i = position % text.length();
    char changed = text.charAt(i) == 'z' ? 'a' : (char) (text.charAt(i) + 1);
    value.setTextContent(text.substring(0, i) + changed + text.substring(i + 1));
    assertThatThrownBy(() -> VERIFIER.verify(received))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.BAD_DIGEST));
  }
}
