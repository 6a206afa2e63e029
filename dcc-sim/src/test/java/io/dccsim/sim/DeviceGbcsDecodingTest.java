package io.dccsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dccsim.core.gbcs.AccessResponse;
import io.dccsim.core.gbcs.CraFlag;
import io.dccsim.core.gbcs.DataNotification;
import io.dccsim.core.gbcs.DlmsApdu;
import io.dccsim.core.gbcs.DlmsData;
import io.dccsim.core.gbcs.DlmsDateTime;
import io.dccsim.core.gbcs.EncryptedData;
import io.dccsim.core.gbcs.GbcsAuthenticationException;
import io.dccsim.core.gbcs.GbzComponent;
import io.dccsim.core.gbcs.GbzPayload;
import io.dccsim.core.gbcs.GeneralCiphering;
import io.dccsim.core.gbcs.GeneralSigning;
import io.dccsim.core.gbcs.KeyDerivation;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.gbcs.SharedSecret;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.time.SimulatedClock;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.device.DeviceGbcs;
import io.dccsim.sim.device.MeterState;
import io.dccsim.sim.pipeline.Duis;
import io.dccsim.smki.http.SmkiRepositoryClient;
import io.dccsim.smki.http.SmkiRepositoryServer;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated meters' real GBCS, decoded as a User would: with the project's codec, the device's
 * certificates fetched from the SMKI repository's HTTP interface, and the User's own Key Agreement
 * private key. The MAC verifies, the register values decrypt to the meter's state at the time of
 * the response, and a flipped byte fails the MAC.
 */
class DeviceGbcsDecodingTest {
  private static final Instant NOW = Instant.parse("2021-07-01T09:00:00Z");
  private static final RecordedOutbox OUTBOX = new RecordedOutbox();
  private static final Eui64 ESME = SyntheticEstate.eui(DeviceType.ESME, 3);
  private static final Eui64 GSME = SyntheticEstate.eui(DeviceType.GSME, 3);
  private static SimulatedClock clock;
  private static Simulator dcc;
  private static SupplierClient supplier;
  private static SmkiRepositoryServer smki;
  private static SmkiRepositoryClient lookup;

  @BeforeAll
  static void start() {
    clock = SimulatedClock.fixed(NOW);
    dcc = Simulator.builder().clock(clock).outbox(OUTBOX).start();
    supplier = SupplierClient.testSupplierOf(dcc);
    smki = SmkiRepositoryServer.builder(dcc.repository()).port(0).start();
    lookup = SmkiRepositoryClient.of(smki.baseUri());
  }

  @AfterAll
  static void stop() {
    smki.close();
    dcc.close();
  }

  @BeforeEach
  void fresh() {
    dcc.reset();
    OUTBOX.clear();
  }

  /** The supplier's own Key Agreement private key: what it holds, nothing of the meter's. */
  private static PrivateKey userKey() {
    return dcc.keyAgreementCredential(dcc.testSupplier().eui()).orElseThrow().privateKey();
  }

  /** The device's KA certificate as the User finds it: SMKI search, then retrieval. */
  private static X509Certificate deviceKa(Eui64 device) {
    return lookup.deviceCertificate(device, CertificateUsage.KA).orElseThrow();
  }

