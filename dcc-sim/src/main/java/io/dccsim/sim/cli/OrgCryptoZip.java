package io.dccsim.sim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dccsim.core.value.Eui64;
import io.dccsim.sim.TestUser;
import io.dccsim.smki.pki.Credential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The body of {@code GET /assets/crypto/org-crypto.zip}: every test User's organisation XML-signing
 * certificate in {@code cert/} and its private key in {@code key/} (PEM, PKCS#8), the DCC's own
 * certificate (never its key) in {@code cert/}, and a {@code manifest.json} naming each file's User
 * and role, so a client in any language can sign as any test User and check the DCC's answers. Each
 * User's Digital Signing organisation certificate and key, with which it signs the pre-commands of
 * critical commands, are there too ({@code cert/<EUI>-ds.pem}, {@code key/<EUI>-ds.key}; the
 * manifest's {@code digitalSigningCertificate} and {@code digitalSigningPrivateKey}).
 */
final class OrgCryptoZip {
  /** The DCC's certificate in the zip. */
  static final String DCC_CERT = "cert/dcc-dspxmlsign.pem";

  private OrgCryptoZip() {}

  /**
   * The file names of one User: {@code cert/<EUI>-xmlsign.pem} and {@code key/<EUI>-xmlsign.key}.
   */
  static String certName(Eui64 eui) {
    return "cert/" + eui + "-xmlsign.pem";
  }

  static String keyName(Eui64 eui) {
    return "key/" + eui + "-xmlsign.key";
  }

  /** The file names of one User's Digital Signing credential. */
  static String digitalSigningCertName(Eui64 eui) {
    return "cert/" + eui + "-ds.pem";
  }

  static String digitalSigningKeyName(Eui64 eui) {
    return "key/" + eui + "-ds.key";
  }

  /**
   * The zip's bytes for these Users (with their Digital Signing credentials, where they have one)
   * and the DCC's certificate.
   */
  static byte[] of(
      List<TestUser> users,
      Function<Eui64, Optional<Credential>> digitalSigning,
      Eui64 dcc,
      X509Certificate dccCertificate) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode manifest = json.createObjectNode();
    manifest.put("dcc", dcc.toString());
    manifest.put("dccCertificate", DCC_CERT);
    ArrayNode list = manifest.putArray("users");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, DCC_CERT, pem(dccCertificate));
      for (TestUser u : users) {
        put(zip, certName(u.eui()), u.credential().certificateChainPem());
        put(zip, keyName(u.eui()), u.credential().privateKeyPkcs8Pem());
        ObjectNode e = list.addObject();
        e.put("eui", u.eui().toString());
        e.put("role", u.role().abbreviation());
        e.put("roleName", u.role().displayName());
        e.put("certificate", certName(u.eui()));
        e.put("privateKey", keyName(u.eui()));
        e.put(
            "serial",
            u.credential()
                .certificate()
                .getSerialNumber()
                .toString(16)
                .toUpperCase(java.util.Locale.ROOT));
        Optional<Credential> ds = digitalSigning.apply(u.eui());
        if (ds.isPresent()) {
          put(zip, digitalSigningCertName(u.eui()), ds.get().certificateChainPem());
          put(zip, digitalSigningKeyName(u.eui()), ds.get().privateKeyPkcs8Pem());
          e.put("digitalSigningCertificate", digitalSigningCertName(u.eui()));
          e.put("digitalSigningPrivateKey", digitalSigningKeyName(u.eui()));
        }
      }
      put(
          zip,
          "manifest.json",
          json.writerWithDefaultPrettyPrinter().writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    ZipEntry e = new ZipEntry(name);
    // A fixed time, so the same Users give the same bytes.
    e.setTime(0L);
    zip.putNextEntry(e);
    zip.write(text.getBytes(StandardCharsets.US_ASCII));
    zip.closeEntry();
  }

  private static String pem(X509Certificate c) {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
