package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyAgreement;
import org.junit.jupiter.api.Test;

/** Raw ECDSA and ECDH on P-256 through the chosen provider agree with the JDK's own. */
class EcP256Test {

  private static KeyPair keys(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    return g.generateKeyPair();
  }

  @Test
  void signaturesAreP1363AndAgreeWithTheJdk() throws Exception {
    KeyPair k = keys("secp256r1");
    byte[] data = "grouping header".getBytes(StandardCharsets.US_ASCII);
    byte[] sig = EcP256.sign(k.getPrivate(), data);
    assertThat(sig).hasSize(EcP256.SIGNATURE_LENGTH);
    Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
    jdk.initVerify(k.getPublic());
    jdk.update(data);
    assertThat(jdk.verify(sig)).isTrue();

    jdk.initSign(k.getPrivate());
    jdk.update(data);
    byte[] jdkSig = jdk.sign();
    assertThat(EcP256.verify(k.getPublic(), data, jdkSig)).isTrue();
    data[0] ^= 1;
    assertThat(EcP256.verify(k.getPublic(), data, jdkSig)).isFalse();
    assertThat(EcP256.verify(k.getPublic(), data, new byte[63])).isFalse();
  }

  @Test
  void sharedSecretsAgreeWithTheJdk() throws Exception {
    KeyPair a = keys("secp256r1");
    KeyPair b = keys("secp256r1");
    KeyAgreement jdk = KeyAgreement.getInstance("ECDH", "SunEC");
    jdk.init(b.getPrivate());
    jdk.doPhase(a.getPublic(), true);
    assertThat(EcP256.sharedSecret(a.getPrivate(), b.getPublic()))
        .hasSize(EcP256.SHARED_SECRET_LENGTH)
        .isEqualTo(jdk.generateSecret());
  }

  @Test
  void otherCurvesAreRefused() throws Exception {
    KeyPair p384 = keys("secp384r1");
    KeyPair p256 = keys("secp256r1");
    assertThatThrownBy(() -> EcP256.sign(p384.getPrivate(), new byte[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("P-256");
    assertThatThrownBy(() -> EcP256.sharedSecret(p256.getPrivate(), p384.getPublic()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