  /** Sends {@code srv} with command variant 1 and returns the GBCS payload delivered for it. */
  private static byte[] read(Eui64 device, String srv, String bodyElement) throws Exception {
    RequestId id = supplier.nextIdTo(device);
    ServiceResponse ack =
        supplier.send(
            "/api/v1/serviceS",
            supplier.signed(
                SchemaVersion.V5_4,
                id,
                CommandVariant.SEND_VIA_WAN,
                ServiceReferenceVariant.parse(srv),
                RawRequestBody.emptyElement(bodyElement)));
    assertThat(ack.header().responseCode().code()).isEqualTo("I99");
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    ServiceResponse r = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
    assertThat(r.header().responseCode().code()).isEqualTo("I0");
    byte[] payload =
        Base64.getDecoder()
            .decode(((RawResponseBody) r.body()).element().orElseThrow().getTextContent());
    GeneralSigning apdu = GeneralCiphering.decode(payload).generalSigning();
    assertThat(apdu.cra()).isEqualTo(CraFlag.RESPONSE);
    assertThat(apdu.originatorCounter()).isEqualTo(id.counter());
    assertThat(apdu.originator()).isEqualTo(device);
    assertThat(apdu.recipient()).isEqualTo(id.originator());
    assertThat(apdu.dateTime().flatMap(DlmsDateTime::toInstant)).hasValue(NOW);
    return payload;
  }

  /** Decodes the frame and checks its MAC with the User's key and the device's certificate. */
  private static Verified verified(Eui64 device, byte[] payload) {
    GeneralCiphering frame = GeneralCiphering.decode(payload);
    SharedSecret z = SharedSecret.agree(userKey(), deviceKa(device).getPublicKey());
    assertThat(frame.macVerifies(KeyDerivation.macKey(z, frame.generalSigning())))
        .as("the MAC verifies")
        .isTrue();
    return new Verified(frame.generalSigning(), z);
  }

  private record Verified(GeneralSigning apdu, SharedSecret z) {
    byte[] decrypt(EncryptedData data) {
      return data.decrypt(KeyDerivation.encryptionKey(z, apdu), apdu.originator());
    }

    DlmsData onlyValue() {
      AccessResponse response = (AccessResponse) DlmsApdu.decode(apdu.content());
      assertThat(response.results()).hasSize(1);
      assertThat(response.data()).hasSize(1);
      return response.data().get(0);
    }

    DlmsData decryptedValue() {
      DlmsData.OctetString sealed = (DlmsData.OctetString) onlyValue();
      return DlmsData.decode(decrypt(EncryptedData.decode(sealed.value().toByteArray())));
    }

    GbzComponent onlyComponent() {
      List<GbzComponent> components = GbzPayload.decode(apdu).components();
      assertThat(components).hasSize(1);
      return components.get(0);
    }
  }

