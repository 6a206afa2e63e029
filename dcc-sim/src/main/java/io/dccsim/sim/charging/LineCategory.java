package io.dccsim.sim.charging;

/** What an invoice line charges for. */
public enum LineCategory {
  /** The party's share of the Fixed Charges. */
  FIXED_CHARGE,
  /** A Random Sample Privacy Assessment charged in full to the assessed Other User (MP144). */
  PRIVACY_ASSESSMENT,
  /** The party's share of a Random Sample Privacy Assessment shared across all DCC Users. */
  PRIVACY_ASSESSMENT_SHARE,
  /** Communications Hub Finance Charges. */
  CH_FINANCE_CHARGE
}
