package io.dccsim.sim.service;

import io.dccsim.core.message.AlertBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.Eui64;
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
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Alerts the DCC sends a User, signed like every answer and delivered through the {@link Outbox}: a
 * device's ({@code DeviceAlertMessage{AlertCode, GBCSPayload}}, ResponseID {@code
 * device:user:counter}) or the DCC's own ({@code DCCAlertMessage{DCCAlertCode, DCCAlert}},
 * ResponseID {@code dcc:user:counter}), now or at an instant of the simulated clock. Their
 * ResponseCode is {@code I0}; they answer no request, so they carry no RequestID.
 */
public final class Alerts {
  private static final Pattern DEVICE_CODE = Pattern.compile("[0-9A-Fa-f]{4}");
  private static final Pattern DCC_CODE =
      Pattern.compile("AD1|N([1-9]|[1-2][0-9]|3[013-9]|[4-5][0-9]|6[0-5])|N999");

  private final Eui64 dcc;
  private final Outbox outbox;
  private final ResponseWriter writer;
  private final GbcsResponder gbcs;
  private final SimulatedScheduler scheduler;
  private final Clock clock;
  private final ResponseCounter counter;

  /**
   * @param dcc the DCC's EUI-64, the originator of its own alerts
   * @param outbox where alerts go
   * @param writer signs them as the DCC
   * @param gbcs what a device's alert carries
   * @param scheduler raises alerts at their instant
   * @param clock the simulator's clock
   * @param counter the simulator's ResponseID counter
   */
  public Alerts(
      Eui64 dcc,
      Outbox outbox,
      ResponseWriter writer,
      GbcsResponder gbcs,
      SimulatedScheduler scheduler,
      Clock clock,
      ResponseCounter counter) {
    this.dcc = Objects.requireNonNull(dcc, "dcc");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.writer = Objects.requireNonNull(writer, "writer");
    this.gbcs = Objects.requireNonNull(gbcs, "gbcs");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.counter = Objects.requireNonNull(counter, "counter");
  }

  /**
   * Checks a device alert code: two bytes in hex, e.g. {@code 8F66}.
   *
   * @throws IllegalArgumentException naming the form
   */
  public static String deviceCode(String code) {
    if (code == null || !DEVICE_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "A device alert code is two bytes in hex, e.g. 8F66, not '" + code + "'");
    }
    return code.toUpperCase(Locale.ROOT);
  }

  /**
   * Checks a DCC alert code: {@code AD1}, {@code N1} to {@code N65} but not {@code N32}, or {@code
   * N999}.
   *
   * @throws IllegalArgumentException naming the codes
   */
  public static String dccCode(String code) {
    if (code == null || !DCC_CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "A DCC alert code is AD1, N1 to N65 (not N32) or N999, not '" + code + "'");
    }
    return code;
  }

  /**
   * A device raises alert {@code code} to {@code user} at {@code at} (at once when it has passed).
   *
   * @return false when the scheduler is at its bound (nothing is raised)
   */
  public boolean deviceAlert(Eui64 device, Eui64 user, String code, Optional<Instant> at) {
    String checked = deviceCode(code);
    return when(at, () -> raiseDeviceAlert(device, user, checked));
  }

  /**
   * The DCC raises alert {@code code} to {@code user} at {@code at}, with an empty {@code
   * DCCAlert}.
   *
   * @return false when the scheduler is at its bound (nothing is raised)
   */
  public boolean dccAlert(Eui64 user, String code, Optional<Instant> at) {
    String checked = dccCode(code);
    return when(at, () -> raiseDccAlert(user, checked));
  }

  /** Runs {@code task} at {@code when} on the alerts' timer; false when it is at its bound. */
  boolean at(Instant when, Runnable task) {
    return scheduler.at(when, task);
  }

  /**
   * Raises {@code code} as a scenario asks, about {@code request} ({@code originator:target:n}): a
   * device alert (two bytes in hex) from the target to the originator, or a DCC alert ({@code AD1},
   * {@code Nn}) to the originator; {@code after} of simulated time from now.
   *
   * @return false when the scheduler is at its bound (nothing is raised)
   */
  public boolean forRequest(RequestId request, String code, java.time.Duration after) {
    Optional<Instant> at = Optional.of(clock.instant().plus(after));
    return isDeviceCode(code)
        ? deviceAlert(request.target(), request.originator(), code, at)
        : dccAlert(request.originator(), code, at);
  }

  /** Whether {@code code} is written as a device alert code (two bytes in hex). */
  public static boolean isDeviceCode(String code) {
    return code != null && DEVICE_CODE.matcher(code).matches();
  }

  /**
   * Checks an alert code of either kind.
   *
   * @throws IllegalArgumentException naming both forms
   */
  public static String anyCode(String code) {
    if (isDeviceCode(code)) {
      return deviceCode(code);
    }
    if (code != null && DCC_CODE.matcher(code).matches()) {
      return code;
    }
    throw new IllegalArgumentException(
        "An alert code is a device's, two bytes in hex (8F66), or the DCC's, AD1, N1 to N65 (not"
            + " N32) or N999, not '"
            + code
            + "'");
  }

  private boolean when(Optional<Instant> at, Runnable raise) {
    return scheduler.at(at.orElse(clock.instant()), raise);
  }

  private void raiseDeviceAlert(Eui64 device, Eui64 user, String code) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    long n = counter.next();
    AnswerElement alert =
        AnswerElement.root(AlertBody.DEVICE_ALERT)
            .text("AlertCode", code)
            .text(
                "GBCSPayload",
                Base64.getEncoder()
                    .encodeToString(gbcs.alert(device, user, Integer.parseInt(code, 16), n, now)));
    enqueue(
        user, new RequestId(device, user, n), alert, OutboundMessage.Kind.DEVICE_ALERT, code, now);
  }

  private void raiseDccAlert(Eui64 user, String code) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    AnswerElement alert = AnswerElement.root(AlertBody.DCC_ALERT).text("DCCAlertCode", code);
    alert.child("DCCAlert");
    enqueue(
        user,
        new RequestId(dcc, user, counter.next()),
        alert,
        OutboundMessage.Kind.DCC_ALERT,
        code,
        now);
  }

  private void enqueue(
      Eui64 user,
      RequestId responseId,
      AnswerElement alert,
      OutboundMessage.Kind kind,
      String code,
      Instant now) {
    byte[] signed =
        writer.write(
            new ServiceResponse(
                SchemaVersion.V5_4,
                new ResponseHeader(Optional.empty(), Optional.of(responseId), ResponseCode.I0, now),
                AlertBody.of(alert.element())));
    outbox.enqueue(new OutboundMessage(user, kind, Optional.empty(), code, signed));
  }
}
