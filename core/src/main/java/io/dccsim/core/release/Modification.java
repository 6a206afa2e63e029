package io.dccsim.core.release;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The SEC Modification Proposals of the June 2021 SEC release, with the documents each changes and
 * the parties each affects as the release's impact matrices give them.
 */
public enum Modification {
  MP106(
      "CHISM update for Unknown WAN Variant",
      Inclusion.APPROVED,
      EnumSet.of(SecDocument.APPENDIX_I),
      EnumSet.of(
          SecParty.SUPPLIERS,
          SecParty.ELECTRICITY_NETWORKS,
          SecParty.GAS_NETWORKS,
          SecParty.OTHER_SEC_PARTIES),
      "A WAN variant of a single space in an SR 12.1 answer has no defined meaning.",
      "A WAN variant of a single space in an SR 12.1 answer means Unknown, like the literal"
          + " 'Unknown'.",
      "chism-update-for-unknown-wan-variant"),
  MP144(
      "Charging of Random Sample Privacy Assessments",
      Inclusion.TARGETED,
      EnumSet.of(SecDocument.SECTION_I),
      EnumSet.allOf(SecParty.class),
      "The cost of a Random Sample Privacy Assessment of an Other User is shared by all DCC Users.",
      "The assessed Other User pays for its Random Sample Privacy Assessment, unless the Panel"
          + " requested it.",
      "charging-of-random-sample-privacy-assessments"),
  MP146(
      "SM WAN Coverage Date",
      Inclusion.APPROVED,
      EnumSet.of(SecDocument.SECTION_H),
      EnumSet.of(SecParty.SUPPLIERS, SecParty.DCC),
      "SM WAN coverage information (Section H8.16) is tied to the date 1 January 2021.",
      "The date is removed: anticipated coverage dates are reported whatever they are.",
      "sm-wan-coverage-date"),
  MP147(
      "SMKI Full Extract",
      Inclusion.APPROVED,
      EnumSet.of(SecDocument.APPENDIX_O),
      EnumSet.of(SecParty.DCC),
      "The DCC produces a full SMKI extract every day.",
      "The DCC produces a full SMKI extract every week, with daily incremental extracts between.",
      "smki-full-extract"),
  MP153(
      "Follow up changes for Communications Hub Finance Charges",
      Inclusion.APPROVED,
      EnumSet.of(SecDocument.SECTION_J),
      EnumSet.of(SecParty.DCC),
      "Communications Hub Finance Charges are always invoiced separately (Section J1.2(b)).",
      "A separate invoice is issued only if the direct agreement with the Approved Finance Party"
          + " requires it.",
      "follow-up-changes-for-communications-hub-finance-charges");

  /** How a modification entered the release's scope. */
  public enum Inclusion {
    /** Approved before the release was scoped. */
    APPROVED,
    /** Targeted at the release, included once its approval arrived by the cut-off date. */
    TARGETED
  }

  private static final String PAGE_BASE = "https://smartenergycodecompany.co.uk/modifications/";

  private final String title;
  private final Inclusion inclusion;
  private final Set<SecDocument> documents;
  private final Set<SecParty> impactedParties;
  private final String before;
  private final String after;
  private final URI page;

  Modification(
      String title,
      Inclusion inclusion,
      EnumSet<SecDocument> documents,
      EnumSet<SecParty> impactedParties,
      String before,
      String after,
      String slug) {
    this.title = title;
    this.inclusion = inclusion;
    this.documents = Collections.unmodifiableSet(documents);
    this.impactedParties = Collections.unmodifiableSet(impactedParties);
    this.before = before;
    this.after = after;
    this.page = URI.create(PAGE_BASE + slug + "/");
  }

  /** The proposal's identifier, e.g. {@code MP106}. */
  public String id() {
    return name();
  }

  /** The proposal's title, e.g. {@code SMKI Full Extract}. */
  public String title() {
    return title;
  }

  /** Whether the proposal was approved for the release or targeted at it. */
  public Inclusion inclusion() {
    return inclusion;
  }

  /** The SEC documents the proposal changes (unmodifiable). */
  public Set<SecDocument> documents() {
    return documents;
  }

  /** The participant groups the proposal affects (unmodifiable). */
  public Set<SecParty> impactedParties() {
    return impactedParties;
  }

  /** Whether the proposal affects {@code party}. */
  public boolean affects(SecParty party) {
    return impactedParties.contains(party);
  }

  /** One line: the rule before the release. */
  public String before() {
    return before;
  }

  /** One line: the rule once the release is in force. */
  public String after() {
    return after;
  }

  /** The proposal's public page. */
  public URI page() {
    return page;
  }

  /** The modification with this identifier, ignoring case ({@code mp106}). */
  public static Optional<Modification> fromId(String id) {
    for (Modification m : values()) {
      if (m.name().equalsIgnoreCase(id == null ? "" : id.strip())) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }
}
