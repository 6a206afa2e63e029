package io.dccsim.smki.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.core.xml.Mangling;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Certificates and private keys a user brings in (PEM or DER), each mangled in one way: each is
 * read or refused with an {@link IllegalArgumentException}, and a certificate that is read is
 * either given a GBCS profile or refused the same way. Never another failure.
 */
class MangledCredentialPropertiesTest {
  private static final Credential USER =
      TestPki.create(Clock.fixed(Instant.parse("2021-06-24T12:00:00Z"), ZoneOffset.UTC))
          .organisation(Eui64.parse("90-B3-D5-1F-30-01-00-00"))
          .role(RemotePartyRole.SUPPLIER)
          .keyAgreement()
          .issue();
  private static final List<String> FRAGMENTS =
      List.of(
          "\n",
          "-----",
          "-----BEGIN CERTIFICATE-----\n",
          "-----END PRIVATE KEY-----\n",
          "====",
          "A",
          "\u0000",
          "\u0030\u0082\u00ff\u00ff");

  /** The forms a user may bring: certificate PEM and DER, chain PEM, key PKCS#8 PEM and DER. */
  @Provide
  Arbitrary<byte[]> original() {
    return Arbitraries.of(
        USER.certificatePem().getBytes(StandardCharsets.US_ASCII),
        USER.certificateDer(),
        USER.certificateChainPem().getBytes(StandardCharsets.US_ASCII),
        USER.privateKeyPkcs8Pem().getBytes(StandardCharsets.US_ASCII),
        USER.privateKeyPkcs8Der());
  }

  @Provide
  Arbitrary<Mangling> manglings() {
    return Mangling.arbitrary(FRAGMENTS, 64);
  }

  @Property(tries = 1500)
  void aMangledCertificateOrKeyIsReadOrRefused(
      @ForAll("original") byte[] original, @ForAll("manglings") Mangling m) {
    byte[] bytes = m.apply(original);
    List<X509Certificate> certificates = readOrRefused(PemMaterial::certificates, bytes);
    if (certificates != null) {
      assertThat(certificates).isNotEmpty();
      for (X509Certificate c : certificates) {
        readOrRefused(CertificateProfile::read, c);
      }
    }
    PrivateKey key = readOrRefused(PemMaterial::privateKey, bytes);
    if (key != null) {
      assertThat(key.getAlgorithm()).isIn("EC", "ECDSA");
    }
  }

  /** The result, or null when refused with an IllegalArgumentException that says why. */
  private static <I, O> O readOrRefused(Function<I, O> reader, I input) {
    try {
      return reader.apply(input);
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      return null;
    }
  }
}
