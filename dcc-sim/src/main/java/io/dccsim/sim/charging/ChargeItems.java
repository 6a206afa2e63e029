package io.dccsim.sim.charging;

import java.time.LocalDate;

/** Checks shared by every kind of {@link ChargeItem}. */
final class ChargeItems {

  private ChargeItems() {}

  static void requireCommon(
      String type, String id, String partyId, LocalDate date, Money amount, String description) {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException(type + " item: id is missing");
    }
    String what = type + " item " + id;
    if (partyId == null || partyId.isBlank()) {
      throw new IllegalArgumentException(what + ": party is missing");
    }
    if (date == null) {
      throw new IllegalArgumentException(what + ": date is missing");
    }
    if (amount == null) {
      throw new IllegalArgumentException(what + ": amount is missing");
    }
    if (amount.isNegative()) {
      throw new IllegalArgumentException(what + ": amount " + amount + " is negative");
    }
    if (description == null) {
      throw new IllegalArgumentException(what + ": description is missing");
    }
  }
}
