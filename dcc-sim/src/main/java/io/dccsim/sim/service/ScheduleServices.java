package io.dccsim.sim.service;

import io.dccsim.core.inventory.DeviceInventory;
import io.dccsim.core.message.NoBody;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceCatalogue;
import io.dccsim.core.message.ServiceDefinition;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.ServiceReference;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.value.UserRole;
import io.dccsim.sim.pipeline.MalformedRequestException;
import io.dccsim.sim.pipeline.ParsedRequest;
import io.dccsim.sim.service.internal.AnswerElement;
import io.dccsim.sim.service.internal.Fields;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * SR 5.1 Create Schedule, 5.2 Read Schedule and 5.3 Delete Schedule over one {@link DspSchedules}.
 *
 * <p>5.1 answers {@code DSPScheduleID}. It refuses with {@code E050101} a scheduled Service Request
 * that the catalogue does not mark DCC-schedulable, whose Service Reference does not match its
 * variant, or for which the User's role is not eligible; {@code E050102} a device the inventory
 * does not hold; {@code E050103} a start date before today (UTC, simulated clock) or an end date
 * before the start; {@code E050104} a User already holding {@value DspSchedules#MAX_PER_USER}
 * schedules.
 *
 * <p>5.2 answers {@code DSPSchedulesRead} with the User's schedule of that {@code DSPScheduleID},
 * or every schedule the User holds for that {@code DeviceID}; 5.3 deletes the same selection and
 * answers {@code I0}. A User sees only its own schedules; none found is {@code E050201} ({@code
 * E050301}).
 */
public final class ScheduleServices {
  /** SR 5.1. */
  public static final ServiceReferenceVariant CREATE = ServiceReferenceVariant.parse("5.1");

  /** SR 5.2. */
  public static final ServiceReferenceVariant READ = ServiceReferenceVariant.parse("5.2");

  /** SR 5.3. */
  public static final ServiceReferenceVariant DELETE = ServiceReferenceVariant.parse("5.3");

  private final DspSchedules schedules;
  private final DeviceInventory inventory;
  private final ServiceCatalogue catalogue;
  private final Function<Eui64, Optional<UserRole>> roles;
  private final Optional<ScheduleRunner> runner;

  /**
   * @param schedules where schedules are kept
   * @param inventory the devices schedules may name
   * @param catalogue which SRVs are DCC-schedulable, and for which roles
   * @param roles each User's role
   */
  public ScheduleServices(
      DspSchedules schedules,
      DeviceInventory inventory,
      ServiceCatalogue catalogue,
      Function<Eui64, Optional<UserRole>> roles) {
    this(schedules, inventory, catalogue, roles, Optional.empty());
  }

  /**
   * As {@link #ScheduleServices(DspSchedules, DeviceInventory, ServiceCatalogue, Function)}, and
   * each schedule created is run by {@code runner}.
   */
  public ScheduleServices(
      DspSchedules schedules,
      DeviceInventory inventory,
      ServiceCatalogue catalogue,
      Function<Eui64, Optional<UserRole>> roles,
      Optional<ScheduleRunner> runner) {
    this.runner = Objects.requireNonNull(runner, "runner");
    this.schedules = Objects.requireNonNull(schedules, "schedules");
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.roles = Objects.requireNonNull(roles, "roles");
  }

  /** The three handlers. */
  public List<ServiceHandler> handlers() {
    return List.of(
        handler(CREATE, this::create), handler(READ, this::read), handler(DELETE, this::delete));
  }

  private interface Answer {
    ServiceAnswer answer(ParsedRequest request, ServiceContext context);
  }

  private static ServiceHandler handler(ServiceReferenceVariant variant, Answer answer) {
    return new ServiceHandler() {
      @Override
      public ServiceReferenceVariant variant() {
        return variant;
      }

      @Override
      public ServiceAnswer handle(ParsedRequest request, ServiceContext context) {
        return answer.answer(request, context);
      }
    };
  }

  private ServiceAnswer create(ParsedRequest request, ServiceContext context) {
    Fields body = Fields.of(request.body(), "5.1", "CreateSchedule");
    Eui64 user = request.requestId().originator();
    ServiceReference sr;
    ServiceReferenceVariant srv;
    try {
      sr = ServiceReference.parse(body.required("DSPScheduledServiceReference"));
      srv = ServiceReferenceVariant.parse(body.required("DSPScheduledServiceReferenceVariant"));
    } catch (IllegalArgumentException e) {
      throw new MalformedRequestException("CreateSchedule: " + e.getMessage());
    }
    Optional<ServiceDefinition> definition = catalogue.find(srv);
    Optional<UserRole> role = roles.apply(user);
    if (definition.isEmpty()
        || !definition.get().dccSchedulable()
        || !definition.get().reference().equals(sr)
        || role.isEmpty()
        || !definition.get().isEligible(role.get())) {
      return refused(ResponseCode.E050101);
    }
    Eui64 device = body.requiredEui("DeviceID");
    if (inventory.find(device).isEmpty()) {
      return refused(ResponseCode.E050102);
    }
    LocalDate start =
        date(body, "ScheduleStartDate")
            .orElseThrow(() -> new MalformedRequestException("ScheduleStartDate is required"));
    Optional<LocalDate> end = date(body, "ScheduleEndDate");
    LocalDate today = LocalDate.ofInstant(context.now(), ZoneOffset.UTC);
    if (start.isBefore(today) || end.map(e -> e.isBefore(start)).orElse(false)) {
      return refused(ResponseCode.E050103);
    }
    List<Element> parts = body.elements();
    Element scheduledBody = parts.get(parts.size() - 1);
    if (List.of("DeviceID", "ScheduleEndDate", "ScheduleStartDate")
        .contains(scheduledBody.getLocalName())) {
      throw new MalformedRequestException("CreateSchedule ends with the scheduled request's body");
    }
    Optional<DspSchedules.Schedule> added =
        schedules.add(
            user,
            body.required("ScheduleFrequency"),
            start,
            end,
            srv,
            device,
            RawRequestBody.of(scheduledBody));
    if (added.isEmpty()) {
      return refused(ResponseCode.E050104);
    }
    if (runner.isPresent() && !runner.get().start(added.get(), request.schemaVersion())) {
      schedules.removeAll(List.of(added.get()));
      throw new io.dccsim.sim.delivery.OutboxFullException(
          "the scheduled runs waiting are at their bound");
    }
    return new ServiceAnswer(
        ResponseCode.I0, RawResponseBody.of(CREATE, idElement(added.get().id())));
  }

  private static Element idElement(long id) {
    AnswerElement e = AnswerElement.root("DSPScheduleID");
    e.element().setTextContent(Long.toString(id));
    return e.element();
  }

  private ServiceAnswer read(ParsedRequest request, ServiceContext context) {
    List<DspSchedules.Schedule> found =
        selected(request, Fields.of(request.body(), "5.2", "ReadSchedule"));
    if (found.isEmpty()) {
      return refused(ResponseCode.E050201);
    }
    AnswerElement read = AnswerElement.root("DSPSchedulesRead");
    for (DspSchedules.Schedule s : found) {
      AnswerElement entry = read.child("DSPSchedules");
      entry.text("DSPScheduleID", Long.toString(s.id()));
      AnswerElement details =
          entry
              .child("DSPScheduleDetails")
              .text("ScheduleFrequency", s.frequency())
              .text("ScheduleStartDate", s.start().toString())
              .optional("ScheduleEndDate", s.end().map(LocalDate::toString))
              .text("DSPScheduledServiceReference", s.scheduled().reference().toString())
              .text("DSPScheduledServiceReferenceVariant", s.scheduled().toString())
              .text("DeviceID", s.device().toString());
      details.append(s.body().element());
    }
    return new ServiceAnswer(ResponseCode.I0, RawResponseBody.of(READ, read.element()));
  }

  private ServiceAnswer delete(ParsedRequest request, ServiceContext context) {
    List<DspSchedules.Schedule> found =
        selected(request, Fields.of(request.body(), "5.3", "DeleteSchedule"));
    if (found.isEmpty()) {
      return refused(ResponseCode.E050301);
    }
    schedules.removeAll(found);
    return new ServiceAnswer(ResponseCode.I0, NoBody.INSTANCE);
  }

  private List<DspSchedules.Schedule> selected(ParsedRequest request, Fields body) {
    Eui64 user = request.requestId().originator();
    Optional<String> id = body.text("DSPScheduleID");
    if (id.isPresent()) {
      long n;
      try {
        n = Long.parseLong(id.get());
      } catch (NumberFormatException e) {
        throw new MalformedRequestException("DSPScheduleID is not a number");
      }
      return schedules.find(user, n).map(List::of).orElse(List.of());
    }
    return schedules.forDevice(user, body.requiredEui("DeviceID"));
  }

  private static Optional<LocalDate> date(Fields body, String name) {
    try {
      // an xs:date may carry a time zone after the ten characters of the day
      return body.text(name).map(t -> LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
    } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new MalformedRequestException(name + " is not a date");
    }
  }

  private static ServiceAnswer refused(ResponseCode code) {
    return new ServiceAnswer(code, NoBody.INSTANCE);
  }
}
