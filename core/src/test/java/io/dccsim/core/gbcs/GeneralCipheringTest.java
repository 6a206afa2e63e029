package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GeneralCipheringTest {

  @Test
  void theFrameIsTheHeaderTheLengthTheSecurityHeaderTheApduAndTheMac() {
    GeneralCiphering frame = GbcsSamples.alert();
    byte[] apdu = frame.generalSigning().encode();
    byte[] bytes = frame.encode();
    int length = 5 + apdu.length + 12;
    assertThat(length).isBetween(0x80, 0xFF);
    assertThat(Octets.of(Arrays.copyOf(bytes, 9)))
        .isEqualTo(
            Octets.of(new byte[] {(byte) 0xDD, 0, 0, 0, 0, 0, 0, (byte) 0x81, (byte) length}));
    assertThat(Octets.of(Arrays.copyOfRange(bytes, 9, 14))).isEqualTo(Octets.fromHex("1100000000"));
    assertThat(Arrays.copyOfRange(bytes, 14, 14 + apdu.length)).isEqualTo(apdu);
    assertThat(Arrays.copyOfRange(bytes, 14 + apdu.length, bytes.length))
        .isEqualTo(frame.mac().toByteArray());
    assertThat(bytes).hasSize(9 + length);
  }

  @Test
  void everySampleRoundTrips() {
    for (byte[] bytes : GbcsSamples.all()) {
      GbcsMessage m = GbcsMessage.decode(bytes);
      assertThat(m.encode()).isEqualTo(bytes);
      assertThat(GbcsMessage.decode(m.encode())).isEqualTo(m);
    }
  }

  @Test
  void berLengthsOfEachSize() {
    int[][] cases = {{0, 1}, {0x7F - 5 - 12 - 49, 1}, {100, 2}, {400, 3}, {60_000, 3}};
    for (int[] c : cases) {
      GeneralSigning apdu =
          GbcsSamples.response(MessageCode.ECS52, 1).content(new byte[c[0]]).build();
      GeneralCiphering frame =
          GeneralCiphering.mac(apdu, KeyDerivation.macKey(GbcsSamples.deviceZ(), apdu));
      byte[] bytes = frame.encode();
      int length = 5 + apdu.encode().length + 12;
      int form = length < 0x80 ? 1 : length < 0x100 ? 2 : 3;
      assertThat(form).as("content " + c[0]).isEqualTo(c[1]);
      assertThat(bytes).hasSize(7 + form + length);
      assertThat(GeneralCiphering.decode(bytes)).isEqualTo(frame);
    }
  }

  @Test
  void theMacVerifiesWithTheRightKeyOnly() {
    GeneralCiphering frame = GbcsSamples.electricityRegisters();
    DerivedKey key = KeyDerivation.macKey(GbcsSamples.deviceZ(), frame.generalSigning());
    assertThat(frame.macVerifies(key)).isTrue();
    // The User computes the same key from its own private key and the device's public key.
    SharedSecret userZ =
        SharedSecret.agree(GbcsSamples.USER_KA.getPrivate(), GbcsSamples.DEVICE_KA.getPublic());
    assertThat(frame.macVerifies(KeyDerivation.macKey(userZ, frame.generalSigning()))).isTrue();
    // Not with the mode of another CRA flag, nor with another party's key.
    assertThat(
            frame.macVerifies(
                KeyDerivation.derive(
                    GbcsSamples.deviceZ(),
                    KeyDerivationMode.ALERT,
                    GbcsSamples.DEVICE,
                    frame.generalSigning().originatorCounter(),
                    GbcsSamples.USER)))
        .isFalse();
    SharedSecret other =
        SharedSecret.agree(GbcsSamples.DEVICE_KA.getPrivate(), GbcsSamples.USER_DS.getPublic());
    assertThat(frame.macVerifies(KeyDerivation.macKey(other, frame.generalSigning()))).isFalse();
  }

  @Test
  void theSameMessageMacsAndEncryptsAgainAndAgain() {
    GeneralSigning apdu = GbcsSamples.alert().generalSigning();
    DerivedKey key = KeyDerivation.macKey(GbcsSamples.deviceZ(), apdu);
    GeneralCiphering first = GeneralCiphering.mac(apdu, key);
    for (int i = 0; i < 3; i++) {
      assertThat(GeneralCiphering.mac(apdu, key)).isEqualTo(first);
      assertThat(first.macVerifies(key)).isTrue();
    }
    DerivedKey encKey = KeyDerivation.encryptionKey(GbcsSamples.deviceZ(), apdu);
    byte[] plain = {1, 2, 3};
    EncryptedData once = EncryptedData.encrypt(encKey, GbcsSamples.DEVICE, plain);
    assertThat(EncryptedData.encrypt(encKey, GbcsSamples.DEVICE, plain)).isEqualTo(once);
    assertThat(once.decrypt(encKey, GbcsSamples.DEVICE)).isEqualTo(plain);
    assertThat(EncryptedData.encrypt(encKey, GbcsSamples.DEVICE, plain)).isEqualTo(once);
  }

  @Test
  void aFlippedByteFailsTheMacOrIsRefused() {
    GeneralCiphering frame = GbcsSamples.alert();
    DerivedKey key = KeyDerivation.macKey(GbcsSamples.deviceZ(), frame.generalSigning());
    byte[] bytes = frame.encode();
    int verifiedAnyway = 0;
    for (int i = 0; i < bytes.length; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x04;
      try {
        if (GeneralCiphering.decode(copy).macVerifies(key)) {
          verifiedAnyway++;
        }
      } catch (GbcsFormatException e) {
        assertThat(e.getMessage()).isNotBlank();
      }
    }
    assertThat(verifiedAnyway).isZero();
  }

  @Test
  void aBlockTransferAndOtherHeadersAreRefused() {
    byte[] bytes = GbcsSamples.electricityRegisters().encode();
    byte[] gbt = bytes.clone();
    gbt[1] = 0x01;
    assertThatThrownBy(() -> GbcsMessage.decode(gbt))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("GBT block transfer");
    byte[] zeros = bytes.clone();
    zeros[4] = 0x01;
    assertThatThrownBy(() -> GeneralCiphering.decode(zeros))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("General-Ciphering header");
    byte[] security = bytes.clone();
    security[9] = 0x30;
    assertThatThrownBy(() -> GeneralCiphering.decode(security))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("security header");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> GeneralCiphering.decode(longer)).hasMessageContaining("left over");
    assertThatThrownBy(() -> GbcsMessage.decode(new byte[0]))
        .isInstanceOf(GbcsFormatException.class);
    assertThatThrownBy(() -> GbcsMessage.decode(new byte[] {0x0F}))
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining("begins DD or DF");
  }

  @Test
  void everyTruncationIsRefused() {
    byte[] whole = GbcsSamples.gasRegisters().encode();
    for (int n = 0; n < whole.length; n++) {
      byte[] cut = Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> GbcsMessage.decode(cut))
          .as("cut to " + n)
          .isInstanceOf(GbcsFormatException.class);
    }
  }

  @Test
  void valuesHideKeysAndCheckLengths() {
    assertThat(GbcsSamples.deviceZ().toString()).doesNotContain(GbcsSamples.deviceZ().z().toHex());
    DerivedKey key =
        KeyDerivation.macKey(GbcsSamples.deviceZ(), GbcsSamples.alert().generalSigning());
    assertThat(key.toString()).doesNotContain(key.bytes().toHex());
    assertThatThrownBy(() -> new DerivedKey(Octets.of(new byte[15])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new GeneralCiphering(GbcsSamples.alert().generalSigning(), Octets.of(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
