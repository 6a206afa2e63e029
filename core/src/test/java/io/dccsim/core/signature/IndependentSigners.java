package io.dccsim.core.signature;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;

/**
 * Signs DUIS documents with implementations independent of this library, in the forms DUIS allows:
 * Apache Santuario's own API, the JDK's standard XML Signature API ({@code javax.xml.crypto.dsig})
 * and {@code xmlsec1}. The "standard Java form" is what these APIs produce from the DCC's
 * templates: one enveloped-signature transform, exclusive canonicalisation of {@code SignedInfo},
 * ECDSA-SHA256, SHA-256, and a {@code KeyInfo} naming the certificate by issuer and serial. For
 * tests here and in the simulator's module.
 */
public final class IndependentSigners {
  private IndependentSigners() {}

  /** Whether the Reference also carries exclusive canonicalisation after enveloped-signature. */
  public enum Form {
    /** One transform, enveloped-signature: the digest is over inclusive C14N 1.0. */
    ENVELOPED_ONLY,
    /** Enveloped-signature then exclusive C14N. */
    ENVELOPED_THEN_EXCLUSIVE
  }

  /**
   * Signs {@code doc} with Santuario's {@code XMLSignature}, appending the signature to the root;
   * Santuario writes line breaks between the elements and in the base64 values (CR LF).
   */
  public static void santuario(
      Document doc, PrivateKey key, String issuerName, BigInteger serial, Form form)
      throws Exception {
    Init.init();
    XMLSignature signature =
        new XMLSignature(
            doc,
            "",
            XMLSignature.ALGO_ID_SIGNATURE_ECDSA_SHA256,
            Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
    doc.getDocumentElement().appendChild(signature.getElement());
    Transforms transforms = new Transforms(doc);
    transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
    if (form == Form.ENVELOPED_THEN_EXCLUSIVE) {
      transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
    }
    signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
    X509Data data = new X509Data(doc);
    data.addIssuerSerial(issuerName, serial);
    signature.getKeyInfo().add(data);
    signature.sign(key);
  }

  /** Signs {@code doc} with the JDK's {@code javax.xml.crypto.dsig}, appending to the root. */
  public static void jdk(
      Document doc, PrivateKey key, String issuerName, BigInteger serial, Form form)
      throws Exception {
    XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
    List<Transform> transforms = new ArrayList<>();
    transforms.add(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
    if (form == Form.ENVELOPED_THEN_EXCLUSIVE) {
      transforms.add(
          f.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
    }
    Reference reference =
        f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null), transforms, null, null);
    SignedInfo signedInfo =
        f.newSignedInfo(
            f.newCanonicalizationMethod(
                CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
            f.newSignatureMethod(DuisSignatureProfile.ECDSA_SHA256, null),
            List.of(reference));
    KeyInfoFactory kif = f.getKeyInfoFactory();
    KeyInfo keyInfo =
        kif.newKeyInfo(
            List.of(kif.newX509Data(List.of(kif.newX509IssuerSerial(issuerName, serial)))));
    DOMSignContext context = new DOMSignContext(key, doc.getDocumentElement());
    context.setDefaultNamespacePrefix(DuisSignatureProfile.DSIG_PREFIX);
    f.newXMLSignature(signedInfo, keyInfo).sign(context);
  }

  /** Writes {@code doc} with the JDK's identity transformer, as a Java application would. */
  public static byte[] serialise(Document doc) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance()
        .newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  /** An empty {@code ds:Signature} template in {@code form}, for {@code xmlsec1 --sign}. */
  public static String xmlsec1Template(Form form) {
    return "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"><ds:SignedInfo>"
        + "<ds:CanonicalizationMethod Algorithm=\""
        + DuisSignatureProfile.EXCLUSIVE_C14N
        + "\"/><ds:SignatureMethod Algorithm=\""
        + DuisSignatureProfile.ECDSA_SHA256
        + "\"/><ds:Reference URI=\"\"><ds:Transforms><ds:Transform Algorithm=\""
        + DuisSignatureProfile.ENVELOPED_SIGNATURE
        + "\"/>"
        + (form == Form.ENVELOPED_THEN_EXCLUSIVE
            ? "<ds:Transform Algorithm=\"" + DuisSignatureProfile.EXCLUSIVE_C14N + "\"/>"
            : "")
        + "</ds:Transforms><ds:DigestMethod Algorithm=\""
        + DuisSignatureProfile.SHA256
        + "\"/><ds:DigestValue/></ds:Reference></ds:SignedInfo><ds:SignatureValue/>"
        + "<ds:KeyInfo><ds:X509Data><ds:X509IssuerSerial/></ds:X509Data></ds:KeyInfo>"
        + "</ds:Signature>";
  }

  /**
   * Signs {@code unsigned} (a document whose root's end tag is {@code rootEndTag}) with {@code
   * xmlsec1 --sign} in {@code form}, working in {@code dir}; xmlsec1 fills in the issuer and serial
   * from the certificate. Skips (or fails, when tools are required) without xmlsec1.
   */
  public static byte[] xmlsec1(
      Path dir, String unsigned, String rootEndTag, SigningCredential signer, Form form)
      throws Exception {
    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    int end = unsigned.lastIndexOf(rootEndTag);
    if (end < 0) {
      throw new IllegalArgumentException("no " + rootEndTag + " in the document");
    }
    String template = unsigned.substring(0, end) + xmlsec1Template(form) + unsigned.substring(end);
    Files.writeString(dir.resolve("template.xml"), template, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("key.pem"), TestCredentials.pem(signer.privateKey()));
    Files.writeString(dir.resolve("cert.pem"), TestCredentials.pem(signer.certificate()));
    Files.deleteIfExists(dir.resolve("signed.xml"));
    ExternalTool.Result r =
        xmlsec1.run(
            dir,
            "--sign",
            "--privkey-pem",
            "key.pem,cert.pem",
            "--output",
            "signed.xml",
            "template.xml");
    if (r.exitCode() != 0) {
      throw new AssertionError("xmlsec1 --sign failed: " + r.output());
    }
    return Files.readAllBytes(dir.resolve("signed.xml"));
  }
}
