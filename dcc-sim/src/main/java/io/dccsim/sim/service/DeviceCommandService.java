package io.dccsim.sim.service;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.Outbox;
import io.dccsim.sim.delivery.OutboxFullException;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.pipeline.ResponseWriter;
import io.dccsim.sim.schedule.SimulatedScheduler;
import io.dccsim.sim.service.internal.AnswerElement;
import io.dccsim.sim.service.internal.Fields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device Service Requests sent to a device over the WAN or for local delivery, for every device SRV
 * that has no handler of its own. The device's GBCS comes from a {@link GbcsResponder}, which is
 * handed the request's body for the commands that carry what it says (a tariff).
 *
 * <ul>
 *   <li>Command variant 1 (and 3): acknowledged {@code I99} at once (3 also carries the command for
 *       local delivery as {@code LocalCommand}); then, as the device's {@link DeviceBehaviour}
 *       says, a signed {@code sr:Response} goes to the User's {@link Outbox}: {@code I0} with the
 *       device's {@code GBCSPayload} after the device's delay, {@code E20} (unreachable) after the
 *       delay, or {@code E21} (no response) after the DCC's timeout. Its {@code ResponseID} is
 *       {@code device:user:counter}.
 *   <li>Command variant 2: answered at once, {@code I0} with {@code LocalCommand{GBCSPayload}}.
 *   <li>A device that is {@code Decommissioned}, {@code Withdrawn} or {@code Suspended} is refused
 *       {@code E5} at once.
 *   <li>Command variant 4 (a critical SR, on serviceT): answered at once, {@code I0} with {@code
 *       PreCommand{GBCSVersion, GBCSPayload}}, the command with a null signature (or, in the {@link
 *       PreCommandSignature.Form#NO_SIGNATURE_FIELD DCC Boxed form}, none), which is held for the
 *       RequestID (see {@link PreCommands}).
 *   <li>Command variants 5, 6 and 7: the User sends back {@code SignedPreCommand{GBCSPayload}} with
 *       the same RequestID, the pre-command signed with its Digital Signing key ({@link
 *       PreCommandSignature}). Refused {@code E50} when no pre-command is held for the RequestID
 *       (never given, already used, or forgotten), {@code E51} when the payload without its
 *       signature is not the pre-command, {@code E52} when the signature does not verify with the
 *       User's {@link DigitalSigningKeys}. A refused one stays held, so it may be sent again; an
 *       accepted one is used up. Then 5 is answered as 1, 6 as 2 and 7 as 3, the signed command in
 *       place of the DCC's.
 *   <li>SR 8.1.1 Commission Device: at the time of the device's {@code I0} response, the device
 *       becomes {@code Commissioned} in the inventory.
 * </ul>
 *
 * <p>The device's signed response (or the DCC's {@code E20}/{@code E21}) is written when the
 * request is acknowledged, dated when it is due, and handed to the outbox for that time before
 * {@code I99} is answered: with a durable outbox, a restart after the acknowledgement loses
 * nothing. When the outbox (or the timer of a custom one) is at its bound, the request is refused
 * with {@link OutboxFullException}, which the pipeline answers HTTP 503: nothing is acknowledged
 * that cannot be delivered.
 */
public final class DeviceCommandService implements ServiceHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceCommandService.class);

  /** The statuses in which a device takes no command. */
  public static final Set<DeviceStatus> OUT_OF_SERVICE =
      Set.of(DeviceStatus.DECOMMISSIONED, DeviceStatus.WITHDRAWN, DeviceStatus.SUSPENDED);

  /** The DCC's default wait for a device's response before it reports {@code E21}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  private final DeviceInventory inventory;
  private final DeviceBehaviours behaviours;
  private final GbcsResponder gbcs;
  private final SimulatedScheduler scheduler;
  private final Outbox outbox;
  private final ResponseWriter writer;
  private final Clock clock;
  private final Duration timeout;
  private final ResponseCounter responseCounter;
  private final PreCommands preCommands;
  private final DigitalSigningKeys signingKeys;
  private final PreCommandSignature.Form preCommandForm;

  /** SR 8.1.1 Commission Device. */
  public static final ServiceReferenceVariant COMMISSION_DEVICE =
      ServiceReferenceVariant.parse("8.1.1");

  /** The GBCS version a pre-command names for a device the inventory does not hold. */
  public static final String DEFAULT_GBCS_VERSION = "3.2";

  /**
   * @param inventory the devices, for their status
   * @param behaviours how each device behaves
   * @param gbcs what the devices send
   * @param scheduler runs what follows a device's answer at its simulated time (a commissioning)
   * @param outbox where the asynchronous responses go, each for the time it is due
   * @param writer signs them as the DCC
   * @param clock the simulator's clock
   * @param timeout the DCC's wait before {@code E21}
   * @param preCommands holds the pre-commands given, until they come back signed
   * @param signingKeys the Users' Digital Signing keys, to check signed pre-commands with
   * @param preCommandForm the form of the pre-commands handed out
   * @param responseCounter the simulator's ResponseID counter
   */
  public DeviceCommandService(
      DeviceInventory inventory,
      DeviceBehaviours behaviours,
      GbcsResponder gbcs,
      SimulatedScheduler scheduler,
      Outbox outbox,
      ResponseWriter writer,
      Clock clock,
      Duration timeout,
      PreCommands preCommands,
      DigitalSigningKeys signingKeys,
      PreCommandSignature.Form preCommandForm,
      ResponseCounter responseCounter) {
    this.preCommandForm = Objects.requireNonNull(preCommandForm, "preCommandForm");
    this.preCommands = Objects.requireNonNull(preCommands, "preCommands");
    this.signingKeys = Objects.requireNonNull(signingKeys, "signingKeys");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.behaviours = Objects.requireNonNull(behaviours, "behaviours");
    this.gbcs = Objects.requireNonNull(gbcs, "gbcs");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.responseCounter = Objects.requireNonNull(responseCounter, "responseCounter");
  }

  /** Not used: this handler answers any device SRV that has no handler of its own. */
  @Override
  public ServiceReferenceVariant variant() {
    return ServiceReferenceVariant.parse("99.99");
  }

  @Override
  public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
    ServiceReferenceVariant srv = request.serviceReferenceVariant();
    RequestId id = request.requestId();
    // the target check's record when it has one; a device the inventory does not hold got here
    // through a custom device directory: it behaves as any device, with no status to check
    Optional<Device> held =
        context.target().isPresent() ? context.target() : inventory.find(id.target());
    if (held.isPresent() && OUT_OF_SERVICE.contains(held.get().status())) {
      return new ServiceAnswer(ResponseCode.E5, NoBody.INSTANCE);
    }
    Eui64 device = id.target();
    CommandVariant cv = request.commandVariant();
    Instant now = context.now();
    return switch (cv) {
      case RETURN_FOR_LOCAL_DELIVERY ->
          new ServiceAnswer(
              ResponseCode.I0,
              localCommand(srv, gbcs.command(device, srv, id, request.body(), now)));
      case SEND_VIA_WAN -> viaWan(request, context, null);
      case SEND_VIA_WAN_AND_RETURN ->
          viaWan(request, context, gbcs.command(device, srv, id, request.body(), now));
      case TRANSFORM_TO_PRE_COMMAND -> preCommand(held, request, now);
      case SIGNED_PRE_COMMAND_VIA_WAN,
          SIGNED_PRE_COMMAND_RETURN,
          SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN ->
          signedPreCommand(request, context);
      default -> new ServiceAnswer(ResponseCode.E11, NoBody.INSTANCE);
    };
  }

  /** Command variant 4: the command with a null signature, held for the RequestID. */
  private ServiceAnswer preCommand(Optional<Device> held, ParsedRequest request, Instant now) {
    RequestId id = request.requestId();
    ServiceReferenceVariant srv = request.serviceReferenceVariant();
    byte[] command = preCommandForm.of(gbcs.command(id.target(), srv, id, request.body(), now));
    preCommands.remember(id, command, now);
    AnswerElement pre = AnswerElement.root("PreCommand");
    pre.text("GBCSVersion", held.map(Device::gbcsVersion).orElse(DEFAULT_GBCS_VERSION));
    pre.text("GBCSPayload", Base64.getEncoder().encodeToString(command));
    return new ServiceAnswer(ResponseCode.I0, RawResponseBody.of(srv, pre.element()));
  }

  /** Command variants 5 to 7: the signed pre-command checked, then sent and/or returned. */
  private ServiceAnswer signedPreCommand(ParsedRequest request, ServiceContext context) {
    Instant now = context.now();
    RequestId id = request.requestId();
    ServiceReferenceVariant srv = request.serviceReferenceVariant();
    Fields body = Fields.of(request.body(), srv.toString(), "SignedPreCommand");
    byte[] signed;
    try {
      signed = Base64.getMimeDecoder().decode(body.required("GBCSPayload"));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("GBCSPayload is not base64");
    }
    Optional<byte[]> given = preCommands.find(id, now);
    if (given.isEmpty()) {
      LOG.info("signed pre-command {} refused E50: no pre-command held for that RequestID", id);
      return new ServiceAnswer(ResponseCode.E50, NoBody.INSTANCE);
    }
    if (!PreCommandSignature.sameCommand(signed, given.get(), preCommandForm)) {
      if (PreCommandSignature.signedOverNullSignature(signed, given.get())) {
        LOG.info(
            "signed pre-command {} refused E51: signed with its null signature (00) kept; remove"
                + " that byte before signing, or set pre-command-form: dcc-boxed",
            id);
      } else {
        LOG.info("signed pre-command {} refused E51: not the pre-command given", id);
      }
      return new ServiceAnswer(ResponseCode.E51, NoBody.INSTANCE);
    }
    if (!PreCommandSignature.verifies(signed, signingKeys.of(id.originator()))) {
      LOG.info(
          "signed pre-command {} refused E52: no Digital Signing certificate of {} in use verifies"
              + " it",
          id,
          id.originator());
      return new ServiceAnswer(ResponseCode.E52, NoBody.INSTANCE);
    }
    if (!preCommands.use(id, now)) {
      // used by a request sent at the same time
      return new ServiceAnswer(ResponseCode.E50, NoBody.INSTANCE);
    }
    LOG.info("signed pre-command {} for {} accepted", id, srv);
    try {
      return switch (request.commandVariant()) {
        case SIGNED_PRE_COMMAND_RETURN ->
            new ServiceAnswer(ResponseCode.I0, localCommand(srv, signed));
        case SIGNED_PRE_COMMAND_VIA_WAN_AND_RETURN -> viaWan(request, context, signed);
        default -> viaWan(request, context, null);
      };
    } catch (OutboxFullException e) {
      // nothing was sent: the User may send it again
      preCommands.remember(id, given.get(), now);
      throw e;
    }
  }

  /**
   * Acknowledged {@code I99}; the device's answer scheduled; {@code local}, if not null, returned
   * as {@code LocalCommand}.
   */
  private ServiceAnswer viaWan(ParsedRequest request, ServiceContext context, byte[] local) {
    ServiceReferenceVariant srv = request.serviceReferenceVariant();
    RequestId id = request.requestId();
    Eui64 device = id.target();
    Instant now = context.now();
    DeviceBehaviour behaviour = context.deviceBehaviour().orElseGet(() -> behaviours.of(device));
    Instant due =
        switch (behaviour.mode()) {
          case NO_RESPONSE -> now.plus(timeout);
          default -> now.plus(behaviour.delay());
        };
    java.util.concurrent.CompletableFuture<Long> kept =
        respond(device, context.target(), behaviour.mode(), srv, id, request.schemaVersion(), due);
    return new ServiceAnswer(
        ResponseCode.I99, local != null ? localCommand(srv, local) : NoBody.INSTANCE, kept);
  }

  private static RawResponseBody localCommand(ServiceReferenceVariant srv, byte[] command) {
    AnswerElement local = AnswerElement.root("LocalCommand");
    local.text("GBCSPayload", Base64.getEncoder().encodeToString(command));
    return RawResponseBody.of(srv, local.element());
  }

  /** SR 8.1.1 answered: the device is in service. */
  private void commission(Eui64 device) {
    try {
      inventory
          .updateStatus(device, DeviceStatus.COMMISSIONED)
          .ifPresent(d -> LOG.info("device {} commissioned", device));
    } catch (RuntimeException e) {
      LOG.warn("device {} could not be marked commissioned: {}", device, e.getMessage());
    }
  }

  /**
   * The signed response, dated {@code due}, into the User's outbox for that time.
   *
   * @return completed once the outbox keeps it durably
   * @throws OutboxFullException when the outbox cannot take it
   */
  private java.util.concurrent.CompletableFuture<Long> respond(
      Eui64 device,
      Optional<Device> held,
      DeviceBehaviour.Mode mode,
      ServiceReferenceVariant srv,
      RequestId id,
      SchemaVersion version,
      Instant due) {
    Instant at = due.truncatedTo(ChronoUnit.MILLIS);
    ResponseCode code =
        switch (mode) {
          case ANSWER -> ResponseCode.I0;
          case NO_RESPONSE -> ResponseCode.E21;
          case UNREACHABLE -> ResponseCode.E20;
        };
    RawResponseBody body;
    if (mode == DeviceBehaviour.Mode.ANSWER) {
      AnswerElement payload = AnswerElement.root("GBCSPayload");
      payload
          .element()
          .setTextContent(
              Base64.getEncoder()
                  .encodeToString(
                      held.isPresent()
                          ? gbcs.response(held.get(), srv, id, at)
                          : gbcs.response(device, srv, id, at)));
      body = RawResponseBody.of(srv, payload.element());

    } else {
      body = RawResponseBody.empty(srv);
    }
    Eui64 user = id.originator();
    RequestId responseId = new RequestId(device, user, responseCounter.next());
    byte[] signed =
        writer.write(
            new ServiceResponse(
                version,
                new ResponseHeader(Optional.of(id), Optional.of(responseId), code, at),
                body));
    java.util.concurrent.CompletableFuture<Long> kept =
        outbox.enqueueKept(
            new OutboundMessage(
                user, OutboundMessage.Kind.RESPONSE, Optional.of(id), code.code(), signed),
            at);
    LOG.debug("device {} will answer {} to {}: {} queued for {}", device, srv, id, code, at);
    if (code == ResponseCode.I0
        && srv.equals(COMMISSION_DEVICE)
        && !scheduler.at(at, () -> commission(device))) {
      LOG.warn("device {} is not marked commissioned: too many answers wait", device);
    }
    return kept;
  }
}
