package io.dccsim.core.gbcs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.gbcs.AccessRequestSpecification.Kind;
import io.dccsim.core.value.Eui64;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codec against the known answers Python's {@code cryptography} computed ({@code
 * gbcs-vectors.txt}, written by {@code src/test/python/gbcs_vectors.py} from the documented byte
 * layouts): each message is built here from the vector's inputs alone, and every intermediate value
 * (Z, OtherInfo, keys, ciphertext, content, APDU, MAC, frame) must equal Python's; Python's frames
 * decode to those inputs, and its signatures verify.
 */
class GbcsVectorsTest {
  private static Map<String, GbcsVectors.Vector> vectors;

  @BeforeAll
  static void load() throws Exception {
    vectors = GbcsVectors.committed();
    assertThat(vectors)
        .containsOnlyKeys(
            "ecs17b-response",
            "gcs13a-response-via-dsp",
            "alert-8f66",
            "pre-command",
            "ecs22b-long-response");
  }

  private static Eui64 eui(GbcsVectors.Vector v, String key) {
    return Eui64.fromBytes(v.bytes(key));
  }

  private static PrivateKey priv(GbcsVectors.Vector v, String key) {
    return P256Keys.privateKey(v.get(key));
  }

  private static PublicKey pub(GbcsVectors.Vector v, String key) {
    return P256Keys.publicKey(v.get(key));
  }

  private static Octets hex(GbcsVectors.Vector v, String key) {
    return Octets.fromHex(v.get(key));
  }

  /** Z both ways (own private with peer public, peer private with own public). */
  private static SharedSecret agreeBothWays(GbcsVectors.Vector v, String peer, String z) {
    SharedSecret mine = SharedSecret.agree(priv(v, "own_ka_private"), pub(v, peer + "_public"));
    SharedSecret theirs = SharedSecret.agree(priv(v, peer + "_private"), pub(v, "own_ka_public"));
    assertThat(mine.z()).as(v + " Z").isEqualTo(hex(v, z));
    assertThat(theirs).isEqualTo(mine);
    return mine;
  }

  private static void checkFrame(GbcsVectors.Vector v, GeneralSigning built, DerivedKey macKey) {
    assertThat(Octets.of(built.encode()))
        .as(v + " General-Signing")
        .isEqualTo(hex(v, "general_signing"));
    GeneralCiphering frame = GeneralCiphering.mac(built, macKey);
    assertThat(frame.mac()).as(v + " MAC").isEqualTo(hex(v, "mac"));
    assertThat(Octets.of(frame.encode())).as(v + " frame").isEqualTo(hex(v, "frame"));

    GbcsMessage read = GbcsMessage.decode(v.bytes("frame"));
    assertThat(read).isInstanceOf(GeneralCiphering.class).isEqualTo(frame);
    assertThat(((GeneralCiphering) read).macVerifies(macKey)).isTrue();
    assertThat(read.generalSigning().originatorCounter()).isEqualTo(v.counter("counter"));
    assertThat(read.generalSigning().messageCode().value())
        .isEqualTo(Integer.parseInt(v.get("message_code"), 16));
  }

  @Test
  void ecs17bElectricityRegisters() {
    GbcsVectors.Vector v = vectors.get("ecs17b-response");
    SharedSecret z = agreeBothWays(v, "peer_ka", "z");
    Eui64 device = eui(v, "originator");
    Eui64 user = eui(v, "recipient");
    long counter = v.counter("counter");

    assertThat(
            Octets.of(KeyDerivation.otherInfo(device, KeyDerivationMode.ENCRYPTION, counter, user)))
        .isEqualTo(hex(v, "encryption_other_info"));
    DerivedKey encKey =
        KeyDerivation.derive(z, KeyDerivationMode.ENCRYPTION, device, counter, user);
    assertThat(encKey.bytes()).isEqualTo(hex(v, "encryption_key"));
    EncryptedData encrypted = EncryptedData.encrypt(encKey, device, v.bytes("plaintext"));
    assertThat(Octets.of(encrypted.encode())).isEqualTo(hex(v, "encrypted_data"));

    AccessResponse response =
        AccessResponse.ofGets(1, List.of(new DlmsData.OctetString(Octets.of(encrypted.encode()))));
    assertThat(Octets.of(response.encode())).isEqualTo(hex(v, "content"));

    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(counter)
            .originator(device)
            .recipient(user)
            .dateTime(DlmsDateTime.of(Instant.parse("2021-06-27T10:30:00Z")))
            .messageCode(MessageCode.ECS17B)
            .content(response.encode())
            .build();
    assertThat(apdu.dateTime().orElseThrow().toBytes()).isEqualTo(v.bytes("date_time"));
    DerivedKey macKey = KeyDerivation.macKey(z, apdu);
    assertThat(macKey.bytes()).isEqualTo(hex(v, "mac_key"));
    assertThat(KeyDerivation.encryptionKey(z, apdu)).isEqualTo(encKey);
    checkFrame(v, apdu, macKey);

    // The User's side: from the frame alone, with its own key and the device's public key.
    GeneralCiphering read = GeneralCiphering.decode(v.bytes("frame"));
    SharedSecret userZ = SharedSecret.agree(priv(v, "peer_ka_private"), pub(v, "own_ka_public"));
    AccessResponse readResponse = (AccessResponse) DlmsApdu.decode(read.generalSigning().content());
    DlmsData.OctetString value = (DlmsData.OctetString) readResponse.data().get(0);
    byte[] plain =
        EncryptedData.decode(value.value().toByteArray())
            .decrypt(KeyDerivation.encryptionKey(userZ, read.generalSigning()), device);
    assertThat(DlmsData.decode(plain))
        .isEqualTo(
            DlmsData.Structure.of(new DlmsData.UInt32(12_345_678), new DlmsData.UInt32(4321)));
  }

