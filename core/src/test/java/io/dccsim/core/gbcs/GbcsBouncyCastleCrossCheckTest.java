package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.core.value.Eui64;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The codec's cryptography against Bouncy Castle's lightweight API, with the inputs assembled here
 * by hand from the documented layouts: ECDH ({@link ECDHBasicAgreement}), the one-step KDF ({@link
 * SHA256Digest}), the MAC and the sensitive-data encryption ({@link GCMBlockCipher} with a 96-bit
 * tag) and ECDSA P-256 ({@link ECDSASigner}), in both directions, for random keys and messages.
 */
class GbcsBouncyCastleCrossCheckTest {

  private static ECPrivateKeyParameters bc(PrivateKey key) throws Exception {
    return (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
  }

  private static ECPublicKeyParameters bc(PublicKey key) throws Exception {
    return (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
  }

  private static byte[] bcZ(PrivateKey own, PublicKey peer) throws Exception {
    ECDHBasicAgreement agreement = new ECDHBasicAgreement();
    agreement.init(bc(own));
    return BigIntegers.asUnsignedByteArray(32, agreement.calculateAgreement(bc(peer)));
  }

  private static byte[] bcKdf(
      byte[] z, byte[] originator, int mode, long counter, byte[] recipient) {
    ByteBuffer other = ByteBuffer.allocate(33);
    other.put(new byte[] {0x60, (byte) 0x85, 0x74, 0x06, 0x08, 0x03, 0x00});
    other.put(originator).put((byte) 0x09).put((byte) mode).putLong(counter).put(recipient);
    SHA256Digest sha = new SHA256Digest();
    sha.update(new byte[] {0, 0, 0, 1}, 0, 4);
    sha.update(z, 0, z.length);
    sha.update(other.array(), 0, 33);
    byte[] digest = new byte[32];
    sha.doFinal(digest, 0);
    return Arrays.copyOf(digest, 16);
  }

  private static byte[] bcGcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad, byte[] input)
      throws Exception {
    GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    gcm.init(encrypt, new AEADParameters(new KeyParameter(key), 96, iv, aad));
    byte[] out = new byte[gcm.getOutputSize(input.length)];
    int n = gcm.processBytes(input, 0, input.length, out, 0);
    n += gcm.doFinal(out, n);
    return Arrays.copyOf(out, n);
  }

  private static byte[] iv(byte[] title, int invocation) {
    return ByteBuffer.allocate(12).put(title).putInt(invocation).array();
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuffer b = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }

  @RepeatedTest(12)
  void agreesWithBouncyCastle(RepetitionInfo info) throws Exception {
    Random random = new Random(0x6BC5L * info.getCurrentRepetition());
    KeyPair device = P256Keys.fresh();
    KeyPair user = P256Keys.fresh();
    KeyPair signer = P256Keys.fresh();
    Eui64 deviceId = Eui64.of(random.nextLong());
    Eui64 userId = Eui64.of(random.nextLong());
    long counter = random.nextLong();
    byte[] content = new byte[random.nextInt(400)];
    random.nextBytes(content);

    // ECDH
    SharedSecret z = SharedSecret.agree(device.getPrivate(), user.getPublic());
    byte[] expectedZ = bcZ(user.getPrivate(), device.getPublic());
    assertThat(z.z().toByteArray()).isEqualTo(expectedZ);

    // KDF, each mode
    for (KeyDerivationMode mode : KeyDerivationMode.values()) {
      assertThat(KeyDerivation.derive(z, mode, deviceId, counter, userId).bytes().toByteArray())
          .as(mode.name())
          .isEqualTo(bcKdf(expectedZ, deviceId.toBytes(), mode.code(), counter, userId.toBytes()));
    }

    // The MAC of a response frame
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(counter)
            .originator(deviceId)
            .recipient(userId)
            .messageCode(new MessageCode(random.nextInt(0x10000)))
            .content(content)
            .build();
    DerivedKey macKey = KeyDerivation.macKey(z, apdu);
    byte[] bcMac =
        bcGcm(
            true,
            bcKdf(expectedZ, deviceId.toBytes(), 2, counter, userId.toBytes()),
            iv(deviceId.toBytes(), 0),
            concat(new byte[] {0x11, 0, 0, 0, 0, 0}, apdu.encode()),
            new byte[0]);
    GeneralCiphering frame = GeneralCiphering.mac(apdu, macKey);
    assertThat(frame.mac().toByteArray()).isEqualTo(bcMac).hasSize(12);
    byte[] encoded = frame.encode();
    assertThat(Arrays.copyOfRange(encoded, encoded.length - 12, encoded.length)).isEqualTo(bcMac);

    // Sensitive data, both ways
    DerivedKey encKey = KeyDerivation.encryptionKey(z, apdu);
    byte[] plaintext = Arrays.copyOf(content, Math.min(content.length, 64));
    int invocation = random.nextInt(Integer.MAX_VALUE);
    EncryptedData mine = EncryptedData.encrypt(encKey, deviceId, invocation, plaintext);
    byte[] theirs =
        bcGcm(
            true,
            encKey.bytes().toByteArray(),
            iv(deviceId.toBytes(), invocation),
            new byte[] {0x31},
            plaintext);
    byte[] expectedEncoding =
        concat(new byte[] {0x31}, ByteBuffer.allocate(4).putInt(invocation).array(), theirs);
    assertThat(mine.encode()).isEqualTo(expectedEncoding);
    assertThat(
            bcGcm(
                false,
                encKey.bytes().toByteArray(),
                iv(deviceId.toBytes(), invocation),
                new byte[] {0x31},
                Arrays.copyOfRange(mine.encode(), 5, mine.encode().length)))
        .isEqualTo(plaintext);
    assertThat(EncryptedData.decode(expectedEncoding).decrypt(encKey, deviceId))
        .isEqualTo(plaintext);
    byte[] flipped = expectedEncoding.clone();
    flipped[flipped.length - 1 - random.nextInt(flipped.length - 5)] ^= 0x40;
    assertThatThrownBy(() -> EncryptedData.decode(flipped).decrypt(encKey, deviceId))
        .isInstanceOf(GbcsAuthenticationException.class);
    assertThatThrownBy(
            () ->
                bcGcm(
                    false,
                    encKey.bytes().toByteArray(),
                    iv(deviceId.toBytes(), invocation),
                    new byte[] {0x31},
                    Arrays.copyOfRange(flipped, 5, flipped.length)))
        .isInstanceOf(InvalidCipherTextException.class);

    // ECDSA over the signed data: ours verified by Bouncy Castle, and theirs by us
    GeneralSigning signed = apdu.signedWith(signer.getPrivate());
    byte[] hash = sha256(apdu.signedData());
    byte[] sig = signed.signature().orElseThrow().toByteArray();
    ECDSASigner verifier = new ECDSASigner();
    verifier.init(false, bc(signer.getPublic()));
    assertThat(
            verifier.verifySignature(
                hash,
                new BigInteger(1, Arrays.copyOf(sig, 32)),
                new BigInteger(1, Arrays.copyOfRange(sig, 32, 64))))
        .isTrue();
    ECDSASigner bcSigner = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    bcSigner.init(true, bc(signer.getPrivate()));
    BigInteger[] rs = bcSigner.generateSignature(hash);
    Octets bcSig =
        Octets.of(
            concat(
                BigIntegers.asUnsignedByteArray(32, rs[0]),
                BigIntegers.asUnsignedByteArray(32, rs[1])));
    GeneralSigning signedByBc = apdu.withSignature(java.util.Optional.of(bcSig));
    assertThat(signedByBc.signatureVerifies(signer.getPublic())).isTrue();
    assertThat(signedByBc.signatureVerifies(device.getPublic())).isFalse();
    byte[] wire = signedByBc.encode();
    assertThat(wire[wire.length - 65] & 0xFF).isEqualTo(0x40);
    assertThat(Arrays.copyOfRange(wire, 1, wire.length - 65)).isEqualTo(apdu.signedData());
  }

  private static byte[] sha256(byte[] data) {
    SHA256Digest sha = new SHA256Digest();
    sha.update(data, 0, data.length);
    byte[] out = new byte[32];
    sha.doFinal(out, 0);
    return out;
  }
}
