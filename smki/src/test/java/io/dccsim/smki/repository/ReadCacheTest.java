package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {
  @Test
  void aReadIsKeptUntilAWriteIncludingAnAbsentRecord() {
    ReadCache<String, String> cache = new ReadCache<>(10);
    AtomicInteger reads = new AtomicInteger();
    assertThat(cache.get("a", () -> read(reads, "A"))).hasValue("A");
    assertThat(cache.get("a", () -> read(reads, "other"))).hasValue("A");
    assertThat(cache.get("b", () -> readNothing(reads))).isEmpty();
    assertThat(cache.get("b", () -> read(reads, "B"))).isEmpty();
    assertThat(reads).hasValue(2);
    cache.changed();
    assertThat(cache.get("a", () -> read(reads, "A2"))).hasValue("A2");
    assertThat(cache.get("b", () -> read(reads, "B"))).hasValue("B");
    assertThat(reads).hasValue(4);
  }

  @Test
  void aReadDuringWhichAWriteRanIsNotKept() {
    ReadCache<String, String> cache = new ReadCache<>(10);
    assertThat(
            cache.get(
                "a",
                () -> {
                  cache.changed(); // a write commits while the read runs
                  return Optional.of("old");
                }))
        .hasValue("old");
    assertThat(cache.size()).isZero();
    assertThat(cache.get("a", () -> Optional.of("new"))).hasValue("new");
  }

  @Test
  void itIsBoundedAndNoneKeepsNothing() {
    ReadCache<Integer, Integer> cache = new ReadCache<>(3);
    for (int i = 0; i < 10; i++) {
      int v = i;
      cache.get(i, () -> Optional.of(v));
      assertThat(cache.size()).isBetween(1, 3);
    }
    ReadCache<Integer, Integer> none = ReadCache.none();
    AtomicInteger reads = new AtomicInteger();
    none.get(1, () -> read(reads, 1));
    none.get(1, () -> read(reads, 1));
    assertThat(reads).hasValue(2);
    assertThat(none.size()).isZero();
  }

  private static <T> Optional<T> read(AtomicInteger reads, T value) {
    reads.incrementAndGet();
    return Optional.of(value);
  }

  private static <T> Optional<T> readNothing(AtomicInteger reads) {
    reads.incrementAndGet();
    return Optional.empty();
  }
}
