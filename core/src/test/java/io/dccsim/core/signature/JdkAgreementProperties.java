package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.math.BigInteger;
import java.util.Random;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signatures over randomly shaped documents (default and prefixed namespaces declared, re-bound and
 * undeclared at random depths, namespaced attributes, escapes) validate with the JDK's own XML
 * Signature implementation: an independent check of the canonicalisation.
 */
class JdkAgreementProperties {
  private static final SigningCredential USER =
      TestCredentials.credential("CN=Agreement CA,OU=07", BigInteger.valueOf(5));
  private static final DuisSigner SIGNER = new DuisSigner(USER);
  private static final String[] URIS = {"", "urn:one", "urn:two", "urn:three"};
  private static final String[] PREFIXES = {"", "a", "b", "sr"};
  private static final String[] TEXTS = {"", " ", "x", "a & b", "<tag>", "\"q\" 'a'", "\t\n", "é€"};

  @Property(tries = 40)
  void jdkValidatesWhatWeSign(@ForAll long seed) throws Exception {
    Random random = new Random(seed);
    Document doc = SecureXml.newDocument();
    doc.appendChild(element(doc, random, 0));
    SIGNER.sign(doc);
    Document received = SecureXml.withDefaults().parse(XmlWriter.toBytes(doc));

    Element signature =
        (Element)
            received.getElementsByTagNameNS(DuisSignatureProfile.DSIG_NS, "Signature").item(0);
    DOMValidateContext context =
        new DOMValidateContext(
            KeySelector.singletonKeySelector(USER.certificate().getPublicKey()), signature);
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    XMLSignature xmlSignature =
        XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
    assertThat(xmlSignature.validate(context)).as("seed %d", seed).isTrue();
    new DuisSignatureVerifier(CertificateResolver.of(USER.certificate())).verify(received);
  }

  private static Element element(Document doc, Random random, int depth) {
    String prefix = PREFIXES[random.nextInt(PREFIXES.length)];
    String uri = URIS[random.nextInt(URIS.length)];
    if (!prefix.isEmpty() && uri.isEmpty()) {
      uri = URIS[1 + random.nextInt(URIS.length - 1)];
    }
    Element e =
        doc.createElementNS(
            uri.isEmpty() ? null : uri, prefix.isEmpty() ? "e" + depth : prefix + ":e" + depth);
    int attributes = random.nextInt(3);
    for (int i = 0; i < attributes; i++) {
      String value = TEXTS[random.nextInt(TEXTS.length)];
      if (random.nextBoolean()) {
        e.setAttributeNS(null, "p" + i, value);
      } else {
        // a prefix of its own, or the element's when it has one (then with the element's URI)
        boolean shared = !prefix.isEmpty() && random.nextBoolean();
        String p = shared ? prefix : "q" + i;
        String u = shared ? uri : URIS[1 + random.nextInt(URIS.length - 1)];
        e.setAttributeNS(u, p + ":k" + i, value);
      }
    }
    int children = depth >= 4 ? 0 : random.nextInt(4);
    for (int i = 0; i < children; i++) {
      if (random.nextInt(3) == 0) {
        e.appendChild(doc.createTextNode(TEXTS[random.nextInt(TEXTS.length)]));
      } else {
        e.appendChild(element(doc, random, depth + 1));
      }
    }
    return e;
  }
}
