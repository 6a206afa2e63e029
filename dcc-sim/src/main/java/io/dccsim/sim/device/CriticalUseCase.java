package io.dccsim.sim.device;

import io.dccsim.core.gbcs.AccessRequest;
import io.dccsim.core.gbcs.AccessRequestSpecification;
import io.dccsim.core.gbcs.AccessResponse;
import io.dccsim.core.gbcs.AccessResult;
import io.dccsim.core.gbcs.CosemDescriptor;
import io.dccsim.core.gbcs.DlmsData;
import io.dccsim.core.gbcs.DlmsDateTime;
import io.dccsim.core.gbcs.GbzComponent;
import io.dccsim.core.gbcs.GbzPayload;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.gbcs.Octets;
import io.dccsim.core.gbcs.ZclHeader;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.device.internal.Zcl;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The critical commands a simulated meter takes for real: the GBCS content of the command the DCC
 * hands the User as a pre-command, and of the meter's response once the signed command has been
 * actioned.
 *
 * <ul>
 *   <li>Update Import Tariff (SR 1.1.1) on an ESME: ECS01a, the DLMS multi-set {@link ImportTariff}
 *       builds from the request's body; the response is the 21 sets' success.
 *   <li>Supply (SR 7.1, 7.2, 7.3) on an ESME: a DLMS action, {@code execute} (method 1) of the
 *       disconnect-control script table (class 9, {@code 0-0:10.0.106.255}) with the script
 *       selector as a long-unsigned: {@code 0033} close the load switch (ECS42), {@code 0034} open
 *       it (ECS43), {@code 0036} arm it (ECS44); the response is the action's success.
 *   <li>Supply (SR 7.2, 7.3) on a GSME: a GBZ Metering cluster ChangeSupply (client command {@code
 *       0B}: provider ID, issuer event ID, request and implementation date-times, the proposed
 *       supply status {@code 00} off or {@code 01} armed, control bits {@code 01} acknowledgement
 *       wanted); the response is a SupplyStatusResponse (server command {@code 0C}) with the new
 *       status. GSME supply cannot be enabled remotely, so 7.1 is not built for gas.
 *   <li>Commission Device (SR 8.1.1): the meter's clock is set to the command's time, a project
 *       rule where the references are silent: on an ESME a DLMS set of the clock's time (class 8,
 *       {@code 0-0:1.0.0.255}, attribute 2) as ECS70; on a GSME a ZCL Write Attributes of the Time
 *       cluster's Time (UTCTime) as GCS28.
 * </ul>
 *
 * <p>The DLMS long-invoke-id-and-priority of a command is the low 24 bits of the User's counter
 * with the processing option "break on error" (bit 29), echoed by the response; the GBZ issuer
 * event ID is the counter's low 32 bits.
 */
enum CriticalUseCase {
  /** SR 1.1.1 on an ESME: the primary element's passive tariff ({@link ImportTariff}). */
  ECS01A_IMPORT_TARIFF(DeviceType.ESME, "1.1.1", MessageCode.ECS01A, Shape.TARIFF, 0),
  /** SR 7.1 on an ESME: close the load switch. */
  ECS42_CLOSE_LOAD_SWITCH(DeviceType.ESME, "7.1", MessageCode.ECS42, Shape.SUPPLY_SCRIPT, 0x0033),
  /** SR 7.2 on an ESME: open the load switch. */
  ECS43_OPEN_LOAD_SWITCH(DeviceType.ESME, "7.2", MessageCode.ECS43, Shape.SUPPLY_SCRIPT, 0x0034),
  /** SR 7.3 on an ESME: arm the load switch. */
  ECS44_ARM_LOAD_SWITCH(DeviceType.ESME, "7.3", MessageCode.ECS44, Shape.SUPPLY_SCRIPT, 0x0036),
  /** SR 8.1.1 on an ESME. */
  ECS70_SET_CLOCK(DeviceType.ESME, "8.1.1", MessageCode.ECS70, Shape.DLMS_CLOCK, 0),
  /** SR 7.2 on a GSME: supply off. */
  GCS32_CLOSE_VALVE(DeviceType.GSME, "7.2", MessageCode.GCS32, Shape.CHANGE_SUPPLY, 0x00),
  /** SR 7.3 on a GSME: supply armed. */
  GCS39_ARM_VALVE(DeviceType.GSME, "7.3", MessageCode.GCS39, Shape.CHANGE_SUPPLY, 0x01),
  /** SR 8.1.1 on a GSME. */
  GCS28_SET_CLOCK(DeviceType.GSME, "8.1.1", MessageCode.GCS28, Shape.ZCL_CLOCK, 0);