  /** A flipped byte of the content, or of the MAC itself, fails the MAC. */
  private static void aFlippedByteFailsTheMac(Eui64 device, byte[] payload, int contentOffset) {
    GeneralCiphering frame = GeneralCiphering.decode(payload);
    byte[] content = frame.generalSigning().content().toByteArray();
    int at = indexOf(payload, content) + contentOffset;
    for (int i : new int[] {at, payload.length - 1}) {
      byte[] damaged = payload.clone();
      damaged[i] ^= 0x01;
      GeneralCiphering bad = GeneralCiphering.decode(damaged);
      SharedSecret z = SharedSecret.agree(userKey(), deviceKa(device).getPublicKey());
      assertThat(bad.macVerifies(KeyDerivation.macKey(z, bad.generalSigning())))
          .as("the MAC of a frame with byte %d flipped", i)
          .isFalse();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  private static long le(byte[] b, int from, int bytes) {
    long v = 0;
    for (int i = bytes - 1; i >= 0; i--) {
      v = v << 8 | (b[from + i] & 0xFF);
    }
    return v;
  }

  @Test
  void theMetersCertificatesAreInTheSmkiRepositoryInUseOnceUsed() throws Exception {
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 40);
    assertThat(lookup.searchDevice(meter)).isEmpty(); // nothing until the meter is used
    read(meter, "4.1.1", "ReadInstantaneousImportRegisters");
    List<SmkiRepositoryClient.Result> found = lookup.searchDevice(meter);
    assertThat(found)
        .extracting(SmkiRepositoryClient.Result::usage)
        .containsExactlyInAnyOrder(CertificateUsage.DS, CertificateUsage.KA);
    assertThat(found)
        .allSatisfy(r -> assertThat(r.status()).isEqualTo(CertificateStatus.IN_USE))
        .allSatisfy(r -> assertThat(r.role()).isEmpty());
    X509Certificate ka = deviceKa(meter);
    assertThat(ka.getIssuerX500Principal())
        .isEqualTo(dcc.pki().deviceCa().certificate().getSubjectX500Principal());
    assertThat(ka.getKeyUsage()[4]).as("keyAgreement").isTrue();
    assertThat(dcc.deviceCredentials().find(meter).orElseThrow().keyAgreement().certificate())
        .isEqualTo(ka);
  }

  @Test
  void anElectricityMetersInstantaneousRegistersDecryptToItsState() throws Exception {
    byte[] payload = read(ESME, "4.1.1", "ReadInstantaneousImportRegisters");
    Verified v = verified(ESME, payload);
    assertThat(v.apdu().messageCode()).isEqualTo(MessageCode.ECS17B);
    MeterState.ElectricityRegisters expected =
        MeterState.of(ESME, MeterState.Fuel.ELECTRICITY).electricity(NOW);
    assertThat(v.decryptedValue())
        .isEqualTo(
            DlmsData.Structure.of(
                new DlmsData.UInt32(expected.activeImportWh()),
                new DlmsData.UInt32(expected.reactiveImportVarh())));
    assertThat(expected.activeImportWh()).isPositive();
    // the register value is not in the frame in clear
    DlmsData.OctetString sealed = (DlmsData.OctetString) v.onlyValue();
    assertThat(sealed.value().toByteArray()[0]).isEqualTo((byte) 0x31);
    aFlippedByteFailsTheMac(ESME, payload, 12);

    // another User's key does not decrypt them
    Eui64 other = Eui64.parse("90-B3-D5-1F-30-03-00-00");
    SharedSecret wrong =
        SharedSecret.agree(
            dcc.keyAgreementCredential(other).orElseThrow().privateKey(),
            deviceKa(ESME).getPublicKey());
    EncryptedData data = EncryptedData.decode(sealed.value().toByteArray());
    assertThatThrownBy(
            () -> data.decrypt(KeyDerivation.encryptionKey(wrong, v.apdu()), v.apdu().originator()))
        .isInstanceOf(GbcsAuthenticationException.class);
  }

  @Test
  void theRegistersAdvanceWithTheSimulatedClock() throws Exception {
    Verified before = verified(ESME, read(ESME, "4.1.1", "ReadInstantaneousImportRegisters"));
    OUTBOX.clear();
    clock.advance(Duration.ofHours(6));
    try {
      RequestId id = supplier.nextIdTo(ESME);
      supplier.send("/api/v1/serviceS", supplier.readRegisters(id, CommandVariant.SEND_VIA_WAN));
      await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
      ServiceResponse r = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
      Verified after =
          verified(
              ESME,
              Base64.getDecoder()
                  .decode(((RawResponseBody) r.body()).element().orElseThrow().getTextContent()));
      long was =
          ((DlmsData.UInt32) ((DlmsData.Structure) before.decryptedValue()).elements().get(0))
              .value();
      long is =
          ((DlmsData.UInt32) ((DlmsData.Structure) after.decryptedValue()).elements().get(0))
              .value();
      assertThat(is)
          .isGreaterThan(was)
          .isEqualTo(
              MeterState.of(ESME, MeterState.Fuel.ELECTRICITY)
                  .register(NOW.plus(Duration.ofHours(6))));
    } finally {
      clock.set(NOW);
    }
  }

  @Test
  void aGasMetersRegisterDecryptsFromItsGbzComponent() throws Exception {
    byte[] payload = read(GSME, "4.1.1", "ReadInstantaneousImportRegisters");
    Verified v = verified(GSME, payload);
    assertThat(v.apdu().messageCode()).isEqualTo(MessageCode.GCS13A);
    GbzComponent c = v.onlyComponent();
    assertThat(c.clusterId()).isEqualTo(0x0702);
    assertThat(c.isEncrypted()).isTrue();
    byte[] zcl = v.decrypt(c.encryptedData());
    // CurrentSummationDelivered (0000), success, uint48 (25), the value little-endian, in dm3
    assertThat(zcl).hasSize(10);
    assertThat(le(zcl, 0, 2)).isZero();
    assertThat(zcl[2]).isZero();
    assertThat(zcl[3]).isEqualTo((byte) 0x25);
    assertThat(le(zcl, 4, 6)).isEqualTo(MeterState.of(GSME, MeterState.Fuel.GAS).register(NOW));
    aFlippedByteFailsTheMac(GSME, payload, 10);
  }

  @Test
  void theFirmwareVersionIsTheInventorysInClear() throws Exception {
    String version = dcc.inventory().find(ESME).orElseThrow().firmwareVersion();
    byte[] payload = read(ESME, "11.2", "ReadFirmwareVersion");
    Verified v = verified(ESME, payload);
    assertThat(v.apdu().messageCode()).isEqualTo(MessageCode.ECS52);
    assertThat(((DlmsData.OctetString) v.onlyValue()).value().toByteArray())
        .isEqualTo(version.getBytes(StandardCharsets.UTF_8));
    aFlippedByteFailsTheMac(ESME, payload, 8);

    OUTBOX.clear();
    String gasVersion = dcc.inventory().find(GSME).orElseThrow().firmwareVersion();
    Verified gas = verified(GSME, read(GSME, "11.2", "ReadFirmwareVersion"));
    assertThat(gas.apdu().messageCode()).isEqualTo(MessageCode.GCS38);
    GbzComponent c = gas.onlyComponent();
    assertThat(c.isEncrypted()).isFalse();
    byte[] zcl = c.payload().toByteArray();
    // SWBuildID (4000), success, character string (42), its length, the text
    assertThat(le(zcl, 0, 2)).isEqualTo(0x4000);
    assertThat(zcl[3]).isEqualTo((byte) 0x42);
    assertThat(new String(zcl, 5, zcl[4], StandardCharsets.UTF_8)).isEqualTo(gasVersion);
  }

  @Test
  void theDailyReadLogDecryptsToTheRegisterAtEachMidnight() throws Exception {
    MeterState state = MeterState.of(ESME, MeterState.Fuel.ELECTRICITY);
    byte[] payload = read(ESME, "4.6.1", "RetrieveDailyReadLog");
    Verified v = verified(ESME, payload);
    assertThat(v.apdu().messageCode()).isEqualTo(MessageCode.ECS21A);
    List<DlmsData> rows = ((DlmsData.Array) v.decryptedValue()).elements();
    List<MeterState.Reading> expected = state.dailyReads(NOW, DeviceGbcs.DAILY_READS);
    assertThat(rows).hasSize(31);
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i))
          .isEqualTo(
              DlmsData.Structure.of(
                  new DlmsData.DateTime(DlmsDateTime.of(expected.get(i).at())),
                  new DlmsData.UInt32(expected.get(i).value())));
    }
    assertThat(expected.get(30).at()).isEqualTo(Instant.parse("2021-07-01T00:00:00Z"));
    aFlippedByteFailsTheMac(ESME, payload, 20);

    OUTBOX.clear();
    MeterState gas = MeterState.of(GSME, MeterState.Fuel.GAS);
    Verified g = verified(GSME, read(GSME, "4.6.1", "RetrieveDailyReadLog"));
    assertThat(g.apdu().messageCode()).isEqualTo(MessageCode.GCS16A);
    byte[] log = g.decrypt(g.onlyComponent().encryptedData());
    assertThat(log[0]).isEqualTo((byte) 31);
    List<MeterState.Reading> gasReads = gas.dailyReads(NOW, DeviceGbcs.DAILY_READS);
    for (int i = 0; i < 31; i++) {
      int at = 1 + 10 * i;
      Instant midnight = Instant.parse("2000-01-01T00:00:00Z").plusSeconds(le(log, at, 4));
      assertThat(midnight).isEqualTo(gasReads.get(i).at());
      assertThat(le(log, at + 4, 6)).isEqualTo(gasReads.get(i).value());
    }
  }

  @Test
  void theHalfHourlyProfileIsWhatWasConsumedInEachHalfHour() throws Exception {
    MeterState state = MeterState.of(ESME, MeterState.Fuel.ELECTRICITY);
    byte[] payload = read(ESME, "4.8.1", "ReadProfileData");
    Verified v = verified(ESME, payload);
    assertThat(v.apdu().messageCode()).isEqualTo(MessageCode.ECS22B);
    List<DlmsData> rows = ((DlmsData.Array) v.onlyValue()).elements();
    List<MeterState.Interval> expected = state.halfHourly(NOW, DeviceGbcs.PROFILE_PERIODS);
    assertThat(rows).hasSize(48);
    assertThat(rows.get(47))
        .isEqualTo(
            DlmsData.Structure.of(
                new DlmsData.DateTime(DlmsDateTime.of(Instant.parse("2021-07-01T08:30:00Z"))),
                new DlmsData.UInt32(expected.get(47).amount())));
    aFlippedByteFailsTheMac(ESME, payload, 100);

    OUTBOX.clear();
    MeterState gas = MeterState.of(GSME, MeterState.Fuel.GAS);
    Verified g = verified(GSME, read(GSME, "4.8.1", "ReadProfileData"));
    assertThat(g.apdu().messageCode()).isEqualTo(MessageCode.GCS17);
    byte[] zcl = g.onlyComponent().payload().toByteArray();
    // GetProfileResponse: end time, status, period (01 half-hourly), count, intervals newest first
    assertThat(Instant.parse("2000-01-01T00:00:00Z").plusSeconds(le(zcl, 0, 4))).isEqualTo(NOW);
    assertThat(zcl[4]).isZero();
    assertThat(zcl[5]).isEqualTo((byte) 1);
    assertThat(zcl[6]).isEqualTo((byte) 48);
    List<MeterState.Interval> gasProfile = gas.halfHourly(NOW, 48);
    assertThat(le(zcl, 7, 3)).isEqualTo(gasProfile.get(47).amount());
    assertThat(le(zcl, 7 + 3 * 47, 3)).isEqualTo(gasProfile.get(0).amount());
  }

  @Test
  void aScheduledReadIsMacedForTheDspAndEncryptedForTheUser() throws Exception {
    ServiceResponse created = supplier.send(supplier.dailyReadLogSchedule(ESME, "2021-07-02"));
    assertThat(created.header().responseCode().code()).isEqualTo("I0");
    try {
      clock.advance(Duration.ofHours(15));
      await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
      ServiceResponse r = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
      byte[] payload =
          Base64.getDecoder()
              .decode(
                  Duis.text(((RawResponseBody) r.body()).element().orElseThrow(), "GBCSPayload")
                      .orElseThrow());
      GeneralCiphering frame = GeneralCiphering.decode(payload);
      GeneralSigning apdu = frame.generalSigning();
      assertThat(apdu.recipient()).isEqualTo(dcc.dccEui());
      assertThat(apdu.otherInformation().supplementaryRemoteParty().orElseThrow().id())
          .isEqualTo(dcc.testSupplier().eui());
      X509Certificate ka = deviceKa(ESME);
      // the DSP checks the MAC with its own KA key; the User cannot
      SharedSecret dsp =
          SharedSecret.agree(dcc.dspKeyAgreementCredential().privateKey(), ka.getPublicKey());
      assertThat(frame.macVerifies(KeyDerivation.macKey(dsp, apdu))).isTrue();
      SharedSecret user = SharedSecret.agree(userKey(), ka.getPublicKey());
      assertThat(frame.macVerifies(KeyDerivation.macKey(user, apdu))).isFalse();
      // the register values are the User's to decrypt
      Verified forUser = new Verified(apdu, user);
      List<DlmsData> rows = ((DlmsData.Array) forUser.decryptedValue()).elements();
      Instant midnight = Instant.parse("2021-07-02T00:00:00Z");
      assertThat(rows.get(30))
          .isEqualTo(
              DlmsData.Structure.of(
                  new DlmsData.DateTime(DlmsDateTime.of(midnight)),
                  new DlmsData.UInt32(
                      MeterState.of(ESME, MeterState.Fuel.ELECTRICITY).register(midnight))));
    } finally {
      dcc.schedules().clear();
      clock.set(NOW);
    }
  }

  @Test
  void aFutureDatedCommandAlertIsSignedByTheMetersDigitalSigningKey() {
    Eui64 user = dcc.testSupplier().eui();
    assertThat(dcc.alerts().deviceAlert(ESME, user, "8F66", Optional.empty())).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    ServiceResponse r = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
    byte[] payload =
        Base64.getDecoder()
            .decode(Duis.text(((AlertBody) r.body()).element(), "GBCSPayload").orElseThrow());
    Verified v = verified(ESME, payload);
    assertThat(v.apdu().cra()).isEqualTo(CraFlag.ALERT);
    assertThat(v.apdu().messageCode()).isEqualTo(new MessageCode(0x8F66));
    X509Certificate ds = lookup.deviceCertificate(ESME, CertificateUsage.DS).orElseThrow();
    assertThat(v.apdu().signatureVerifies(ds.getPublicKey())).isTrue();
    assertThat(v.apdu().signatureVerifies(deviceKa(ESME).getPublicKey())).isFalse();
    DataNotification n = (DataNotification) DlmsApdu.decode(v.apdu().content());
    assertThat(((DlmsData.Structure) n.body()).elements().get(0))
        .isEqualTo(new DlmsData.UInt16(0x8F66));

    // a gas meter's alert is GBZ with the alert header
    OUTBOX.clear();
    assertThat(dcc.alerts().deviceAlert(GSME, user, "8183", Optional.empty())).isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    ServiceResponse g = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
    Verified gas =
        verified(
            GSME,
            Base64.getDecoder()
                .decode(Duis.text(((AlertBody) g.body()).element(), "GBCSPayload").orElseThrow()));
    assertThat(
            gas.apdu()
                .signatureVerifies(
                    lookup
                        .deviceCertificate(GSME, CertificateUsage.DS)
                        .orElseThrow()
                        .getPublicKey()))
        .isTrue();
    assertThat(GbzPayload.decode(gas.apdu()).alert().orElseThrow().alertCode()).isEqualTo(0x8183);
  }

  @Test
  void otherRequestsAndDevicesKeepThePlaceholder() throws Exception {
    Eui64 hub = SyntheticEstate.eui(DeviceType.CHF, 3);
    RequestId id = supplier.nextIdTo(hub);
    supplier.send("/api/v1/serviceS", supplier.readRegisters(id, CommandVariant.SEND_VIA_WAN));
    await().atMost(Duration.ofSeconds(10)).until(() -> OUTBOX.size() == 1);
    ServiceResponse r = supplier.verifyAndRead(OUTBOX.get(0).signedXml());
    byte[] gbcs =
        Base64.getDecoder()
            .decode(((RawResponseBody) r.body()).element().orElseThrow().getTextContent());
    assertThat(new String(gbcs, StandardCharsets.US_ASCII)).contains("dccsim placeholder 4.1.1");
    // and a hub that only got the placeholder has no credentials issued
    assertThat(lookup.searchDevice(hub)).isEmpty();
  }
}
