package io.dccsim.sim.charging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything billed for one period: the DCC Users and the charge items. A sheet is checked as a
 * whole when built, so a sheet that exists can always be billed.
 *
 * @param period the month billed
 * @param parties the DCC Users, in the order invoices are listed
 * @param items the charge items, in the order invoice lines are listed
 */
public record ChargeSheet(BillingPeriod period, List<Party> parties, List<ChargeItem> items) {

  /** The most parties one sheet may hold. */
  public static final int MAX_PARTIES = 10_000;

  /** The most items one sheet may hold. */
  public static final int MAX_ITEMS = 100_000;

  /**
   * The largest amount one item may carry: £100,000,000,000.00. With {@link #MAX_ITEMS} items the
   * total still fits in a {@code long} of pence.
   */
  public static final Money MAX_AMOUNT = Money.ofPence(10_000_000_000_000L);

  /**
   * Checks the sheet: at least one party, sizes and amounts within the limits, unique party and
   * item identifiers, every item names a known party and is dated inside the period, and every
   * assessed party is an Other User.
   *
   * @throws InvalidChargesException listing every problem found
   */
  public ChargeSheet {
    List<String> problems = new ArrayList<>();
    if (period == null) {
      throw new InvalidChargesException("the billing period is missing");
    }
    parties = List.copyOf(parties == null ? List.of() : parties);
    items = List.copyOf(items == null ? List.of() : items);
    if (parties.isEmpty()) {
      problems.add("there are no parties to bill");
    }
    if (parties.size() > MAX_PARTIES) {
      throw new InvalidChargesException(
          parties.size() + " parties exceed the limit of " + MAX_PARTIES + " per sheet");
    }
    if (items.size() > MAX_ITEMS) {
      throw new InvalidChargesException(
          items.size() + " items exceed the limit of " + MAX_ITEMS + " per sheet");
    }
    Map<String, Party> byId = new LinkedHashMap<>();
    for (Party p : parties) {
      if (byId.putIfAbsent(p.id(), p) != null) {
        problems.add("party id " + p.id() + " appears more than once");
      }
    }
    Set<String> itemIds = new HashSet<>();
    for (ChargeItem item : items) {
      String what = item.type() + " item " + item.id();
      if (!itemIds.add(item.id())) {
        problems.add("item id " + item.id() + " appears more than once");
      }
      Party party = byId.get(item.partyId());
      if (party == null) {
        problems.add(what + " names unknown party " + item.partyId());
      } else if (item instanceof PrivacyAssessment && !party.isOtherUser()) {
        problems.add(
            what + " assesses party " + party.id() + ", which is not an Other User (OTHER_USER)");
      }
      if (item.amount().compareTo(MAX_AMOUNT) > 0) {
        problems.add(what + " amount " + item.amount() + " exceeds the limit of " + MAX_AMOUNT);
      }
      if (!period.contains(item.date())) {
        problems.add(what + " is dated " + item.date() + ", outside the billing period " + period);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidChargesException(problems);
    }
  }

  /** The party with this identifier. */
  public Optional<Party> party(String id) {
    return parties.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The sum of every item's amount: what the invoices must add up to. */
  public Money totalCharged() {
    Money total = Money.ZERO;
    for (ChargeItem item : items) {
      total = total.plus(item.amount());
    }
    return total;
  }
}
