package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples of {@code docs/core-gbcs.md}, as written there, end to end. */
class GbcsDocumentationExampleTest {
  private final PrivateKey deviceKaPrivateKey = GbcsSamples.DEVICE_KA.getPrivate();
  private final PublicKey deviceKaPublicKey = GbcsSamples.DEVICE_KA.getPublic();
  private final PrivateKey userKaPrivateKey = GbcsSamples.USER_KA.getPrivate();
  private final PublicKey userKaPublicKey = GbcsSamples.USER_KA.getPublic();
  private final Eui64 deviceId = GbcsSamples.DEVICE;
  private final Eui64 userId = GbcsSamples.USER;

  @Test
  void theDeviceWritesAndTheUserReads() {
    // Writing one (the device's side)
    long commandCounter = 0x0000_017C_0000_0101L;
    Instant now = Instant.parse("2021-07-01T12:00:00Z");
    long activeWh = 1_234_567;
    long reactiveVarh = 8_910;
    SharedSecret z = SharedSecret.agree(deviceKaPrivateKey, userKaPublicKey);
    GeneralSigning header =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(commandCounter)
            .originator(deviceId)
            .recipient(userId)
            .dateTime(DlmsDateTime.of(now))
            .messageCode(MessageCode.ECS17B)
            .build();
    EncryptedData sealedOut =
        EncryptedData.encrypt(
            KeyDerivation.encryptionKey(z, header),
            deviceId,
            DlmsData.Structure.of(new DlmsData.UInt32(activeWh), new DlmsData.UInt32(reactiveVarh))
                .encode());
    GeneralSigning apduOut =
        header.withContent(
            AccessResponse.ofGets(
                    1, List.of(new DlmsData.OctetString(Octets.of(sealedOut.encode()))))
                .encode());
    byte[] payload = GeneralCiphering.mac(apduOut, KeyDerivation.macKey(z, apduOut)).encode();

    // Decoding a device's response (the User's side)
    GeneralCiphering frame = GeneralCiphering.decode(payload);
    GeneralSigning apdu = frame.generalSigning();
    SharedSecret userZ = SharedSecret.agree(userKaPrivateKey, deviceKaPublicKey);
    assertThat(frame.macVerifies(KeyDerivation.macKey(userZ, apdu))).isTrue();
    assertThat(apdu.messageCode()).isEqualTo(MessageCode.ECS17B);
    AccessResponse response = (AccessResponse) DlmsApdu.decode(apdu.content());
    DlmsData.OctetString sealed = (DlmsData.OctetString) response.data().get(0);
    byte[] registers =
        EncryptedData.decode(sealed.value().toByteArray())
            .decrypt(KeyDerivation.encryptionKey(userZ, apdu), apdu.originator());
    DlmsData values = DlmsData.decode(registers);
    assertThat(values)
        .isEqualTo(
            DlmsData.Structure.of(
                new DlmsData.UInt32(activeWh), new DlmsData.UInt32(reactiveVarh)));
    assertThat(apdu.originatorCounter()).isEqualTo(commandCounter);
    assertThat(apdu.dateTime().orElseThrow().toInstant()).contains(now);
  }

  @Test
  void theUserSignsAPreCommandAndItIsChecked() {
    GeneralSigning fromTheDcc = GbcsSamples.signedPreCommand().withoutSignature();
    byte[] preCommandBytes = fromTheDcc.encode();

    GeneralSigning preCommand = GeneralSigning.decode(preCommandBytes);
    byte[] signed = preCommand.signedWith(GbcsSamples.USER_DS.getPrivate()).encode();

    GeneralSigning received = GeneralSigning.decode(signed);
    boolean ok =
        received.signatureVerifies(GbcsSamples.USER_DS.getPublic())
            && received.withoutSignature().equals(preCommand);
    assertThat(ok).isTrue();

    byte[] altered = signed.clone();
    altered[altered.length - 70] ^= 0x01; // a byte of the content
    assertThat(GeneralSigning.decode(altered).signatureVerifies(GbcsSamples.USER_DS.getPublic()))
        .isFalse();
  }
}
