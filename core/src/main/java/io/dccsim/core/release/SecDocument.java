package io.dccsim.core.release;

import java.util.Optional;

/**
 * The SEC documents named in a release's document impact matrix. Schedule 7 and Appendix J appear
 * as rows of the June 2021 matrix without being changed by any of its modifications.
 */
public enum SecDocument {
  SECTION_H("Section H", "DCC Services"),
  SECTION_I("Section I", "Data Privacy"),
  SECTION_J("Section J", "Charges"),
  SCHEDULE_7("Schedule 7", null),
  APPENDIX_I("Appendix I", "CH Installation and Maintenance Support Materials"),
  APPENDIX_J("Appendix J", null),
  APPENDIX_O("Appendix O", "SMKI Repository Interface Design Specification");

  private final String reference;
  private final String title;

  SecDocument(String reference, String title) {
    this.reference = reference;
    this.title = title;
  }

  /** How the SEC refers to the document, e.g. {@code Appendix I}. */
  public String reference() {
    return reference;
  }

  /** The document's title where the release documentation gives it. */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }
}
