package io.dccsim.core.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class XmlWriterTest {
  private static String write(Document doc) {
    return new String(XmlWriter.toBytes(doc), StandardCharsets.UTF_8);
  }

  @Test
  void writesWhatWasParsedUnchangedApartFromTheDeclarationAndAttributeOrder() {
    String xml =
        "<a:r xmlns:a=\"urn:a\" xmlns=\"urn:d\" x=\"1\"><!--c--><b>t &amp; &lt;</b><?p d?>"
            + "<c xmlns=\"\"/><a:e a:y=\"2\"/></a:r>";
    Document doc = SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
    assertThat(write(doc))
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                // the DOM keeps attributes by name, so that is the order they come back in
                + "<a:r xmlns=\"urn:d\" xmlns:a=\"urn:a\" x=\"1\"><!--c--><b>t &amp; &lt;</b>"
                + "<?p d?><c xmlns=\"\"/><a:e a:y=\"2\"/></a:r>");
  }

  @Test
  void declaresTheNamespacesABuiltDocumentUses() {
    Document doc = SecureXml.newDocument();
    Element root = doc.createElementNS("urn:sr", "sr:Request");
    doc.appendChild(root);
    Element child = doc.createElementNS("urn:other", "Plain");
    root.appendChild(child);
    child.setAttributeNS("urn:x", "x:attr", "v");
    Element none = doc.createElementNS(null, "none");
    child.appendChild(none);
    String written = write(doc);
    assertThat(written)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sr:Request xmlns:sr=\"urn:sr\">"
                + "<Plain xmlns=\"urn:other\" xmlns:x=\"urn:x\" x:attr=\"v\"><none xmlns=\"\"/>"
                + "</Plain></sr:Request>");
    Document back = SecureXml.withDefaults().parse(written.getBytes(StandardCharsets.UTF_8));
    Element plain = (Element) back.getDocumentElement().getFirstChild();
    assertThat(plain.getNamespaceURI()).isEqualTo("urn:other");
    assertThat(plain.getFirstChild().getNamespaceURI()).isNull();
  }

  @Property(tries = 200)
  void textAndAttributesSurviveARoundTrip(
      @ForAll
          @StringLength(max = 40)
          @CharRange(from = ' ', to = '\uD7FF')
          @Chars({'\t', '\n', '\r'})
          String value) {
    Document doc = SecureXml.newDocument();
    Element root = doc.createElementNS(null, "r");
    doc.appendChild(root);
    root.setAttribute("a", value);
    root.setTextContent(value);
    Document back = SecureXml.withDefaults().parse(XmlWriter.toBytes(doc));
    assertThat(back.getDocumentElement().getAttribute("a")).isEqualTo(value);
    assertThat(back.getDocumentElement().getTextContent()).isEqualTo(value);
  }
}
