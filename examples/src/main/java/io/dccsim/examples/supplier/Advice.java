package io.dccsim.examples.supplier;

/** What a supplier's booking system should do about an address, after asking SR 12.1. */
public enum Advice {
  /** Covered and the WAN variant is known: book a standard installation. */
  BOOK_INSTALLATION,
  /**
   * Covered (or soon), but the WAN variant is Unknown: book with a site survey, so the installer
   * brings a Communications Hub for either variant.
   */
  BOOK_WITH_SURVEY,
  /** Not covered yet: wait for the anticipated date, if one was given. */
  WAIT_FOR_COVERAGE,
  /** The DCC does not know the address (E120101) or the postcode is invalid (E120102). */
  CHECK_ADDRESS,
  /** No usable answer now (E120103, HTTP 5xx, connection failure): ask again later. */
  TRY_AGAIN_LATER
}
