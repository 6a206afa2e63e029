package io.dccsim.sim.charging;

import java.time.LocalDate;

/**
 * Something the DCC charges for in a billing period. Every item has an identifier unique within its
 * charge sheet, a date inside the period (which decides the baseline under a by-date policy), a
 * non-negative amount and a description printed on invoice lines.
 */
public sealed interface ChargeItem
    permits FixedChargeShare, PrivacyAssessment, CommsHubFinanceCharge {

  /** The item's identifier, unique within its charge sheet. */
  String id();

  /** The date the charge arises on. */
  LocalDate date();

  /** The amount charged. */
  Money amount();

  /** A description for the invoice line. */
  String description();

  /** The party the item names: the payer, or for an assessment the assessed Other User. */
  String partyId();

  /** The item's type as written in charge sheets, e.g. {@code FIXED_CHARGE}. */
  String type();
}
