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
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.pipeline.ResponseWriter;
import io.dccsim.sim.schedule.SimulatedScheduler;
import io.dccsim.sim.service.internal.AnswerElement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device Service Requests sent to a device over the WAN or for local delivery, for every device SRV
 * that has no handler of its own. The body is not read: the device's GBCS comes from a {@link
 * GbcsResponder}.
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
 *   <li>The critical variants (4 to 7) do not come here (the pipeline answers them {@code E11}
 *       until the pre-command flow is simulated); if they do, they are answered {@code E11}.
 * </ul>
 *
 * <p>When as many device answers wait as the scheduler is bounded to, the request is refused with
 * {@link OutboxFullException}, which the pipeline answers HTTP 503: nothing is acknowledged that
 * cannot be delivered.
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
  private final AtomicLong responseCounter;

  /**
   * @param inventory the devices, for their status
   * @param behaviours how each device behaves
   * @param gbcs what the devices send
   * @param scheduler runs the device's answer at its simulated time
   * @param outbox where the asynchronous responses go
   * @param writer signs them as the DCC
   * @param clock the simulator's clock
   * @param timeout the DCC's wait before {@code E21}
   */
  public DeviceCommandService(
      DeviceInventory inventory,
      DeviceBehaviours behaviours,
      GbcsResponder gbcs,
      SimulatedScheduler scheduler,
      Outbox outbox,
      ResponseWriter writer,
      Clock clock,
      Duration timeout) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.behaviours = Objects.requireNonNull(behaviours, "behaviours");
    this.gbcs = Objects.requireNonNull(gbcs, "gbcs");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.responseCounter = new AtomicLong(clock.millis() * 1000);
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
    // a device the inventory does not hold got here through a custom device directory: it
    // behaves as any device, with no status to check
    Optional<Device> held = inventory.find(id.target());
    if (held.isPresent() && OUT_OF_SERVICE.contains(held.get().status())) {
      return new ServiceAnswer(ResponseCode.E5, NoBody.INSTANCE);
    }
    Eui64 device = id.target();
    CommandVariant cv = request.commandVariant();
    Instant now = context.now();
    if (cv == CommandVariant.RETURN_FOR_LOCAL_DELIVERY) {
      return new ServiceAnswer(ResponseCode.I0, localCommand(device, srv, id, now));
    }
    if (cv != CommandVariant.SEND_VIA_WAN && cv != CommandVariant.SEND_VIA_WAN_AND_RETURN) {
      // the critical variants (4 to 7) come with the pre-command flow
      return new ServiceAnswer(ResponseCode.E11, NoBody.INSTANCE);
    }
    DeviceBehaviour behaviour = behaviours.of(device);
    Instant due =
        switch (behaviour.mode()) {
          case NO_RESPONSE -> now.plus(timeout);
          default -> now.plus(behaviour.delay());
        };
    SchemaVersion version = request.schemaVersion();
    boolean scheduled =
        scheduler.at(due, () -> respond(device, behaviour.mode(), srv, id, version));
    if (!scheduled) {
      throw new OutboxFullException("the device responses waiting are at their bound");
    }
    return new ServiceAnswer(
        ResponseCode.I99,
        cv == CommandVariant.SEND_VIA_WAN_AND_RETURN
            ? localCommand(device, srv, id, now)
            : NoBody.INSTANCE);
  }

  private RawResponseBody localCommand(
      Eui64 device, ServiceReferenceVariant srv, RequestId id, Instant now) {
    AnswerElement local = AnswerElement.root("LocalCommand");
    local.text(
        "GBCSPayload", Base64.getEncoder().encodeToString(gbcs.command(device, srv, id, now)));
    return RawResponseBody.of(srv, local.element());
  }

  /** At the device's time: the signed response into the User's outbox. */
  private void respond(
      Eui64 device,
      DeviceBehaviour.Mode mode,
      ServiceReferenceVariant srv,
      RequestId id,
      SchemaVersion version) {
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
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
          .setTextContent(Base64.getEncoder().encodeToString(gbcs.response(device, srv, id, at)));
      body = RawResponseBody.of(srv, payload.element());
    } else {
      body = RawResponseBody.empty(srv);
    }
    Eui64 user = id.originator();
    RequestId responseId = new RequestId(device, user, responseCounter.incrementAndGet());
    byte[] signed =
        writer.write(
            new ServiceResponse(
                version,
                new ResponseHeader(Optional.of(id), Optional.of(responseId), code, at),
                body));
    try {
      outbox.enqueue(
          new OutboundMessage(
              user, OutboundMessage.Kind.RESPONSE, Optional.of(id), code.code(), signed));
      LOG.info("device {} answered {} to {}: {} queued for delivery", device, srv, id, code);
    } catch (RuntimeException e) {
      LOG.warn("The response {} to {} could not be queued: {}", code, id, e.getMessage());
    }
  }
}
