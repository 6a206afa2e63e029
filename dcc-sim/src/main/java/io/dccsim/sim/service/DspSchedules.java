package io.dccsim.sim.service;

import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The DCC schedules Users have created with SR 5.1, by {@code DSPScheduleID}. Thread-safe; held in
 * memory (a restart forgets them), at most {@link #MAX_PER_USER} per User. Running them (the
 * scheduled deliveries) is not part of this store.
 */
public final class DspSchedules {
  /** The most schedules one User may hold. */
  public static final int MAX_PER_USER = 1_000;

  /**
   * One schedule.
   *
   * @param id the {@code DSPScheduleID}
   * @param owner the User who created it
   * @param frequency {@code Daily}, {@code Weekly} or {@code Monthly}
   * @param start the first day it runs
   * @param end the last day it runs, if it ends
   * @param scheduled the Service Reference Variant it runs
   * @param device the device it runs against
   * @param body the scheduled request's body element, as given
   */
  public record Schedule(
      long id,
      Eui64 owner,
      String frequency,
      LocalDate start,
      Optional<LocalDate> end,
      ServiceReferenceVariant scheduled,
      Eui64 device,
      RawRequestBody body) {
    /** Validates. */
    public Schedule {
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(frequency, "frequency");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(scheduled, "scheduled");
      Objects.requireNonNull(device, "device");
      Objects.requireNonNull(body, "body");
    }
  }

  private final Map<Long, Schedule> byId = new TreeMap<>();
  private long lastId;

  /**
   * Adds a schedule, giving it the next ID.
   *
   * @return the schedule as held, or empty when its owner already holds {@link #MAX_PER_USER}
   */
  public synchronized Optional<Schedule> add(
      Eui64 owner,
      String frequency,
      LocalDate start,
      Optional<LocalDate> end,
      ServiceReferenceVariant scheduled,
      Eui64 device,
      RawRequestBody body) {
    if (ownedBy(owner).size() >= MAX_PER_USER) {
      return Optional.empty();
    }
    Schedule s = new Schedule(++lastId, owner, frequency, start, end, scheduled, device, body);
    byId.put(s.id(), s);
    return Optional.of(s);
  }

  /** The owner's schedule with this ID. */
  public synchronized Optional<Schedule> find(Eui64 owner, long id) {
    return Optional.ofNullable(byId.get(id)).filter(s -> s.owner().equals(owner));
  }

  /** The owner's schedules for this device, by ID. */
  public synchronized List<Schedule> forDevice(Eui64 owner, Eui64 device) {
    return ownedBy(owner).stream().filter(s -> s.device().equals(device)).toList();
  }

  /** Removes these schedules (by ID). */
  public synchronized void removeAll(List<Schedule> schedules) {
    for (Schedule s : schedules) {
      byId.remove(s.id());
    }
  }

  /** Every schedule held, by ID. */
  public synchronized List<Schedule> all() {
    return List.copyOf(byId.values());
  }

  /** Forgets every schedule (IDs keep counting up). */
  public synchronized void clear() {
    byId.clear();
  }

  private List<Schedule> ownedBy(Eui64 owner) {
    List<Schedule> out = new ArrayList<>();
    for (Schedule s : byId.values()) {
      if (s.owner().equals(owner)) {
        out.add(s);
      }
    }
    return out;
  }
}