  @Test
  void gcs13aGasRegistersViaTheDsp() {
    GbcsVectors.Vector v = vectors.get("gcs13a-response-via-dsp");
    SharedSecret zDsp = agreeBothWays(v, "peer_ka", "z");
    SharedSecret zUser = agreeBothWays(v, "encryption_peer_ka", "encryption_z");
    Eui64 device = eui(v, "originator");
    SupplementaryRemoteParty user =
        new SupplementaryRemoteParty(
            eui(v, "supplementary_party"), v.counter("supplementary_counter"));

    assertThat(
            Octets.of(
                KeyDerivation.otherInfo(
                    device, KeyDerivationMode.ENCRYPTION, user.counter(), user.id())))
        .isEqualTo(hex(v, "encryption_other_info"));
    GeneralSigning withoutContent =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(v.counter("counter"))
            .originator(device)
            .recipient(eui(v, "recipient"))
            .otherInformation(OtherInformation.of(MessageCode.GCS13A, user))
            .build();
    DerivedKey encKey = KeyDerivation.encryptionKey(zUser, withoutContent);
    assertThat(encKey.bytes()).isEqualTo(hex(v, "encryption_key"));
    EncryptedData encrypted = EncryptedData.encrypt(encKey, device, v.bytes("plaintext"));
    assertThat(Octets.of(encrypted.encode())).isEqualTo(hex(v, "encrypted_data"));

    GbzPayload gbz =
        GbzPayload.of(
            GbzComponent.encrypted(
                0x0702,
                new GbzComponent.AdditionalHeader(0x00, 0x01),
                new ZclHeader(0x08, 0x01, 0x01),
                encrypted));
    assertThat(Octets.of(gbz.encode())).isEqualTo(hex(v, "content"));
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(v.counter("counter"))
            .originator(device)
            .recipient(eui(v, "recipient"))
            .otherInformation(OtherInformation.of(MessageCode.GCS13A, user))
            .content(gbz.encode())
            .build();
    DerivedKey macKey = KeyDerivation.macKey(zDsp, apdu);
    assertThat(macKey.bytes()).isEqualTo(hex(v, "mac_key"));
    checkFrame(v, apdu, macKey);

    GeneralSigning read = GeneralCiphering.decode(v.bytes("frame")).generalSigning();
    assertThat(read.otherInformation().supplementaryRemoteParty()).contains(user);
    GbzComponent component = GbzPayload.decode(read).components().get(0);
    assertThat(component.isEncrypted()).isTrue();
    assertThat(component.encryptedData().decrypt(KeyDerivation.encryptionKey(zUser, read), device))
        .isEqualTo(v.bytes("plaintext"));
  }