  /** How the command and its response are built. */
  private enum Shape {
    /** A DLMS multi-set of the tariff the request's body gives. */
    TARIFF,
    /** A DLMS action on the disconnect-control scripts; the value is the script selector. */
    SUPPLY_SCRIPT,
    /** A DLMS set of the clock's time. */
    DLMS_CLOCK,
    /** A GBZ ChangeSupply; the value is the proposed (and then reported) supply status. */
    CHANGE_SUPPLY,
    /** A ZCL Write Attributes of the Time cluster's Time. */
    ZCL_CLOCK
  }

  private static final CosemDescriptor DISCONNECT_SCRIPTS =
      new CosemDescriptor(9, Octets.of(new byte[] {0, 0, 10, 0, 106, (byte) 0xFF}), 1);
  private static final CosemDescriptor CLOCK =
      new CosemDescriptor(8, Octets.of(new byte[] {0, 0, 1, 0, 0, (byte) 0xFF}), 2);
  private static final long BREAK_ON_ERROR = 0x2000_0000L;
  private static final int METERING_CLUSTER = 0x0702;
  private static final int TIME_CLUSTER = 0x000A;
  private static final int CHANGE_SUPPLY = 0x0B;
  private static final int SUPPLY_STATUS_RESPONSE = 0x0C;
  private static final int WRITE_ATTRIBUTES = 0x02;
  private static final int WRITE_ATTRIBUTES_RESPONSE = 0x04;
  private static final int TIME_ATTRIBUTE = 0x0000;
  private static final int UTC_TIME = 0xE2;
  private static final byte ZCL_SUCCESS = 0x00;
  private static final int ACKNOWLEDGE = 0x01;

  private final DeviceType type;
  private final ServiceReferenceVariant srv;
  private final MessageCode messageCode;
  private final Shape shape;
  private final int value;

  CriticalUseCase(DeviceType type, String srv, MessageCode messageCode, Shape shape, int value) {
    this.type = type;
    this.srv = ServiceReferenceVariant.parse(srv);
    this.messageCode = messageCode;
    this.shape = shape;
    this.value = value;
  }

  /** The use case for {@code srv} sent to a device of {@code type}, if one is built. */
  static Optional<CriticalUseCase> of(DeviceType type, ServiceReferenceVariant srv) {
    for (CriticalUseCase u : values()) {
      if (u.type == type && u.srv.equals(srv)) {
        return Optional.of(u);
      }
    }
    return Optional.empty();
  }

