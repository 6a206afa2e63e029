package io.dccsim.sim.device;

import io.dccsim.core.gbcs.AccessResponse;
import io.dccsim.core.gbcs.CraFlag;
import io.dccsim.core.gbcs.DataNotification;
import io.dccsim.core.gbcs.DlmsData;
import io.dccsim.core.gbcs.DlmsDateTime;
import io.dccsim.core.gbcs.EncryptedData;
import io.dccsim.core.gbcs.GbzComponent;
import io.dccsim.core.gbcs.GbzPayload;
import io.dccsim.core.gbcs.GeneralCiphering;
import io.dccsim.core.gbcs.GeneralSigning;
import io.dccsim.core.gbcs.KeyDerivation;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.gbcs.Octets;
import io.dccsim.core.gbcs.OtherInformation;
import io.dccsim.core.gbcs.SharedSecret;
import io.dccsim.core.gbcs.SupplementaryRemoteParty;
import io.dccsim.core.gbcs.ZclHeader;
import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.device.internal.Zcl;
import io.dccsim.sim.service.GbcsResponder;
import io.dccsim.sim.service.PlaceholderGbcs;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real GBCS from the simulated meters, for the reads listed in {@link #REAL}; everything else
 * (other Service Requests, other device types, a recipient without a Key Agreement certificate) is
 * the {@link PlaceholderGbcs placeholder}'s.
 *
 * <p>Each response is a General-Ciphering frame: a General-Signing APDU (CRA flag response, the
 * command's originator counter echoed, the meter's and the recipient's system titles, the date-time
 * of the response, the use case's message code) MACed with the key both sides derive from the
 * meter's Key Agreement private key and the recipient's Key Agreement public key. Register values
 * (SR 4.1.1 and 4.6.1) are encrypted with the key of mode {@code 04}. Electricity meters (ESME)
 * answer in DLMS, gas meters (GSME) in GBZ. For a command the DSP sent itself (a DCC schedule), the
 * DSP is the recipient of the MAC and the User the supplementary remote party, and the register
 * values are encrypted for the User.
 *
 * <table>
 *   <caption>What is produced</caption>
 *   <tr><th>SR</th><th>ESME</th><th>GSME</th></tr>
 *   <tr><td>4.1.1</td><td>ECS17b {@code 0027}: encrypted {@code structure{active Wh, reactive
 *       varh}} (double-long-unsigned)</td><td>GCS13a {@code 0074}: encrypted Metering read
 *       attributes response, CurrentSummationDelivered (uint48, dm³)</td></tr>
 *   <tr><td>4.6.1</td><td>ECS21a {@code 0033}: encrypted {@code array of structure{date-time,
 *       Wh}}, the last 31 midnights</td><td>GCS16a {@code 0077}: encrypted, 31 entries of UTC time
 *       (uint32) and dm³ (uint48)</td></tr>
 *   <tr><td>4.8.1</td><td>ECS22b {@code 0037}: {@code array of structure{date-time, Wh}}, the
 *       last 48 half-hours</td><td>GCS17 {@code 0078}: Metering GetProfileResponse, 48
 *       half-hours (uint24, dm³), newest first</td></tr>
 *   <tr><td>11.2</td><td>ECS52 {@code 0059}: the firmware version, an octet-string</td><td>GCS38
 *       {@code 0084}: Basic cluster SWBuildID, a character string</td></tr>
 * </table>
 *
 * <p>The critical Service Requests {@link #CRITICAL} are built for real too: for command variant 4
 * the pre-command is the User's General-Signing command (CRA flag command, the User's counter, the
 * User as originator and the meter as recipient, the use case's message code and content, a null
 * signature); once the User's signed command has been accepted, the meter's response (CRA flag
 * response, the counter echoed) is signed with the meter's Digital Signing key. Update Import
 * Tariff (1.1.1, electricity, from the request's body), Supply (7.1 to 7.3) and Commission Device
 * (8.1.1, the meter's clock set) are described by {@code CriticalUseCase}.
 *
 * <p>Alerts {@link #SIGNED_ALERTS} are signed with the device's Digital Signing key and then MACed
 * (CRA flag alert): a DLMS Data-Notification {@code structure{long-unsigned code, date-time}} from
 * an ESME, a GBZ payload with the alert header and no component from a GSME. Thread-safe.
 */
public final class DeviceGbcs implements GbcsResponder {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceGbcs.class);

  /** SR 4.1.1 Read Instantaneous Import Registers. */
  public static final ServiceReferenceVariant READ_INSTANTANEOUS =
      ServiceReferenceVariant.parse("4.1.1");

  /** SR 4.6.1 Retrieve Import Daily Read Log. */
  public static final ServiceReferenceVariant READ_DAILY_LOG =
      ServiceReferenceVariant.parse("4.6.1");

  /** SR 4.8.1 Read Profile Data (half-hourly). */
  public static final ServiceReferenceVariant READ_PROFILE = ServiceReferenceVariant.parse("4.8.1");

  /** SR 11.2 Read Firmware Version. */
  public static final ServiceReferenceVariant READ_FIRMWARE = ServiceReferenceVariant.parse("11.2");

  /** The Service Requests answered with real GBCS by electricity and gas meters. */
  public static final Set<ServiceReferenceVariant> REAL =
      Set.of(READ_INSTANTANEOUS, READ_DAILY_LOG, READ_PROFILE, READ_FIRMWARE);

  /**
   * The critical Service Requests whose pre-command and response meters build for real: 1.1.1 and
   * 7.1 (on electricity meters only), 7.2, 7.3 and 8.1.1.
   */
  public static final Set<ServiceReferenceVariant> CRITICAL = CriticalUseCase.variants();

  /** The device alert codes raised signed: future-dated command actioned, device joined. */
  public static final Set<Integer> SIGNED_ALERTS = Set.of(0x8F66, 0x8183);

  /** Daily reads in a 4.6.1 response. */
  public static final int DAILY_READS = 31;

  /** Half-hours in a 4.8.1 response. */
  public static final int PROFILE_PERIODS = 48;

  private static final Map<ServiceReferenceVariant, MessageCode> ELECTRICITY =
      Map.of(
          READ_INSTANTANEOUS, MessageCode.ECS17B,
          READ_DAILY_LOG, MessageCode.ECS21A,
          READ_PROFILE, MessageCode.ECS22B,
          READ_FIRMWARE, MessageCode.ECS52);
  private static final Map<ServiceReferenceVariant, MessageCode> GAS =
      Map.of(
          READ_INSTANTANEOUS, MessageCode.GCS13A,
          READ_DAILY_LOG, MessageCode.GCS16A,
          READ_PROFILE, MessageCode.GCS17,
          READ_FIRMWARE, MessageCode.GCS38);

  private static final long INVOKE_ID = 1;
  private static final int METERING_CLUSTER = 0x0702;
  private static final int BASIC_CLUSTER = 0x0000;
  private static final GbzComponent.AdditionalHeader ADDITIONAL =
      new GbzComponent.AdditionalHeader(0x00, 0x01);

  private final DeviceInventory inventory;
  private final DeviceCredentials credentials;
  private final KeyAgreementKeys parties;
  private final GbcsResponder fallback;

  /**
   * @param inventory the devices: their type and firmware version
   * @param credentials the devices' keys, issued on first use
   * @param parties the KA public keys of the Users and the DSP
   * @param fallback what answers everything not built here
   */
  public DeviceGbcs(
      DeviceInventory inventory,
      DeviceCredentials credentials,
      KeyAgreementKeys parties,
      GbcsResponder fallback) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.parties = Objects.requireNonNull(parties, "parties");
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  /**
   * The device types that answer {@code srv} with real GBCS (in this order: ESME, GSME), none when
   * every device answers it with the placeholder.
   */
  public static List<DeviceType> realFor(ServiceReferenceVariant srv) {
    List<DeviceType> out = new ArrayList<>(2);
    for (DeviceType t : List.of(DeviceType.ESME, DeviceType.GSME)) {
      if (REAL.contains(srv) || CriticalUseCase.of(t, srv).isPresent()) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code device} answers {@code srv} with real GBCS: a meter, and one of {@link #REAL} or
   * of the {@link #CRITICAL} its type takes.
   */
  public boolean buildsReal(Eui64 device, ServiceReferenceVariant srv) {
    Optional<Device> meter = meter(device);
    return meter.isPresent()
        && (REAL.contains(srv) || CriticalUseCase.of(meter.get().type(), srv).isPresent());
  }

  @Override
  public byte[] response(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at) {
    Optional<Device> held =
        REAL.contains(srv) || CRITICAL.contains(srv) ? inventory.find(device) : Optional.empty();
    return held.isPresent()
        ? response(held.get(), srv, request, at)
        : fallback.response(device, srv, request, at);
  }

  @Override
  public byte[] response(Device held, ServiceReferenceVariant srv, RequestId request, Instant at) {
    Optional<CriticalUseCase> critical = CriticalUseCase.of(held.type(), srv);
    if (critical.isPresent()) {
      return criticalResponse(held.eui(), critical.get(), request, at);
    }
    Optional<byte[]> real =
        build(
            held.eui(),
            Optional.of(held).filter(DeviceGbcs::isMeter),
            srv,
            request.originator(),
            request.counter(),
            Optional.empty(),
            at);
    return real.orElseGet(() -> fallback.response(held.eui(), srv, request, at));
  }

  @Override
  public byte[] responseViaDsp(
      Eui64 device, ServiceReferenceVariant srv, Eui64 dsp, RequestId request, Instant at) {
    Optional<byte[]> real =
        build(
            device,
            REAL.contains(srv) ? meter(device) : Optional.empty(),
            srv,
            dsp,
            request.counter(),
            Optional.of(new SupplementaryRemoteParty(request.originator(), request.counter())),
            at);
    return real.orElseGet(() -> fallback.responseViaDsp(device, srv, dsp, request, at));
  }

  @Override
  public byte[] command(Eui64 device, ServiceReferenceVariant srv, RequestId request, Instant at) {
    return command(device, srv, request, null, at);
  }

  /**
   * {@inheritDoc}
   *
   * <p>A critical command a meter takes for real is its pre-command (see the class comment); a
   * tariff (SR 1.1.1) needs the {@code body}, without which it is the placeholder's.
   */
  @Override
  public byte[] command(
      Eui64 device,
      ServiceReferenceVariant srv,
      RequestId request,
      org.w3c.dom.Element body,
      Instant at) {
    Optional<CriticalUseCase> critical =
        CRITICAL.contains(srv)
            ? meter(device)
                .flatMap(m -> CriticalUseCase.of(m.type(), srv))
                .filter(u -> body != null || !u.readsBody())
            : Optional.empty();
    if (critical.isEmpty()) {
      return fallback.command(device, srv, request, body, at);
    }
    // the User's command, unsigned: the User signs it and sends it back (command variant 5 to 7)
    return GeneralSigning.builder()
        .cra(CraFlag.COMMAND)
        .originatorCounter(request.counter())
        .originator(request.originator())
        .recipient(device)
        .messageCode(critical.get().messageCode())
        .content(critical.get().command(request.counter(), at, body))
        .build()
        .encode();
  }

  /**
   * The meter's response to the critical command {@code request} sent (signed by the User): the use
   * case's content, signed with the meter's Digital Signing key, so the User verifies it with the
   * meter's DS certificate from SMKI.
   */
  private byte[] criticalResponse(
      Eui64 device, CriticalUseCase useCase, RequestId request, Instant at) {
    return GeneralSigning.builder()
        .cra(CraFlag.RESPONSE)
        .originatorCounter(request.counter())
        .originator(device)
        .recipient(request.originator())
        .dateTime(DlmsDateTime.of(at))
        .messageCode(useCase.messageCode())
        .content(useCase.response(request.counter(), at))
        .build()
        .signedWith(credentials.of(device).digitalSigning().privateKey())
        .encode();
  }

  @Override
  public byte[] alert(Eui64 device, Eui64 user, int alertCode, long counter, Instant at) {
    Optional<Device> meter = meter(device);
    Optional<PublicKey> peer = parties.of(user);
    if (!SIGNED_ALERTS.contains(alertCode) || meter.isEmpty() || peer.isEmpty()) {
      return fallback.alert(device, user, alertCode, counter, at);
    }
    DeviceKeys keys = credentials.of(device);
    DlmsDateTime now = DlmsDateTime.of(at);
    byte[] content =
        meter.get().type() == DeviceType.ESME
            ? new DataNotification(
                    0,
                    Optional.of(now),
                    DlmsData.Structure.of(
                        new DlmsData.UInt16(alertCode), new DlmsData.DateTime(now)))
                .encode()
            : new GbzPayload(
                    Optional.of(new GbzPayload.Alert(alertCode, Zcl.utcTime(at))), List.of())
                .encode();
    GeneralSigning apdu =
        GeneralSigning.builder()
            .cra(CraFlag.ALERT)
            .originatorCounter(counter)
            .originator(device)
            .recipient(user)
            .dateTime(now)
            .messageCode(new MessageCode(alertCode))
            .content(content)
            .build()
            .signedWith(keys.digitalSigning().privateKey());
    SharedSecret z = SharedSecret.agree(keys.keyAgreement().privateKey(), peer.get());
    return GeneralCiphering.mac(apdu, KeyDerivation.macKey(z, apdu)).encode();
  }

  /** The meter, if {@code device} is one the inventory holds (ESME or GSME). */
  private Optional<Device> meter(Eui64 device) {
    return inventory.find(device).filter(DeviceGbcs::isMeter);
  }

  private static boolean isMeter(Device d) {
    return d.type() == DeviceType.ESME || d.type() == DeviceType.GSME;
  }

  private Optional<byte[]> build(
      Eui64 device,
      Optional<Device> meter,
      ServiceReferenceVariant srv,
      Eui64 recipient,
      long counter,
      Optional<SupplementaryRemoteParty> forUser,
      Instant at) {
    if (!REAL.contains(srv) || meter.isEmpty()) {
      return Optional.empty();
    }
    Optional<PublicKey> macPeer = parties.of(recipient);
    Optional<PublicKey> encryptionPeer =
        forUser.isPresent() ? parties.of(forUser.get().id()) : macPeer;
    if (macPeer.isEmpty() || encryptionPeer.isEmpty()) {
      LOG.debug(
          "{} has no KA certificate: device {} answers {} with the placeholder",
          recipient,
          device,
          srv);
      return Optional.empty();
    }
    boolean electricity = meter.get().type() == DeviceType.ESME;
    MessageCode code = (electricity ? ELECTRICITY : GAS).get(srv);
    DeviceKeys keys = credentials.of(device);
    GeneralSigning header =
        GeneralSigning.builder()
            .cra(CraFlag.RESPONSE)
            .originatorCounter(counter)
            .originator(device)
            .recipient(recipient)
            .dateTime(DlmsDateTime.of(at))
            .otherInformation(
                forUser
                    .map(user -> OtherInformation.of(code, user))
                    .orElseGet(() -> OtherInformation.of(code)))
            .build();
    // one agreement when the recipient is the User; a second, with the User's key, via the DSP
    SharedSecret z = SharedSecret.agree(keys.keyAgreement().privateKey(), macPeer.get());
    Sealer seal =
        plaintext ->
            EncryptedData.encrypt(
                KeyDerivation.encryptionKey(
                    forUser.isPresent()
                        ? SharedSecret.agree(keys.keyAgreement().privateKey(), encryptionPeer.get())
                        : z,
                    header),
                device,
                plaintext);
    MeterState state =
        MeterState.of(device, electricity ? MeterState.Fuel.ELECTRICITY : MeterState.Fuel.GAS);
    byte[] content =
        electricity
            ? electricityContent(srv, state, meter.get(), at, seal)
            : gasContent(srv, state, meter.get(), at, seal);
    GeneralSigning apdu = header.withContent(content);
    return Optional.of(GeneralCiphering.mac(apdu, KeyDerivation.macKey(z, apdu)).encode());
  }

  /** Encrypts sensitive data for the User. */
  @FunctionalInterface
  private interface Sealer {
    EncryptedData seal(byte[] plaintext);
  }

  private static byte[] electricityContent(
      ServiceReferenceVariant srv, MeterState state, Device meter, Instant at, Sealer seal) {
    DlmsData value;
    if (srv.equals(READ_INSTANTANEOUS)) {
      MeterState.ElectricityRegisters r = state.electricity(at);
      value =
          sealed(
              seal,
              DlmsData.Structure.of(
                  new DlmsData.UInt32(r.activeImportWh()),
                  new DlmsData.UInt32(r.reactiveImportVarh())));
    } else if (srv.equals(READ_DAILY_LOG)) {
      List<DlmsData> rows = new ArrayList<>();
      for (MeterState.Reading r : state.dailyReads(at, DAILY_READS)) {
        rows.add(
            DlmsData.Structure.of(
                new DlmsData.DateTime(DlmsDateTime.of(r.at())), new DlmsData.UInt32(r.value())));
      }
      value = sealed(seal, new DlmsData.Array(rows));
    } else if (srv.equals(READ_PROFILE)) {
      List<DlmsData> rows = new ArrayList<>();
      for (MeterState.Interval i : state.halfHourly(at, PROFILE_PERIODS)) {
        rows.add(
            DlmsData.Structure.of(
                new DlmsData.DateTime(DlmsDateTime.of(i.start())),
                new DlmsData.UInt32(i.amount())));
      }
      value = new DlmsData.Array(rows);
    } else {
      value =
          new DlmsData.OctetString(
              Octets.of(meter.firmwareVersion().getBytes(StandardCharsets.UTF_8)));
    }
    return AccessResponse.ofGets(INVOKE_ID, List.of(value)).encode();
  }

  private static DlmsData sealed(Sealer seal, DlmsData plain) {
    return new DlmsData.OctetString(Octets.of(seal.seal(plain.encode()).encode()));
  }

  private static byte[] gasContent(
      ServiceReferenceVariant srv, MeterState state, Device meter, Instant at, Sealer seal) {
    ZclHeader response = new ZclHeader(0x08, 0x01, Zcl.READ_ATTRIBUTES_RESPONSE);
    GbzComponent component;
    if (srv.equals(READ_INSTANTANEOUS)) {
      component =
          GbzComponent.encrypted(
              METERING_CLUSTER,
              ADDITIONAL,
              response,
              seal.seal(Zcl.uint48Attribute(Zcl.CURRENT_SUMMATION_DELIVERED, state.register(at))));
    } else if (srv.equals(READ_DAILY_LOG)) {
      component =
          GbzComponent.encrypted(
              METERING_CLUSTER,
              ADDITIONAL,
              new ZclHeader(0x08, 0x01, Zcl.PUBLISH_SNAPSHOT),
              seal.seal(Zcl.dailyReads(state.dailyReads(at, DAILY_READS))));
    } else if (srv.equals(READ_PROFILE)) {
      component =
          GbzComponent.plain(
              METERING_CLUSTER,
              new ZclHeader(0x08, 0x01, Zcl.GET_PROFILE_RESPONSE),
              Octets.of(Zcl.profile(state.halfHourly(at, PROFILE_PERIODS))));
    } else {
      component =
          GbzComponent.plain(
              BASIC_CLUSTER,
              response,
              Octets.of(Zcl.stringAttribute(Zcl.SW_BUILD_ID, meter.firmwareVersion())));
    }
    return GbzPayload.of(component).encode();
  }
}