  @Test
  void alertSignedByTheDevice() {
    GbcsVectors.Vector v = vectors.get("alert-8f66");
    SharedSecret z = agreeBothWays(v, "peer_ka", "z");
    DlmsDateTime at = DlmsDateTime.of(Instant.parse("2021-06-28T00:00:05Z"));
    assertThat(at.toBytes()).isEqualTo(v.bytes("date_time"));
    DataNotification notification =
        new DataNotification(
            0,
            Optional.of(at),
            DlmsData.Structure.of(new DlmsData.UInt16(0x8F66), new DlmsData.DateTime(at)));
    assertThat(Octets.of(notification.encode())).isEqualTo(hex(v, "content"));
    GeneralSigning unsigned =
        GeneralSigning.builder()
            .cra(CraFlag.ALERT)
            .originatorCounter(v.counter("counter"))
            .originator(eui(v, "originator"))
            .recipient(eui(v, "recipient"))
            .dateTime(at)
            .messageCode(new MessageCode(0x8F66))
            .content(notification.encode())
            .build();
    assertThat(Octets.of(unsigned.signedData())).isEqualTo(hex(v, "signed_data"));

    GeneralSigning signedInPython = unsigned.withSignature(Optional.of(hex(v, "signature")));
    assertThat(signedInPython.signatureVerifies(pub(v, "signer_public"))).isTrue();
    assertThat(signedInPython.signatureVerifies(pub(v, "own_ka_public"))).isFalse();
    DerivedKey macKey = KeyDerivation.macKey(z, signedInPython);
    assertThat(macKey.bytes()).isEqualTo(hex(v, "mac_key"));
    checkFrame(v, signedInPython, macKey);

    GeneralSigning signedHere = unsigned.signedWith(priv(v, "signer_private"));
    assertThat(signedHere.signatureVerifies(pub(v, "signer_public"))).isTrue();
    DataNotification read = (DataNotification) DlmsApdu.decode(signedInPython.content());
    assertThat(read).isEqualTo(notification);
  }

  @Test
  void preCommandSignedByTheUser() {
    GbcsVectors.Vector v = vectors.get("pre-command");
    AccessRequest request =
        new AccessRequest(
            1,
            Optional.empty(),
            List.of(
                AccessRequestSpecification.of(
                    Kind.ACTION, new CosemDescriptor(9, Octets.fromHex("00000A0064FF"), 1))),
            List.of(new DlmsData.UInt8(1)));
    assertThat(Octets.of(request.encode())).isEqualTo(hex(v, "content"));
    GeneralSigning unsigned =
        GeneralSigning.builder()
            .cra(CraFlag.COMMAND)
            .originatorCounter(v.counter("counter"))
            .originator(eui(v, "originator"))
            .recipient(eui(v, "recipient"))
            .messageCode(new MessageCode(0x00A1))
            .content(request.encode())
            .build();
    assertThat(Octets.of(unsigned.encode())).isEqualTo(hex(v, "unsigned"));
    assertThat(Octets.of(unsigned.signedData())).isEqualTo(hex(v, "signed_data"));

    // What the User returns, as Python signed it: it decodes, and the signature checks out.
    GbcsMessage read = GbcsMessage.decode(v.bytes("general_signing"));
    assertThat(read).isInstanceOf(GeneralSigning.class);
    GeneralSigning signed = (GeneralSigning) read;
    assertThat(signed.withoutSignature()).isEqualTo(unsigned);
    assertThat(signed.signature()).contains(hex(v, "signature"));
    assertThat(signed.signatureVerifies(pub(v, "signer_public"))).isTrue();
    assertThat(Octets.of(signed.encode())).isEqualTo(hex(v, "general_signing"));
    assertThat(DlmsApdu.decode(signed.content())).isEqualTo(request);

    byte[] tampered = v.bytes("general_signing");
    tampered[40] ^= 0x01;
    assertThat(GeneralSigning.decode(tampered).signatureVerifies(pub(v, "signer_public")))
        .isFalse();
  }

  @Test
  void ecs22bProfileDataNeedsTwoByteLengths() {
    GbcsVectors.Vector v = vectors.get("ecs22b-long-response");
    SharedSecret z = agreeBothWays(v, "peer_ka", "z");
    List<DlmsData> rows = new ArrayList<>();
    Instant start = Instant.parse("2021-06-27T00:00:00Z");
    for (int i = 0; i < 24; i++) {
      rows.add(
          DlmsData.Structure.of(
              new DlmsData.DateTime(DlmsDateTime.of(start.plusSeconds(1800L * i))),
              new DlmsData.UInt32(1000 + 37 * i)));
    }
    AccessResponse response = AccessResponse.ofGets(2, List.of(new DlmsData.Array(rows)));
    assertThat(Octets.of(response.encode())).isEqualTo(hex(v, "content"));
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(v.counter("counter"))
            .originator(eui(v, "originator"))
            .recipient(eui(v, "recipient"))
            .messageCode(MessageCode.ECS22B)
            .content(response.encode())
            .build();
    DerivedKey macKey = KeyDerivation.macKey(z, apdu);
    assertThat(macKey.bytes()).isEqualTo(hex(v, "mac_key"));
    checkFrame(v, apdu, macKey);
    byte[] frame = v.bytes("frame");
    assertThat(frame[7] & 0xFF).as("the frame's length is 82 nnnn").isEqualTo(0x82);
  }
}
