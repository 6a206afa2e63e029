package io.dccsim.sim.charging;

import io.dccsim.core.release.Baseline;
import io.dccsim.core.release.Modification;

/**
 * The charging rules that differ between baselines: the only place charging asks whether MP144 or
 * MP153 is in force.
 */
public final class ChargingRules {

  private ChargingRules() {}

  /** Who pays for a Random Sample Privacy Assessment. */
  public enum AssessmentPayer {
    /** The cost is shared across all DCC Users by the allocation key. */
    ALL_DCC_USERS,
    /** The assessed Other User pays the whole cost. */
    ASSESSED_OTHER_USER
  }

  /**
   * Who pays for {@code assessment} under {@code baseline}: MP144 charges the assessed Other User
   * unless the Panel requested the assessment; without MP144 the cost is always shared.
   */
  public static AssessmentPayer payerOf(PrivacyAssessment assessment, Baseline baseline) {
    if (baseline.isInForce(Modification.MP144) && !assessment.panelRequested()) {
      return AssessmentPayer.ASSESSED_OTHER_USER;
    }
    return AssessmentPayer.ALL_DCC_USERS;
  }

  /**
   * Which invoice {@code charge} goes on under {@code baseline}: without MP153 always the separate
   * Communications Hub Finance invoice; with MP153 only when the Approved Finance Party agreement
   * requires it, otherwise the ordinary invoice.
   */
  public static InvoiceKind invoiceOf(CommsHubFinanceCharge charge, Baseline baseline) {
    if (baseline.isInForce(Modification.MP153) && !charge.separateInvoiceRequired()) {
      return InvoiceKind.ORDINARY;
    }
    return InvoiceKind.CH_FINANCE;
  }
}
