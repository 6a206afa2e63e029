package io.dccsim.core.release;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of a release's implementation timetable.
 *
 * @param date the day the event is planned for
 * @param event what happens
 * @param notes the timetable's explanation
 */
public record ReleaseEvent(LocalDate date, String event, String notes) {
  /** Checks that every part is present. */
  public ReleaseEvent {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(notes, "notes");
  }
}
