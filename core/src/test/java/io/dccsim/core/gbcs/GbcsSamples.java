package io.dccsim.core.gbcs;

import io.dccsim.core.value.Eui64;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Valid messages of every form, for round trips and for mangling. */
final class GbcsSamples {
  static final Eui64 DEVICE = Eui64.parse("00-12-34-56-78-AB-CD-EF");
  static final Eui64 USER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  static final Eui64 DSP = Eui64.parse("90-B3-D5-1F-30-00-00-02");
  static final Instant AT = Instant.parse("2021-06-27T10:30:00.25Z");

  static final KeyPair DEVICE_KA = P256Keys.fresh();
  static final KeyPair DEVICE_DS = P256Keys.fresh();
  static final KeyPair USER_KA = P256Keys.fresh();
  static final KeyPair USER_DS = P256Keys.fresh();

  private GbcsSamples() {}

  static SharedSecret deviceZ() {
    return SharedSecret.agree(DEVICE_KA.getPrivate(), USER_KA.getPublic());
  }

  static GeneralSigning.Builder response(MessageCode code, long counter) {
    return GeneralSigning.builder()
        .cra(CraFlag.RESPONSE)
        .originatorCounter(counter)
        .originator(DEVICE)
        .recipient(USER)
        .dateTime(DlmsDateTime.of(AT))
        .messageCode(code);
  }

  /** An ECS17b response, registers encrypted, MACed. */
  static GeneralCiphering electricityRegisters() {
    GeneralSigning header = response(MessageCode.ECS17B, 0x0102_0304_0506_0708L).build();
    EncryptedData registers =
        EncryptedData.encrypt(
            KeyDerivation.encryptionKey(deviceZ(), header),
            DEVICE,
            DlmsData.Structure.of(new DlmsData.UInt32(1_234_567), new DlmsData.UInt32(89))
                .encode());
    AccessResponse content =
        AccessResponse.ofGets(1, List.of(new DlmsData.OctetString(Octets.of(registers.encode()))));
    GeneralSigning apdu =
        response(MessageCode.ECS17B, 0x0102_0304_0506_0708L).content(content.encode()).build();
    return GeneralCiphering.mac(apdu, KeyDerivation.macKey(deviceZ(), apdu));
  }

  /** A GCS13a response in GBZ for a User via the DSP, one plain and one encrypted component. */
  static GeneralCiphering gasRegisters() {
    SupplementaryRemoteParty party = new SupplementaryRemoteParty(USER, 77);
    GeneralSigning header =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(5)
            .originator(DEVICE)
            .recipient(DSP)
            .otherInformation(OtherInformation.of(MessageCode.GCS13A, party))
            .build();
    EncryptedData encrypted =
        EncryptedData.encrypt(
            KeyDerivation.encryptionKey(deviceZ(), header),
            DEVICE,
            Octets.fromHex("0000002500A0860100000000").toByteArray());
    GbzPayload gbz =
        GbzPayload.of(
            new GbzComponent(
                0x0702,
                OptionalLong.of(0x2871_0000L),
                Optional.empty(),
                new ZclHeader(0x08, 0x10, 0x01),
                Octets.fromHex("0004002500")),
            GbzComponent.encrypted(
                0x0702,
                new GbzComponent.AdditionalHeader(0, 1),
                new ZclHeader(0x08, 0x11, 0x01),
                encrypted));
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(5)
            .originator(DEVICE)
            .recipient(DSP)
            .otherInformation(OtherInformation.of(MessageCode.GCS13A, party))
            .content(gbz.encode())
            .build();
    return GeneralCiphering.mac(apdu, KeyDerivation.macKey(deviceZ(), apdu));
  }

  /** An alert signed by the device and MACed. */
  static GeneralCiphering alert() {
    DlmsDateTime t = DlmsDateTime.of(AT);
    DataNotification n =
        new DataNotification(
            0,
            Optional.of(t),
            DlmsData.Structure.of(new DlmsData.UInt16(0x8F66), new DlmsData.DateTime(t)));
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.ALERT)
            .originatorCounter(9)
            .originator(DEVICE)
            .recipient(USER)
            .dateTime(t)
            .messageCode(new MessageCode(0x8F66))
            .content(n.encode())
            .build()
            .signedWith(DEVICE_DS.getPrivate());
    return GeneralCiphering.mac(apdu, KeyDerivation.macKey(deviceZ(), apdu));
  }

  /** A pre-command the User signed: a bare General-Signing APDU. */
  static GeneralSigning signedPreCommand() {
    AccessRequest request =
        new AccessRequest(
            0x0000_0001,
            Optional.empty(),
            List.of(
                AccessRequestSpecification.of(
                    AccessRequestSpecification.Kind.ACTION,
                    new CosemDescriptor(70, Octets.fromHex("00000F0000FF"), 1)),
                new AccessRequestSpecification(
                    AccessRequestSpecification.Kind.GET_WITH_SELECTION,
                    new CosemDescriptor(7, Octets.fromHex("0100630100FF"), 2),
                    Optional.of(
                        new AccessRequestSpecification.Selection(
                            2,
                            DlmsData.Structure.of(
                                new DlmsData.UInt32(1), new DlmsData.UInt32(48)))))),
            List.of(new DlmsData.Enumerated(1), new DlmsData.NullData()));
    return GeneralSigning.builder()
        .cra(CraFlag.COMMAND)
        .originatorCounter(0x0000_017C_0000_0043L)
        .originator(USER)
        .recipient(DEVICE)
        .messageCode(new MessageCode(0x00A1))
        .content(request.encode())
        .build()
        .signedWith(USER_DS.getPrivate());
  }

  /** An ECS52 firmware version response, not encrypted, with a content needing 82 nnnn. */
  static GeneralCiphering longFirmwareResponse() {
    byte[] version = new byte[300];
    for (int i = 0; i < version.length; i++) {
      version[i] = (byte) ('0' + i % 10);
    }
    AccessResponse content =
        AccessResponse.ofGets(7, List.of(new DlmsData.OctetString(Octets.of(version))));
    GeneralSigning apdu = response(MessageCode.ECS52, 11).content(content.encode()).build();
    return GeneralCiphering.mac(apdu, KeyDerivation.macKey(deviceZ(), apdu));
  }

  /** Every sample, encoded. */
  static List<byte[]> all() {
    return List.of(
        electricityRegisters().encode(),
        gasRegisters().encode(),
        alert().encode(),
        signedPreCommand().encode(),
        longFirmwareResponse().encode());
  }
}
