package io.dccsim.sim.charging;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares an amount across parties pro rata to their {@link Party#allocationWeight() allocation
 * weights}, in whole pence, so that the shares always add up to the amount exactly.
 *
 * <p>The rounding rule is the largest remainder method: each party first gets the exact share
 * rounded down to the penny ({@code floor(amount * weight / totalWeight)}); the pence left over
 * (fewer than the number of parties) go one each to the parties whose exact shares had the largest
 * fractions, ties going to the party whose identifier sorts first. If every weight is zero the
 * amount is shared equally (every weight counted as one).
 */
public final class Allocation {

  private Allocation() {}

  /**
   * The shares of {@code amount}, keyed by party identifier in the order the parties are given.
   *
   * @throws IllegalArgumentException if the amount is negative or there are no parties
   */
  public static Map<String, Money> share(Money amount, List<Party> parties) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("cannot share a negative amount " + amount);
    }
    if (parties.isEmpty()) {
      throw new IllegalArgumentException("cannot share " + amount + " across no parties");
    }
    boolean allZero = parties.stream().allMatch(p -> p.allocationWeight() == 0);
    BigInteger total = BigInteger.ZERO;
    for (Party p : parties) {
      total = total.add(BigInteger.valueOf(weight(p, allZero)));
    }
    BigInteger pence = BigInteger.valueOf(amount.pence());
    List<Portion> portions = new ArrayList<>(parties.size());
    long allotted = 0;
    for (Party p : parties) {
      BigInteger[] qr =
          pence.multiply(BigInteger.valueOf(weight(p, allZero))).divideAndRemainder(total);
      long floor = qr[0].longValueExact();
      allotted += floor;
      portions.add(new Portion(p.id(), floor, qr[1]));
    }
    long leftover = amount.pence() - allotted;
    List<Portion> byRemainder = new ArrayList<>(portions);
    byRemainder.sort(
        Comparator.comparing(Portion::remainder).reversed().thenComparing(Portion::partyId));
    Map<String, Long> extra = new LinkedHashMap<>();
    for (int i = 0; i < leftover; i++) {
      extra.put(byRemainder.get(i).partyId(), 1L);
    }
    Map<String, Money> shares = new LinkedHashMap<>();
    for (Portion portion : portions) {
      shares.put(
          portion.partyId(),
          Money.ofPence(portion.floor() + extra.getOrDefault(portion.partyId(), 0L)));
    }
    return shares;
  }

  private static long weight(Party party, boolean allZero) {
    return allZero ? 1 : party.allocationWeight();
  }

  private record Portion(String partyId, long floor, BigInteger remainder) {}
}
