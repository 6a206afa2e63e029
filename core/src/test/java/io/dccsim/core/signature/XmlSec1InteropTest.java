package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.signature.IndependentSigners.Form;
import io.dccsim.core.signature.SignatureRejectedException.Reason;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.core.xml.XmlWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Signatures made here verify with xmlsec1, and signatures made by xmlsec1 verify here. */
class XmlSec1InteropTest {
  @TempDir Path dir;

  @Test
  void xmlsec1VerifiesWhatThisLibrarySigns() throws Exception {
    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    SigningCredential user =
        TestCredentials.credential(
            "CN=Test Organisation CA,OU=07,O=dccsim", BigInteger.valueOf(77));
    Document doc = DuisSignatureTest.request();
    new DuisSigner(user).sign(doc);
    byte[] signed = XmlWriter.toBytes(doc);
    Files.write(dir.resolve("signed.xml"), signed);
    Files.writeString(dir.resolve("cert.pem"), TestCredentials.pem(user.certificate()));

    ExternalTool.Result ok =
        xmlsec1.run(dir, "--verify", "--pubkey-cert-pem", "cert.pem", "signed.xml");
    assertThat(ok.exitCode()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("OK");

    // The tool really checks: a changed byte fails there too.
    String tampered = new String(signed, StandardCharsets.UTF_8).replace("M22 0RR", "M22 0RS");
    Files.writeString(dir.resolve("tampered.xml"), tampered);
    ExternalTool.Result bad =
        xmlsec1.run(dir, "--verify", "--pubkey-cert-pem", "cert.pem", "tampered.xml");
    assertThat(bad.exitCode()).as(bad.output()).isNotZero();
  }

  @Test
  void issuerNamesWithAnX500UniqueIdentifierWorkBothWays() throws Exception {
    ExternalTool xmlsec1 = ExternalTool.require("xmlsec1");
    // SMKI Organisation CA names carry the EUI-64 as x500UniqueIdentifier (2.5.4.45, BIT STRING).
    X500Name issuer =
        new X500NameBuilder()
            .addRDN(BCStyle.CN, "Z1-OCA")
            .addRDN(BCStyle.OU, "07")
            .addRDN(
                BCStyle.UNIQUE_IDENTIFIER, new DERBitString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}))
            .build();
    KeyPair ca = TestCredentials.p256();
    KeyPair subject = TestCredentials.p256();
    X509Certificate cert =
        TestCredentials.certificate(
            subject,
            new X500Name("CN=User,OU=87"),
            issuer,
            ca.getPrivate(),
            BigInteger.valueOf(79));
    SigningCredential user = SigningCredential.of(subject.getPrivate(), cert);
    Files.writeString(dir.resolve("cert.pem"), TestCredentials.pem(user.certificate()));
    DuisSignatureVerifier verifier =
        new DuisSignatureVerifier(CertificateResolver.of(user.certificate()));

    Document doc = DuisSignatureTest.request();
    new DuisSigner(user).sign(doc);
    Files.write(dir.resolve("ours.xml"), XmlWriter.toBytes(doc));
    ExternalTool.Result ok =
        xmlsec1.run(dir, "--verify", "--pubkey-cert-pem", "cert.pem", "ours.xml");
    assertThat(ok.exitCode()).as(ok.output()).isZero();

    String request =
        new String(DuisSignatureTest.resource("sr-12.1-request.xml"), StandardCharsets.UTF_8);
    byte[] theirs =
        IndependentSigners.xmlsec1(
            dir, request, "</sr:Request>", user, Form.ENVELOPED_THEN_EXCLUSIVE);
    assertThat(verifier.verify(SecureXml.withDefaults().parse(theirs)).certificate())
        .isEqualTo(user.certificate());
  }

  @Test
  void thisLibraryVerifiesWhatXmlsec1Signs() throws Exception {
    SigningCredential user =
        TestCredentials.credential(
            "CN=Test Organisation CA,OU=07,O=dccsim", BigInteger.valueOf(78));
    String request =
        new String(DuisSignatureTest.resource("sr-12.1-request.xml"), StandardCharsets.UTF_8);
    byte[] signed =
        IndependentSigners.xmlsec1(
            dir, request, "</sr:Request>", user, Form.ENVELOPED_THEN_EXCLUSIVE);

    DuisSignatureVerifier verifier =
        new DuisSignatureVerifier(CertificateResolver.of(user.certificate()));
    VerifiedSignature v = verifier.verify(SecureXml.withDefaults().parse(signed));
    assertThat(v.serial()).isEqualTo(BigInteger.valueOf(78));
    assertThat(v.certificate()).isEqualTo(user.certificate());

    byte[] tampered =
        new String(signed, StandardCharsets.UTF_8)
            .replace("Threapwood Road", "Threapwood Lane")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> verifier.verify(SecureXml.withDefaults().parse(tampered)))
        .isInstanceOfSatisfying(
            SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_DIGEST));
  }
}
