package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GbzPayloadTest {
  /** A response with one plain component, written out by hand. */
  private static final String PLAIN =
      "0109"
          + "01" // profile, one component
          + "01"
          + "0702"
          + "0008" // last, metering cluster, 8 bytes follow
          + "08"
          + "01"
          + "01" // ZCL header
          + "0000"
          + "0025"
          + "00"; // payload

  @Test
  void readsAHandWrittenPayload() {
    GbzPayload p = GbzPayload.decode(Octets.fromHex(PLAIN).toByteArray(), false);
    assertThat(p.alert()).isEmpty();
    assertThat(p.components())
        .containsExactly(
            GbzComponent.plain(0x0702, new ZclHeader(8, 1, 1), Octets.fromHex("0000002500")));
    assertThat(Octets.of(p.encode())).isEqualTo(Octets.fromHex(PLAIN));
  }

  @Test
  void everyComponentFormAndTheAlertHeaderRoundTrip() {
    GbzPayload gas = GbzPayload.decode(GbcsSamples.gasRegisters().generalSigning());
    assertThat(gas.components()).hasSize(2);
    assertThat(gas.components().get(0).fromDateTime()).hasValue(0x2871_0000L);
    assertThat(gas.components().get(1).isEncrypted()).isTrue();

    GbzPayload alert =
        new GbzPayload(
            Optional.of(new GbzPayload.Alert(0x8F66, 0x2871_0000L)),
            List.of(GbzComponent.plain(0x0700, new ZclHeader(0x09, 0, 0x02), Octets.EMPTY)));
    byte[] bytes = alert.encode();
    assertThat(Octets.of(java.util.Arrays.copyOf(bytes, 9)))
        .isEqualTo(Octets.fromHex("0109018F6628710000"));
    assertThat(GbzPayload.decode(bytes, true)).isEqualTo(alert);
    assertThat(GbzPayload.of().encode()).isEqualTo(new byte[] {0x01, 0x09, 0x00});
  }

  @Test
  void theEncryptedComponentDecryptsWithTheUsersKey() {
    GeneralSigning apdu = GbcsSamples.gasRegisters().generalSigning();
    GbzComponent c = GbzPayload.decode(apdu).components().get(1);
    SharedSecret userZ =
        SharedSecret.agree(GbcsSamples.USER_KA.getPrivate(), GbcsSamples.DEVICE_KA.getPublic());
    assertThat(
            Octets.of(
                c.encryptedData()
                    .decrypt(KeyDerivation.encryptionKey(userZ, apdu), apdu.originator())))
        .isEqualTo(Octets.fromHex("0000002500A0860100000000"));
    // The key of the recipient (the DSP) and counter is another key: it does not decrypt.
    DerivedKey wrong =
        KeyDerivation.derive(
            userZ,
            KeyDerivationMode.ENCRYPTION,
            apdu.originator(),
            apdu.originatorCounter(),
            apdu.recipient());
    assertThatThrownBy(() -> c.encryptedData().decrypt(wrong, apdu.originator()))
        .isInstanceOf(GbcsAuthenticationException.class);
    assertThatThrownBy(() -> GbzPayload.decode(apdu).components().get(0).encryptedData())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusals() {
    refused(PLAIN.replaceFirst("^0109", "0104"), "profile ID 0104");
    refused(PLAIN.replace("0107020008", "0007020008"), "lacks the last-component flag");
    refused(PLAIN.replace("0107020008", "2107020008"), "unknown bits");
    refused(PLAIN.replace("0107020008", "1307020008"), "both encrypted and dated");
    refused(PLAIN.replace("0107020008", "0107020009"), "needs 9 bytes");
    refused(PLAIN + "00", "left over");
    refused("0109" + "02" + PLAIN.substring(6) + PLAIN.substring(6), "before the last carries");
    assertThatThrownBy(
            () ->
                new GbzComponent(
                    1,
                    OptionalLong.of(1),
                    Optional.of(new GbzComponent.AdditionalHeader(0, 0)),
                    new ZclHeader(0, 0, 0),
                    Octets.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    byte[] whole = GbcsSamples.gasRegisters().generalSigning().content().toByteArray();
    for (int n = 0; n < whole.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(whole, n);
      assertThatThrownBy(() -> GbzPayload.decode(cut, false))
          .isInstanceOf(GbcsFormatException.class);
    }
  }

  private static void refused(String hex, String message) {
    assertThatThrownBy(() -> GbzPayload.decode(Octets.fromHex(hex).toByteArray(), false))
        .as(hex)
        .isInstanceOf(GbcsFormatException.class)
        .hasMessageContaining(message);
  }
}
