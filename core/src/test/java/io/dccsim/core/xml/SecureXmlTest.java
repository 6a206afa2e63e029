package io.dccsim.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.xml.XmlRejectedException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SecureXmlTest {
  private static final String SR = "http://www.dccinterface.co.uk/ServiceUserGateway";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Reason reasonFor(String xml) {
    return reasonFor(SecureXml.withDefaults(), utf8(xml));
  }

  private static Reason reasonFor(SecureXml parser, byte[] xml) {
    try {
      parser.parse(xml);
    } catch (XmlRejectedException e) {
      assertThat(e.getMessage()).isNotBlank();
      return e.reason();
    }
    return null;
  }

  @Test
  void parsesNamespacesAttributesTextAndKeepsDeclarations() {
    Document doc =
        SecureXml.withDefaults()
            .parse(
                utf8(
                    "<?xml version=\"1.0\"?>\n<sr:Request xmlns:sr=\""
                        + SR
                        + "\" schemaVersion=\"5.1\"><sr:Header>a &amp; b<![CDATA[<c>]]></sr:Header>"
                        + "<!-- note --><?pi data?></sr:Request>"));
    Element root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(SR);
    assertThat(root.getLocalName()).isEqualTo("Request");
    assertThat(root.getPrefix()).isEqualTo("sr");
    assertThat(root.getAttribute("schemaVersion")).isEqualTo("5.1");
    assertThat(root.getAttributeNodeNS("http://www.w3.org/2000/xmlns/", "sr").getValue())
        .isEqualTo(SR);
    Node header = root.getFirstChild();
    assertThat(header.getLocalName()).isEqualTo("Header");
    assertThat(header.getChildNodes().getLength()).isEqualTo(1);
    assertThat(header.getTextContent()).isEqualTo("a & b<c>");
    assertThat(header.getNextSibling().getNodeType()).isEqualTo(Node.COMMENT_NODE);
    assertThat(header.getNextSibling().getNextSibling().getNodeType())
        .isEqualTo(Node.PROCESSING_INSTRUCTION_NODE);
  }

  @Test
  void refusesDoctypeAndExternalEntities() {
    assertThat(
            reasonFor(
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<r>&x;</r>"))
        .isEqualTo(Reason.DOCTYPE);
    assertThat(reasonFor("<!DOCTYPE r SYSTEM \"http://127.0.0.1:1/x.dtd\"><r/>"))
        .isEqualTo(Reason.DOCTYPE);
    assertThat(
            reasonFor(
                new String(utf8("<!DOCTYPE r><r/>"), StandardCharsets.UTF_8))) // plain, no subset
        .isEqualTo(Reason.DOCTYPE);
  }

  @Test
  void refusesDoctypeInUtf16() {
    byte[] xml =
        "\uFEFF<!DOCTYPE r [<!ENTITY a \"b\">]><r>&a;</r>".getBytes(StandardCharsets.UTF_16BE);
    assertThat(reasonFor(SecureXml.withDefaults(), xml)).isEqualTo(Reason.DOCTYPE);
  }

  @Test
  void refusesBillionLaughs() {
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [");
    b.append("<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        b.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      b.append("\">");
    }
    b.append("]><lolz>&lol9;</lolz>");
    assertThat(reasonFor(b.toString())).isEqualTo(Reason.DOCTYPE);
  }

  @Test
  void refusesDeepNestingWhileParsing() {
    String deep = "<a>".repeat(10_000) + "</a>".repeat(10_000);
    assertThat(reasonFor(deep)).isEqualTo(Reason.TOO_DEEP);
    // Not even well-formed: the depth limit trips before the parser reaches the end.
    assertThat(reasonFor("<a>".repeat(10_000))).isEqualTo(Reason.TOO_DEEP);
    assertThat(reasonFor("<a>".repeat(64) + "</a>".repeat(64))).isNull();
  }

  @Test
  void refusesTooLargeBeforeParsing() {
    byte[] big = new byte[10 * 1024 * 1024];
    assertThat(reasonFor(SecureXml.withDefaults(), big)).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void refusesLargeStreamWithoutReadingItAll() throws Exception {
    byte[] big = utf8("<r>" + "x".repeat(2 << 20) + "</r>");
    ByteArrayInputStream in = new ByteArrayInputStream(big);
    assertThatThrownBy(() -> SecureXml.withDefaults().parse(in))
        .isInstanceOfSatisfying(
            XmlRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    assertThat(in.available()).isGreaterThan(0);
  }

  @Test
  void refusesTooManyElementsAttributesAndText() {
    assertThat(reasonFor("<r>" + "<e/>".repeat(20_000) + "</r>"))
        .isEqualTo(Reason.TOO_MANY_ELEMENTS);
    SecureXml small =
        SecureXml.withLimits(
            XmlLimits.DEFAULTS.withMaxAttributesPerElement(2).withMaxTextLength(5));
    assertThat(reasonFor(small, utf8("<r a=\"1\" b=\"2\" c=\"3\"/>")))
        .isEqualTo(Reason.TOO_MANY_ATTRIBUTES);
    assertThat(reasonFor(small, utf8("<r>123456</r>"))).isEqualTo(Reason.TEXT_TOO_LONG);
    assertThat(reasonFor(small, utf8("<r>12<![CDATA[3456]]></r>"))).isEqualTo(Reason.TEXT_TOO_LONG);
    assertThat(reasonFor(small, utf8("<r>12345</r>"))).isNull();
  }

  @Test
  void refusesMalformedAndEmpty() {
    assertThat(reasonFor("")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("<a><b></a>")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("<p:a/>")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("not xml")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("<r>&nope;</r>")).isEqualTo(Reason.MALFORMED);
    assertThat(reasonFor("<r>text with <!DOCTYPE inside</r>")).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void parserIsReusableAfterARejectionAndAcrossThreads() throws Exception {
    assertThat(reasonFor("<a>".repeat(100))).isEqualTo(Reason.TOO_DEEP);
    assertThat(reasonFor("<r><x/></r>")).isNull();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String value = "v" + i;
        results.add(
            pool.submit(
                () ->
                    SecureXml.withDefaults()
                        .parse(utf8("<r><x>" + value + "</x></r>"))
                        .getDocumentElement()
                        .getTextContent()));
      }
      for (int i = 0; i < results.size(); i++) {
        assertThat(results.get(i).get()).isEqualTo("v" + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void limitsValidateAndCopy() {
    assertThatThrownBy(() -> XmlLimits.DEFAULTS.withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    XmlLimits l = XmlLimits.DEFAULTS.withMaxBytes(10).withMaxElements(3);
    assertThat(l.maxBytes()).isEqualTo(10);
    assertThat(l.maxElements()).isEqualTo(3);
    assertThat(l.maxDepth()).isEqualTo(64);
    assertThat(SecureXml.newDocument().getDocumentElement()).isNull();
  }
}
