package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.internal.Utf8Output;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ExclusiveCanonicalizerTest {
  @TempDir Path dir;

  private static String canonical(Document doc, Element excluded) {
    Utf8Output out = new Utf8Output(64);
    ExclusiveCanonicalizer.document(doc, excluded, out);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static Document parse(String xml) {
    return SecureXml.withDefaults().parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void agreesWithXmllint() throws Exception {
    ExternalTool xmllint = ExternalTool.require("xmllint");
    byte[] xml = DuisSignatureTest.resource("c14n-namespaces.xml");
    Files.write(dir.resolve("in.xml"), xml);
    ExternalTool.Result r = xmllint.run(dir, "--exc-c14n", "in.xml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(canonical(SecureXml.withDefaults().parse(xml), null)).isEqualTo(r.output());
  }

  @Test
  void agreesWithXmllintOnTheSampleRequest() throws Exception {
    ExternalTool xmllint = ExternalTool.require("xmllint");
    byte[] xml = DuisSignatureTest.resource("sr-12.1-request.xml");
    Files.write(dir.resolve("in.xml"), xml);
    ExternalTool.Result r = xmllint.run(dir, "--exc-c14n", "in.xml");
    assertThat(r.exitCode()).as(r.output()).isZero();
    assertThat(canonical(SecureXml.withDefaults().parse(xml), null)).isEqualTo(r.output());
  }

  @Test
  void leavesOutCommentsAndTheExcludedElement() {
    Document doc = parse("<!-- a --><r><!-- b --><x/><y>t</y></r><!-- c -->");
    Element x = (Element) doc.getDocumentElement().getFirstChild().getNextSibling();
    assertThat(canonical(doc, x)).isEqualTo("<r><y>t</y></r>");
  }

  @Test
  void rendersOnlyVisiblyUsedNamespacesAndSortsAttributes() {
    Document doc =
        parse(
            "<p:r xmlns:p=\"urn:p\" xmlns:q=\"urn:q\" xmlns:z=\"urn:a\" b=\"2\" z:c=\"3\" a=\"1\">"
                + "<p:c q:x=\"y\"/></p:r>");
    assertThat(canonical(doc, null))
        .isEqualTo(
            "<p:r xmlns:p=\"urn:p\" xmlns:z=\"urn:a\" a=\"1\" b=\"2\" z:c=\"3\">"
                + "<p:c xmlns:q=\"urn:q\" q:x=\"y\"></p:c></p:r>");
  }

  @Test
  void canonicalisesASubtreeWithTheNamespacesItUses() {
    Document doc = parse("<r xmlns=\"urn:d\" xmlns:s=\"urn:s\"><s:a><b s:k=\"v\">x</b></s:a></r>");
    Element a = (Element) doc.getDocumentElement().getFirstChild();
    Utf8Output out = new Utf8Output(16);
    ExclusiveCanonicalizer.subtree(a, out);
    assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
        .isEqualTo("<s:a xmlns:s=\"urn:s\"><b xmlns=\"urn:d\" s:k=\"v\">x</b></s:a>");
  }

  @Test
  void programmaticDocumentsWithoutDeclarationsCanonicaliseLikeParsedOnes() {
    Document built = SecureXml.newDocument();
    Element root = built.createElementNS("urn:sr", "sr:Request");
    built.appendChild(root);
    root.setAttribute("schemaVersion", "5.1");
    Element child = built.createElementNS("urn:sr", "sr:Body");
    root.appendChild(child);
    child.setTextContent("a<b");
    Document parsed =
        parse(
            "<sr:Request xmlns:sr=\"urn:sr\" schemaVersion=\"5.1\"><sr:Body>a&lt;b</sr:Body>"
                + "</sr:Request>");
    assertThat(canonical(built, null)).isEqualTo(canonical(parsed, null));
  }
}
