package io.dccsim.smki.extract;

/** Which publication regime of SEC Appendix O section 2.3.3 is in force. */
public enum ExtractRegime {
  /** Before the June 2021 release (MP147): a full extract every day and no deltas. */
  DAILY_FULL,
  /** From go-live of the June 2021 release: a weekly full extract and daily deltas in between. */
  WEEKLY_FULL_DAILY_DELTA
}
