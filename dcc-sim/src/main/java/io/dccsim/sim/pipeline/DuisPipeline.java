package io.dccsim.sim.pipeline;

import io.dccsim.core.inventory.Device;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.release.BaselinePolicy;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.coverage.CoverageQuestion;
import io.dccsim.sim.server.IncomingRequest;
import io.dccsim.sim.server.Outcome;
import io.dccsim.sim.server.RequestProcessor;
import io.dccsim.sim.service.ServiceAnswer;
import io.dccsim.sim.service.ServiceContext;
import io.dccsim.sim.service.ServiceHandler;
import io.dccsim.sim.service.WanMatrixService;
import io.dccsim.sim.spi.Intervention;
import io.dccsim.sim.spi.InterventionSource;
import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The request pipeline, stage by stage: read (400), authenticate the signer (E1), authorise (E1,
 * then E12, E13, E2), check the RequestID's target ({@value TargetCheck#WRONG_TARGET_CODE}),
 * consult the interventions once, route to the SR's handler (a device SR with no handler of its own
 * goes to the device-request handler where there is one; any other SR with no handler is answered
 * {@value #NOT_SIMULATED_CODE}), and sign the answer. One parse per request: the DOM the reader
 * builds is the one whose signature is verified and whose values are read.
 *
 * <p>Every signed answer, refusals included, carries {@code Body/ResponseMessage} with the
 * request's ServiceReference and ServiceReferenceVariant (the DUIS schema requires the Body); a
 * request too broken to read them is answered HTTP 400, not a DUIS answer.
 */
public final class DuisPipeline implements RequestProcessor {
  /** The response code for an SR the simulator does not simulate. */
  public static final String NOT_SIMULATED_CODE = "E11";

  private final RequestReader reader;
  private final SignerAuthentication authentication;
  private final Authorisation authorisation;
  private final TargetCheck targets;
  private final Map<ServiceReferenceVariant, ServiceHandler> handlers;
  private final Supplier<InterventionSource> interventions;
  private final ResponseWriter writer;
  private final Clock clock;
  private final SecureXml xml;
  private final Supplier<BaselinePolicy> baselinesSource;

  // answers a device SRV that has no handler of its own; null: such SRVs are not simulated
  private final ServiceHandler deviceRequests;

  /** Raises an alert a scenario asks for, about a request. */
  @FunctionalInterface
  public interface AlertRaiser {
    /** Raises {@code code} about {@code request}, {@code after} of simulated time from now. */
    void raise(io.dccsim.core.value.RequestId request, String code, Duration after);
  }

  private final AlertRaiser alertRaiser;

  /**
   * Assembles the stages.
   *
   * @param deviceRequests answers device SRs that have no handler of their own, or null
   * @param alertRaiser where the alerts scenarios ask for go
   */
  public DuisPipeline(
      RequestReader reader,
      SignerAuthentication authentication,
      Authorisation authorisation,
      TargetCheck targets,
      List<ServiceHandler> handlers,
      ServiceHandler deviceRequests,
      Supplier<InterventionSource> interventions,
      ResponseWriter writer,
      Clock clock,
      Supplier<BaselinePolicy> baselines,
      SecureXml xml,
      AlertRaiser alertRaiser) {
    this.alertRaiser = java.util.Objects.requireNonNull(alertRaiser, "alertRaiser");
    this.deviceRequests = deviceRequests;
    this.reader = reader;
    this.authentication = authentication;
    this.authorisation = authorisation;
    this.targets = targets;
    this.handlers =
        handlers.stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(ServiceHandler::variant, h -> h));
    this.interventions = interventions;
    this.writer = writer;
    this.clock = clock;
    this.baselinesSource = baselines;
    this.xml = xml;
  }

  @Override
  public Outcome process(IncomingRequest in) {
    ParsedRequest request;
    try {
      request = reader.read(in.body());
    } catch (MalformedRequestException e) {
      return Outcome.plain(
          400, Verdict.REFUSED_MALFORMED, e.getMessage(), "malformed: " + e.getMessage());
    }
    RequestFacts facts = facts(in, request);
    Authentication authenticated = authentication.authenticate(request);
    if (!authenticated.accepted()) {
      return signed(
          request,
          facts,
          authenticated.responseCode(),
          NoBody.INSTANCE,
          false,
          Verdict.REFUSED_AUTHENTICATION,
          authenticated.reason());
    }
    Authentication authorised = authorisation.authorise(request, in.path());
    if (!authorised.accepted()) {
      Verdict verdict =
          authorised.responseCode().equals("E1")
              ? Verdict.REFUSED_AUTHENTICATION
              : Verdict.REFUSED_AUTHORISATION;
      return signed(
          request,
          facts,
          authorised.responseCode(),
          NoBody.INSTANCE,
          false,
          verdict,
          authorised.reason());
    }
    TargetCheck.Checked checked = targets.check(request);
    Authentication addressed = checked.authentication();
    if (!addressed.accepted()) {
      return signed(
          request,
          facts,
          addressed.responseCode(),
          NoBody.INSTANCE,
          false,
          Verdict.REFUSED_AUTHORISATION,
          addressed.reason());
    }
    try {
      return intervenedOrAnswered(request, facts, checked.device());
    } catch (MalformedRequestException e) {
      return Outcome.plain(
          400, Verdict.REFUSED_MALFORMED, e.getMessage(), "malformed: " + e.getMessage());
    } catch (io.dccsim.sim.delivery.OutboxFullException e) {
      // nothing is acknowledged that could not be delivered: the client may try again
      return Outcome.plain(503, Verdict.REFUSED_TRANSPORT, "Busy", "busy: " + e.getMessage());
    }
  }

  private Outcome intervenedOrAnswered(
      ParsedRequest request, RequestFacts facts, Optional<Device> target) {
    io.dccsim.sim.spi.InterventionSource.Shaped shaped = interventions.get().shape(facts);
    List<Intervention> list = shaped.interventions();
    Duration delay = Duration.ZERO;
    Intervention effect = null;
    for (Intervention i : list) {
      if (i instanceof Intervention.Delay d) {
        delay = delay.plus(d.delay());
      } else {
        effect = i;
        break;
      }
    }
    Outcome outcome;
    if (effect == null) {
      outcome = answer(request, facts, false, list.isEmpty() ? null : "delay", target);
    } else {
      outcome = intervene(request, facts, effect, target);
    }
    if (shaped.by().isPresent() && outcome.verdict() == Verdict.INTERVENED) {
      // the journal names the scenario that shaped the answer
      outcome = outcome.withReason(outcome.reason() + " (" + shaped.by().get() + ")");
    }
    return outcome.delayedBy(delay);
  }

  private Outcome intervene(
      ParsedRequest request, RequestFacts facts, Intervention effect, Optional<Device> target) {
    String reason = "intervention: " + effect;
    if (effect instanceof Intervention.ResetConnection) {
      return new Outcome(
          Duration.ZERO,
          new Outcome.Action.Reset(),
          Verdict.INTERVENED,
          reason,
          Optional.of(facts),
          Optional.empty());
    } else if (effect instanceof Intervention.EmptyResponse) {
      return raw(new Outcome.Action.Respond(200, "application/xml", new byte[0], 0), facts, reason);
    } else if (effect instanceof Intervention.MalformedXml) {
      byte[] broken =
          ("<?xml version=\"1.0\"?><sr:Response xmlns:sr=\"" + Duis.NS + "\"><sr:Header>")
              .getBytes(StandardCharsets.UTF_8);
      return raw(Outcome.Action.Respond.xml(200, broken), facts, reason);
    } else if (effect instanceof Intervention.HttpError e) {
      return raw(Outcome.Action.Respond.plain(e.status(), "Simulated failure"), facts, reason);
    } else if (effect instanceof Intervention.BrokenSignature) {
      return answer(request, facts, true, effect.toString(), target);
    } else if (effect instanceof Intervention.RaiseAlert a) {
      Outcome answered = answer(request, facts, false, effect.toString(), target);
      alertRaiser.raise(request.requestId(), a.code(), a.after());
      return answered;
    } else if (effect instanceof Intervention.DeviceBehaviour b) {
      return answer(
          request,
          facts,
          false,
          effect.toString(),
          Optional.of(io.dccsim.sim.service.DeviceBehaviour.parse(b.behaviour())),
          target);
    } else if (effect instanceof Intervention.RespondWithCode c) {
      return signed(
          request, facts, c.responseCode(), NoBody.INSTANCE, false, Verdict.INTERVENED, reason);
    }
    Intervention.CannedResponse canned = (Intervention.CannedResponse) effect;
    String body =
        io.dccsim.sim.scenario.AnswerTemplate.fill(
            canned.bodyElementXml(),
            request.requestId(),
            request.serviceReferenceVariant(),
            clock.instant());
    return signed(
        request,
        facts,
        canned.responseCode(),
        RawResponseBody.of(
            request.serviceReferenceVariant(),
            io.dccsim.sim.scenario.AnswerTemplate.element(xml, body)),
        false,
        Verdict.INTERVENED,
        reason);
  }

  private static Outcome raw(Outcome.Action.Respond respond, RequestFacts facts, String reason) {
    return new Outcome(
        Duration.ZERO, respond, Verdict.INTERVENED, reason, Optional.of(facts), Optional.empty());
  }

  private Outcome answer(
      ParsedRequest request,
      RequestFacts facts,
      boolean breakSignature,
      String interventionReason,
      Optional<Device> target) {
    return answer(request, facts, breakSignature, interventionReason, Optional.empty(), target);
  }

  private Outcome answer(
      ParsedRequest request,
      RequestFacts facts,
      boolean breakSignature,
      String interventionReason,
      Optional<io.dccsim.sim.service.DeviceBehaviour> deviceBehaviour,
      Optional<Device> target) {
    ServiceHandler handler = handlers.get(request.serviceReferenceVariant());
    CommandVariant cv = request.commandVariant();
    if (handler == null && cv.isDeviceRequest()) {
      handler = deviceRequests;
    }
    Verdict verdict = interventionReason == null ? Verdict.ANSWERED : Verdict.INTERVENED;
    String reason = interventionReason == null ? "" : "intervention: " + interventionReason;
    if (handler == null) {
      return signed(
          request,
          facts,
          NOT_SIMULATED_CODE,
          NoBody.INSTANCE,
          breakSignature,
          interventionReason == null ? Verdict.NOT_SIMULATED : verdict,
          "not-simulated: " + request.serviceReferenceVariant() + " has no handler");
    }
    Instant now = clock.instant();
    ServiceAnswer answer =
        handler.handle(
            request,
            new ServiceContext(now, baselinesSource.get().at(now), deviceBehaviour, target));
    return signed(
            request,
            facts,
            answer.responseCode().code(),
            answer.body(),
            breakSignature,
            verdict,
            reason)
        .after(answer.kept());
  }

  private Outcome signed(
      ParsedRequest request,
      RequestFacts facts,
      String code,
      ResponseBody body,
      boolean breakSignature,
      Verdict verdict,
      String reason) {
    byte[] bytes =
        writer.write(
            request.schemaVersion(),
            request.requestId(),
            ResponseCode.parse(code),
            clock.instant(),
            withMessage(body, request),
            breakSignature);
    return new Outcome(
        Duration.ZERO,
        Outcome.Action.Respond.xml(200, bytes),
        verdict,
        reason,
        Optional.of(facts),
        Optional.of(code));
  }

  /**
   * The DUIS schema requires a Body: an answer with nothing SR-specific still names the request's
   * ServiceReference and ServiceReferenceVariant in its ResponseMessage.
   */
  private static ResponseBody withMessage(ResponseBody body, ParsedRequest request) {
    return body instanceof NoBody ? RawResponseBody.empty(request.serviceReferenceVariant()) : body;
  }

  private static RequestFacts facts(IncomingRequest in, ParsedRequest request) {
    Optional<String> postcode = Optional.empty();
    Optional<String> uprn = Optional.empty();
    if (request.serviceReferenceVariant().equals(ServiceReferenceVariant.REQUEST_WAN_MATRIX)) {
      try {
        CoverageQuestion q = WanMatrixService.question(request);
        if (q instanceof CoverageQuestion.ByAddress a) {
          postcode = Optional.of(a.normalisedKey().split("\\|")[1]);
        } else {
          uprn = Optional.of(Long.toString(((CoverageQuestion.ByUprn) q).uprn()));
        }
      } catch (MalformedRequestException e) {
        // reported when the handler reads it
      }
    }
    return new RequestFacts(
        in.path(),
        in.remoteAddress(),
        Optional.of(request.requestId().originator()),
        Optional.of(request.requestId().toString()),
        Optional.of(request.serviceReference().toString()),
        Optional.of(request.serviceReferenceVariant().toString()),
        postcode,
        uprn);
  }
}
