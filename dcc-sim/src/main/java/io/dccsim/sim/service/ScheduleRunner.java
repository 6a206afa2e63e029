package io.dccsim.sim.service;

import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.sim.delivery.OutboundMessage;
import io.dccsim.sim.delivery.Outbox;
import io.dccsim.sim.pipeline.ResponseWriter;
import io.dccsim.sim.schedule.SimulatedScheduler;
import io.dccsim.sim.service.internal.AnswerElement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the DCC schedules Users create with SR 5.1 on the simulator's clock: at 00:00 UTC of the
 * start date, then every day, week or month after it up to the end date (if any), the DCC sends the
 * scheduled Service Request to the device as its originator, and delivers the device's answer to
 * the User as a signed {@code sr:Response} with no RequestID, a ResponseID {@code
 * device:user:counter}, and {@code ResponseMessage/DSPScheduledMessage{GBCSPayload,
 * DSPScheduleID}}. A schedule deleted (SR 5.3, a reset) before its next run does not run again.
 */
public final class ScheduleRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

  private final DspSchedules schedules;
  private final SimulatedScheduler scheduler;
  private final Outbox outbox;
  private final ResponseWriter writer;
  private final GbcsResponder gbcs;
  private final Clock clock;
  private final ResponseCounter counter;
  private final io.dccsim.core.value.Eui64 dsp;

  /**
   * @param schedules the schedules (a run checks its schedule is still held)
   * @param scheduler runs them at their simulated time
   * @param outbox where the answers go
   * @param writer signs them as the DCC
   * @param gbcs what the devices answer
   * @param clock the simulator's clock
   * @param counter the simulator's ResponseID counter
   * @param dsp the DSP's EUI-64, the originator of the scheduled commands
   */
  public ScheduleRunner(
      DspSchedules schedules,
      SimulatedScheduler scheduler,
      Outbox outbox,
      ResponseWriter writer,
      GbcsResponder gbcs,
      Clock clock,
      ResponseCounter counter,
      io.dccsim.core.value.Eui64 dsp) {
    this.schedules = Objects.requireNonNull(schedules, "schedules");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.gbcs = Objects.requireNonNull(gbcs, "gbcs");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.counter = Objects.requireNonNull(counter, "counter");
    this.dsp = Objects.requireNonNull(dsp, "dsp");
  }

  /**
   * Plans the first run of a schedule just created.
   *
   * @return false when the scheduler is at its bound (the schedule is then not run)
   */
  public boolean start(DspSchedules.Schedule schedule, SchemaVersion version) {
    return plan(schedule, schedule.start(), version);
  }

  private boolean plan(DspSchedules.Schedule s, LocalDate day, SchemaVersion version) {
    if (s.end().map(day::isAfter).orElse(false)) {
      return true; // past its end: nothing more to run
    }
    Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    return scheduler.at(at, () -> run(s, day, version));
  }

  private void run(DspSchedules.Schedule s, LocalDate day, SchemaVersion version) {
    if (schedules.find(s.owner(), s.id()).isEmpty()) {
      return; // deleted since
    }
    Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    // the DSP sends the command, so the DSP's counter is the one the device echoes
    long n = counter.next();
    RequestId dspRequest = new RequestId(s.owner(), s.device(), n);
    AnswerElement message = AnswerElement.root("DSPScheduledMessage");
    message
        .text(
            "GBCSPayload",
            Base64.getEncoder()
                .encodeToString(
                    gbcs.responseViaDsp(s.device(), s.scheduled(), dsp, dspRequest, at)))
        .text("DSPScheduleID", Long.toString(s.id()));
    byte[] signed =
        writer.write(
            new ServiceResponse(
                version,
                new ResponseHeader(
                    Optional.empty(),
                    Optional.of(new RequestId(s.device(), s.owner(), n)),
                    ResponseCode.I0,
                    at),
                RawResponseBody.of(s.scheduled(), message.element())));
    try {
      outbox.enqueue(
          new OutboundMessage(
              s.owner(), OutboundMessage.Kind.RESPONSE, Optional.empty(), "I0", signed));
      LOG.info("schedule {} of {} ran {} on {}", s.id(), s.owner(), s.scheduled(), s.device());
    } catch (RuntimeException e) {
      LOG.warn(
          "schedule {} of {}: its answer could not be queued: {}",
          s.id(),
          s.owner(),
          e.getMessage());
    }
    LocalDate next =
        switch (s.frequency()) {
          case "Weekly" -> day.plusWeeks(1);
          case "Monthly" -> day.plusMonths(1);
          default -> day.plusDays(1);
        };
    if (!plan(s, next, version)) {
      LOG.warn("schedule {} of {}: no room to plan its next run", s.id(), s.owner());
    }
  }
}
