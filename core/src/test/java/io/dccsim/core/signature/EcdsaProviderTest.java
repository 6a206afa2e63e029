package io.dccsim.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Locale;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/**
 * The ECDSA provider in use is the one asked for (AWS-LC wherever it loads, which includes every
 * Linux x86-64 build machine), and its signatures interoperate with Bouncy Castle's and the JDK's
 * in both directions. The build runs the signature suite once per provider.
 */
class EcdsaProviderTest {
  private static final byte[] DATA =
      "<sr:Request>the canonical bytes</sr:Request>".getBytes(StandardCharsets.UTF_8);

  @Test
  void theProviderInUseIsTheOneAskedFor() {
    String asked = System.getProperty(EcdsaProvider.PROPERTY, "auto");
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (asked.equals("bc")) {
      assertThat(EcdsaProvider.inUse()).isEqualTo("bc");
      assertThat(EcdsaProvider.description()).startsWith("Bouncy Castle");
    } else if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      assertThat(EcdsaProvider.accpUnavailable()).isEmpty();
      assertThat(EcdsaProvider.inUse()).isEqualTo("accp");
      assertThat(EcdsaProvider.description())
          .startsWith("AWS-LC v")
          .contains("Amazon Corretto Crypto Provider 2.");
    } else {
      assertThat(EcdsaProvider.inUse()).isIn("accp", "bc");
    }
    // Never installed JVM-wide.
    assertThat(java.security.Security.getProvider("AmazonCorrettoCryptoProvider")).isNull();
  }

  @Test
  void aChoiceAfterTheFirstUseIsRefusedUnlessItIsTheSame() {
    EcdsaProvider.Choice current = EcdsaProvider.Choice.parse(EcdsaProvider.inUse());
    EcdsaProvider.select(current);
    EcdsaProvider.Choice other =
        current == EcdsaProvider.Choice.BC ? EcdsaProvider.Choice.ACCP : EcdsaProvider.Choice.BC;
    assertThatThrownBy(() -> EcdsaProvider.select(other))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("comes too late");
    assertThatThrownBy(() -> EcdsaProvider.Choice.parse("sunec"))
        .hasMessageContaining("auto, accp or bc");
  }

  @Test
  void signaturesVerifyAcrossProvidersInBothDirections() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();

    byte[] ours = EcdsaP256.sign(EcdsaP256.toProviderKey(pair.getPrivate()), DATA, DATA.length);
    assertThat(ours).hasSize(EcdsaP256.SIGNATURE_LENGTH);
    Signature bc = Signature.getInstance("SHA256withPLAIN-ECDSA", new BouncyCastleProvider());
    bc.initVerify(pair.getPublic());
    bc.update(DATA);
    assertThat(bc.verify(ours)).as("Bouncy Castle verifies ours").isTrue();
    Signature jdk = Signature.getInstance("SHA256withECDSAinP1363Format", "SunEC");
    jdk.initVerify(pair.getPublic());
    jdk.update(DATA);
    assertThat(jdk.verify(ours)).as("the JDK verifies ours").isTrue();

    bc.initSign(pair.getPrivate());
    bc.update(DATA);
    byte[] theirs = bc.sign();
    assertThat(
            EcdsaP256.verify(EcdsaP256.toProviderKey(pair.getPublic()), DATA, DATA.length, theirs))
        .as("ours verifies Bouncy Castle's")
        .isTrue();
    jdk.initSign(pair.getPrivate());
    jdk.update(DATA);
    byte[] jdks = jdk.sign();
    assertThat(EcdsaP256.verify(EcdsaP256.toProviderKey(pair.getPublic()), DATA, DATA.length, jdks))
        .as("ours verifies the JDK's")
        .isTrue();

    byte[] tampered = ours.clone();
    tampered[10] ^= 1;
    assertThat(
            EcdsaP256.verify(
                EcdsaP256.toProviderKey(pair.getPublic()), DATA, DATA.length, tampered))
        .isFalse();
    assertThat(
            EcdsaP256.verify(
                EcdsaP256.toProviderKey(pair.getPublic()), DATA, DATA.length, new byte[64]))
        .isFalse();
  }
}
