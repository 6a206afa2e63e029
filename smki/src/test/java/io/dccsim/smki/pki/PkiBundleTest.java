package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PkiBundleTest {
  private static final TestPki PKI = TestPki.create(Clock.systemUTC());
  private static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  private static final Eui64 DSP = Eui64.parse("90-B3-D5-1F-30-00-00-02");

  @TempDir Path dir;

  @Test
  void aZipInTheOrgCryptoLayoutPairsEachKeyWithItsCertificateWhateverTheFileNames()
      throws IOException {
    Credential supplier = PKI.xmlSigningCredential(SUPPLIER);
    Credential dsp = PKI.dspXmlSigningCredential(DSP);
    Path zip = dir.resolve("org-crypto.zip");
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      entry(z, "cert/a.pem", supplier.certificatePem());
      // a DER certificate and keys whose names say nothing about whose they are
      entry(z, "cert/b.der", dsp.certificateDer());
      entry(z, "cert/root.pem", PKI.root().certificatePem());
      entry(z, "key/one.key", dsp.privateKeyPkcs8Pem());
      entry(z, "key/two.key", supplier.privateKeyPkcs8Pem());
      entry(z, "README.txt", "not PKI material");
    }

    PkiBundle bundle = PkiBundle.read(zip);

    assertThat(bundle.certificates()).hasSize(3);
    assertThat(bundle.credentials())
        .extracting(Credential::serial)
        .containsExactly(dsp.serial(), supplier.serial());
    assertThat(bundle.credentials().get(1).privateKey()).isEqualTo(supplier.privateKey());
    assertThat(bundle.skipped()).singleElement().asString().startsWith("README.txt");
  }

  @Test
  void aDirectoryIsReadRecursivelyAndACertificateSeenTwiceCountsOnce() throws IOException {
    Credential supplier = PKI.xmlSigningCredential(SUPPLIER);
    Files.createDirectories(dir.resolve("keys"));
    Files.writeString(dir.resolve("supplier.pem"), supplier.certificateChainPem());
    Files.writeString(dir.resolve("again.pem"), supplier.certificatePem());
    Files.writeString(dir.resolve("keys/supplier.key"), supplier.privateKeyPkcs8Pem());

    PkiBundle bundle = PkiBundle.read(dir);

    // the supplier's certificate and its chain, each once
    assertThat(bundle.certificates()).hasSize(1 + supplier.chain().size());
    assertThat(bundle.credentials())
        .singleElement()
        .extracting(Credential::serial)
        .isEqualTo(supplier.serial());
  }

  @Test
  void aKeyOfNoCertificateInTheBundleIsRefusedWithItsName() throws IOException {
    Files.writeString(
        dir.resolve("supplier.pem"), PKI.xmlSigningCredential(SUPPLIER).certificatePem());
    Files.writeString(
        dir.resolve("stray.key"), PKI.xmlSigningCredential(SUPPLIER).privateKeyPkcs8Pem());

    assertThatThrownBy(() -> PkiBundle.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stray.key")
        .hasMessageContaining("belongs to no certificate");
  }

  @Test
  void aBundleWithoutCertificatesOrTooLargeAFileOrNoFileIsRefused() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "nothing here");
    assertThatThrownBy(() -> PkiBundle.read(dir)).hasMessageStartingWith("No certificate in");
    Files.write(dir.resolve("big.pem"), new byte[PkiBundle.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> PkiBundle.read(dir)).hasMessageContaining("big.pem is larger");
    assertThatThrownBy(() -> PkiBundle.read(dir.resolve("absent")))
        .hasMessageStartingWith("No such file or directory");
  }

  private static void entry(ZipOutputStream z, String name, String text) throws IOException {
    entry(z, name, text.getBytes(StandardCharsets.US_ASCII));
  }

  private static void entry(ZipOutputStream z, String name, byte[] bytes) throws IOException {
    z.putNextEntry(new ZipEntry(name));
    z.write(bytes);
    z.closeEntry();
  }
}
