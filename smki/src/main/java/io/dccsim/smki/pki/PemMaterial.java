package io.dccsim.smki.pki;

import io.dccsim.smki.pki.internal.Crypto;
import io.dccsim.smki.pki.internal.IssuingAuthority;
import io.dccsim.smki.pki.internal.PkiFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads certificates and private keys in the forms people hold them: PEM or DER certificates
 * (several PEM certificates may share a file), and unencrypted PKCS#8 private keys as PEM ({@code
 * PRIVATE KEY}) or DER. SEC 1 {@code EC PRIVATE KEY} PEM is accepted too. The form is detected from
 * the content, not the file name. {@link #write} writes a credential back in the same forms.
 */
public final class PemMaterial {
  private PemMaterial() {}

  /** Every certificate in a file. */
  public static List<X509Certificate> certificates(Path file) {
    return certificates(read(file));
  }

  /** Every certificate in PEM text or one DER certificate. */
  public static List<X509Certificate> certificates(byte[] pemOrDer) {
    if (!isPem(pemOrDer)) {
      return List.of(IssuingAuthority.toX509(pemOrDer));
    }
    List<X509Certificate> out = new ArrayList<>();
    try (PEMParser parser = parser(pemOrDer)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        if (o instanceof X509CertificateHolder h) {
          out.add(IssuingAuthority.toX509(h.getEncoded()));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("Unreadable PEM: " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("No CERTIFICATE block in the PEM text");
    }
    return List.copyOf(out);
  }

  /** The first certificate in a file. */
  public static X509Certificate certificate(Path file) {
    return certificates(file).get(0);
  }

  /** The private key in a file. */
  public static PrivateKey privateKey(Path file) {
    return privateKey(read(file));
  }

  /** The private key in PKCS#8 PEM or DER (or SEC 1 PEM). */
  public static PrivateKey privateKey(byte[] pemOrDer) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Crypto.PROVIDER);
    try {
      if (!isPem(pemOrDer)) {
        return converter.getPrivateKey(PrivateKeyInfo.getInstance(pemOrDer));
      }
      try (PEMParser parser = parser(pemOrDer)) {
        for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
          if (o instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
          }
          if (o instanceof PEMKeyPair pair) {
            return converter.getPrivateKey(pair.getPrivateKeyInfo());
          }
          if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
            throw new IllegalArgumentException(
                "The private key is encrypted; give an unencrypted PKCS#8 key");
          }
        }
      }
    } catch (PEMException e) {
      throw new IllegalArgumentException("Not a usable private key: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException("Not a PKCS#8 private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException("No PRIVATE KEY block in the PEM text");
  }

  /**
   * Writes a credential for others to use: the certificate then its chain as PEM, and the private
   * key as unencrypted PKCS#8 PEM readable by the owner only (mode 0600 where the file system has
   * POSIX permissions). Each file is written whole (a temporary file, then a rename) or not at all.
   *
   * @throws UncheckedIOException when a file cannot be written
   */
  public static void write(Credential credential, Path certificateFile, Path privateKeyFile) {
    PkiFiles.writePublic(certificateFile, credential.certificateChainPem());
    PkiFiles.writeSecret(privateKeyFile, credential.privateKeyPkcs8Pem());
  }

  private static boolean isPem(byte[] content) {
    int i = 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return content.length - i >= 5
        && new String(content, i, 5, StandardCharsets.US_ASCII).equals("-----");
  }

  private static PEMParser parser(byte[] pem) {
    return new PEMParser(new StringReader(new String(pem, StandardCharsets.US_ASCII)));
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
