package io.dccsim.core.release;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A SEC release: the modifications it brings into force together on its go-live date, with its
 * implementation timetable and the version history of its Release Implementation Document.
 *
 * <p>Go-live takes effect at the start of the go-live day in GB local time ({@link #SEC_ZONE}).
 */
public final class SecRelease {
  /** The time zone in which SEC dates take effect. */
  public static final ZoneId SEC_ZONE = ZoneId.of("Europe/London");

  /** The June 2021 SEC release, live from 24 June 2021. */
  public static final SecRelease JUNE_2021 =
      new SecRelease(
          "June 2021 SEC Release",
          LocalDate.of(2021, 6, 24),
          List.of(
              Modification.MP106,
              Modification.MP144,
              Modification.MP146,
              Modification.MP147,
              Modification.MP153),
          List.of(
              new ReleaseEvent(
                  LocalDate.of(2020, 7, 17),
                  "Panel baselines RID for system-impacting modifications",
                  "The Panel reviews the RID for DCC System-impacting modifications (including"
                      + " modifications targeted but not approved) and baselines the document."),
              new ReleaseEvent(
                  LocalDate.of(2020, 12, 11),
                  "Panel baselines RID for non-system-impacting modifications",
                  "The Panel reviews the RID for non-DCC System-impacting modifications (including"
                      + " modifications targeted but not approved) and re-baselines the document"
                      + " to include them."),
              new ReleaseEvent(
                  LocalDate.of(2021, 6, 24), "Release go-live", "The changes are implemented.")),
          List.of(
              new DocumentVersion(
                  "0.1",
                  LocalDate.of(2020, 7, 10),
                  "First draft presented to the Panel to be baselined"),
              new DocumentVersion(
                  "1.0",
                  LocalDate.of(2020, 7, 24),
                  "Version baselined by the Panel to cover the proposed scope of the release on"
                      + " the DCC Systems."),
              new DocumentVersion(
                  "1.1",
                  LocalDate.of(2020, 12, 4),
                  "Updated following MP106, MP116, MP138, DP144, DP145 and MP147 being added to"
                      + " the scope and the rejection of SECMP0067, presented to the Panel for the"
                      + " scope to be baselined."),
              new DocumentVersion(
                  "2.0",
                  LocalDate.of(2020, 12, 14),
                  "Version baselined by the Panel to cover the full proposed scope of the"
                      + " release."),
              new DocumentVersion(
                  "3.0",
                  LocalDate.of(2021, 1, 29),
                  "Updated following MP146 being added to scope."),
              new DocumentVersion(
                  "4.0", LocalDate.of(2021, 2, 24), "Updated following the approval of MP146."),
              new DocumentVersion(
                  "5.0",
                  LocalDate.of(2021, 3, 12),
                  "Updated following MP116 and DP145 falling out of scope and DP153 being added to"
                      + " the scope."),
              new DocumentVersion(
                  "6.0",
                  LocalDate.of(2021, 4, 30),
                  "Updated following MP138 falling out of scope."),
              new DocumentVersion(
                  "7.0", LocalDate.of(2021, 5, 11), "Updated following the approval of MP153.")));

  private final String name;
  private final LocalDate goLiveDate;
  private final List<Modification> modifications;
  private final List<ReleaseEvent> timeline;
  private final List<DocumentVersion> documentHistory;

  private SecRelease(
      String name,
      LocalDate goLiveDate,
      List<Modification> modifications,
      List<ReleaseEvent> timeline,
      List<DocumentVersion> documentHistory) {
    this.name = Objects.requireNonNull(name);
    this.goLiveDate = Objects.requireNonNull(goLiveDate);
    this.modifications = List.copyOf(modifications);
    this.timeline = List.copyOf(timeline);
    this.documentHistory = List.copyOf(documentHistory);
  }

  /** The release's name, e.g. {@code June 2021 SEC Release}. */
  public String name() {
    return name;
  }

  /** The day the release goes live. */
  public LocalDate goLiveDate() {
    return goLiveDate;
  }

  /** The first instant at which the release is in force: the go-live day's start in GB. */
  public Instant goLive() {
    return goLiveDate.atStartOfDay(SEC_ZONE).toInstant();
  }

  /** Whether the release is in force at {@code when}. */
  public boolean isLiveAt(Instant when) {
    return !when.isBefore(goLive());
  }

  /** The modifications the release brings into force, in identifier order. */
  public List<Modification> modifications() {
    return modifications;
  }

  /** Whether the release brings {@code modification} into force. */
  public boolean includes(Modification modification) {
    return modifications.contains(modification);
  }

  /** The implementation timetable, in date order. */
  public List<ReleaseEvent> timeline() {
    return timeline;
  }

  /** The Release Implementation Document's versions, oldest first. */
  public List<DocumentVersion> documentHistory() {
    return documentHistory;
  }

  @Override
  public String toString() {
    return name + " (go-live " + goLiveDate + ")";
  }
}
