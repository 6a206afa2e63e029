package io.dccsim.sim.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.UserRole;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class AllocationTest {

  private static Party party(String id, long weight) {
    return Party.of(id, "Party " + id, UserRole.IMPORT_SUPPLIER).withAllocationWeight(weight);
  }

  @Test
  void givesLeftoverPenceToTheLargestRemainders() {
    // 100p by 1:1:1 is 33.33.. each: one penny left, all remainders equal, so the first id wins.
    Map<String, Money> shares =
        Allocation.share(Money.ofPence(100), List.of(party("C", 1), party("A", 1), party("B", 1)));
    assertThat(shares)
        .containsExactly(
            Map.entry("C", Money.ofPence(33)),
            Map.entry("A", Money.ofPence(34)),
            Map.entry("B", Money.ofPence(33)));
  }

  @Test
  void sharesProRataToTheWeights() {
    // 1000p by 1:2:3 = 166.67, 333.33, 500: the 1-weight party has the largest fraction.
    Map<String, Money> shares =
        Allocation.share(Money.ofPence(1000), List.of(party("A", 1), party("B", 2), party("C", 3)));
    assertThat(shares.get("A")).isEqualTo(Money.ofPence(167));
    assertThat(shares.get("B")).isEqualTo(Money.ofPence(333));
    assertThat(shares.get("C")).isEqualTo(Money.ofPence(500));
  }

  @Test
  void zeroWeightIsExemptUnlessEveryoneIsZero() {
    assertThat(Allocation.share(Money.ofPence(999), List.of(party("A", 0), party("B", 5))))
        .containsEntry("A", Money.ZERO)
        .containsEntry("B", Money.ofPence(999));
    assertThat(Allocation.share(Money.ofPence(3), List.of(party("A", 0), party("B", 0))))
        .containsEntry("A", Money.ofPence(2))
        .containsEntry("B", Money.ofPence(1));
  }

  @Property
  void sharesAddUpAndEachIsWithinAPennyOfExact(
      @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long pence,
      @ForAll @Size(min = 1, max = 30)
          List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> weights) {
    List<Party> parties = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      parties.add(party("P" + i, weights.get(i)));
    }
    Map<String, Money> shares = Allocation.share(Money.ofPence(pence), parties);

    assertThat(shares.values().stream().mapToLong(Money::pence).sum()).isEqualTo(pence);
    boolean allZero = weights.stream().allMatch(w -> w == 0);
    BigInteger total =
        BigInteger.valueOf(
            allZero ? weights.size() : weights.stream().mapToLong(Long::longValue).sum());
    for (int i = 0; i < weights.size(); i++) {
      long w = allZero ? 1 : weights.get(i);
      BigInteger floor = BigInteger.valueOf(pence).multiply(BigInteger.valueOf(w)).divide(total);
      long share = shares.get("P" + i).pence();
      assertThat(share).isBetween(floor.longValueExact(), floor.longValueExact() + 1);
      if (w == 0) {
        assertThat(share).isZero();
      }
    }
  }
}