  /** The Service Requests some device type takes for real. */
  static Set<ServiceReferenceVariant> variants() {
    return java.util.Arrays.stream(values())
        .map(u -> u.srv)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Whether the command is built from the request's body. */
  boolean readsBody() {
    return shape == Shape.TARIFF;
  }

  /** The message code of the command and of its response. */
  MessageCode messageCode() {
    return messageCode;
  }

  /**
   * The command's content, for the User's {@code counter}, made at {@code at} from the request's
   * {@code body} (read by the tariff only).
   */
  byte[] command(long counter, Instant at, org.w3c.dom.Element body) {
    return switch (shape) {
      case TARIFF -> {
        ImportTariff tariff = ImportTariff.of(body);
        yield new AccessRequest(
                invokeId(counter), Optional.empty(), tariff.specifications(), tariff.data())
            .encode();
      }
      case SUPPLY_SCRIPT ->
          dlmsRequest(
              counter,
              AccessRequestSpecification.Kind.ACTION,
              DISCONNECT_SCRIPTS,
              new DlmsData.UInt16(value));
      case DLMS_CLOCK ->
          dlmsRequest(
              counter,
              AccessRequestSpecification.Kind.SET,
              CLOCK,
              new DlmsData.DateTime(DlmsDateTime.of(at)));
      case CHANGE_SUPPLY -> changeSupply(counter, value);
      case ZCL_CLOCK -> {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        le(p, TIME_ATTRIBUTE, 2);
        p.write(UTC_TIME);
        le(p, Zcl.utcTime(at), 4);
        yield gbz(TIME_CLUSTER, new ZclHeader(0x00, 0x00, WRITE_ATTRIBUTES), p.toByteArray());
      }
    };
  }

  /** The meter's response's content, once the command is actioned. */
  byte[] response(long counter, Instant at) {
    return switch (shape) {
      case TARIFF -> dlmsSuccess(counter, AccessResult.Kind.SET, ImportTariff.ATTRIBUTES);
      case SUPPLY_SCRIPT -> dlmsSuccess(counter, AccessResult.Kind.ACTION, 1);
      case DLMS_CLOCK -> dlmsSuccess(counter, AccessResult.Kind.SET, 1);
      case CHANGE_SUPPLY -> supplyStatus(counter, value);
      case ZCL_CLOCK ->
          gbz(
              TIME_CLUSTER,
              new ZclHeader(0x08, 0x00, WRITE_ATTRIBUTES_RESPONSE),
              new byte[] {ZCL_SUCCESS});
    };
  }

  private static long invokeId(long counter) {
    return BREAK_ON_ERROR | (counter & 0xFF_FFFFL);
  }

  private static byte[] dlmsRequest(
      long counter,
      AccessRequestSpecification.Kind kind,
      CosemDescriptor descriptor,
      DlmsData data) {
    return new AccessRequest(
            invokeId(counter),
            Optional.empty(),
            List.of(AccessRequestSpecification.of(kind, descriptor)),
            List.of(data))
        .encode();
  }

  private static byte[] dlmsSuccess(long counter, AccessResult.Kind kind, int results) {
    return new AccessResponse(
            invokeId(counter),
            Optional.empty(),
            Optional.empty(),
            java.util.Collections.nCopies(results, new DlmsData.NullData()),
            java.util.Collections.nCopies(results, new AccessResult(kind, AccessResult.SUCCESS)))
        .encode();
  }

  private static byte[] changeSupply(long counter, int proposed) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    le(p, 0, 4); // provider ID
    le(p, counter & 0xFFFF_FFFFL, 4); // issuer event ID
    le(p, 0, 4); // request date-time: now
    le(p, 0, 4); // implementation date-time: now
    p.write(proposed);
    p.write(ACKNOWLEDGE);
    return gbz(METERING_CLUSTER, new ZclHeader(0x01, 0x00, CHANGE_SUPPLY), p.toByteArray());
  }

  private static byte[] supplyStatus(long counter, int status) {
    ByteArrayOutputStream p = new ByteArrayOutputStream();
    le(p, 0, 4); // provider ID
    le(p, counter & 0xFFFF_FFFFL, 4); // issuer event ID
    le(p, 0, 4); // implementation date-time: now
    p.write(status);
    return gbz(
        METERING_CLUSTER, new ZclHeader(0x09, 0x00, SUPPLY_STATUS_RESPONSE), p.toByteArray());
  }

  private static byte[] gbz(int cluster, ZclHeader header, byte[] payload) {
    return GbzPayload.of(GbzComponent.plain(cluster, header, Octets.of(payload))).encode();
  }

  private static void le(ByteArrayOutputStream out, long value, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }
}
