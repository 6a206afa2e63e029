package io.dccsim.core.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SyntheticEstate#generate} streams exactly what {@link SyntheticEstate#devices} lists. */
class SyntheticEstateGenerateTest {

  @Test
  void streamsTheSameDevicesInTheSameOrderWhateverTheChunkSize() {
    List<Device> whole = SyntheticEstate.devices(500, 42L);
    for (int chunkSize : new int[] {1, 7, 15, 100, 499, 500, 1_000}) {
      List<Device> streamed = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      long delivered =
          SyntheticEstate.generate(
              500,
              42L,
              chunkSize,
              chunk -> {
                sizes.add(chunk.size());
                streamed.addAll(chunk);
              });
      assertThat(delivered).as("chunk size %d", chunkSize).isEqualTo(whole.size());
      assertThat(streamed).as("chunk size %d", chunkSize).isEqualTo(whole);
      int full = Math.min(chunkSize, 500) * SyntheticEstate.TYPES_PER_PREMISES.size();
      assertThat(sizes.subList(0, sizes.size() - 1)).allMatch(s -> s == full);
      assertThat(sizes.get(sizes.size() - 1)).isBetween(1, full);
    }
  }

  @Test
  void anotherSeedStreamsAnotherEstate() {
    List<Device> streamed = new ArrayList<>();
    SyntheticEstate.generate(20, 43L, 6, streamed::addAll);
    assertThat(streamed)
        .isEqualTo(SyntheticEstate.devices(20, 43L))
        .isNotEqualTo(SyntheticEstate.devices(20, 42L));
  }

  @Test
  void refusesCountsOutOfRangeAndEmptyChunks() {
    assertThatThrownBy(() -> SyntheticEstate.generate(0, 1L, 10, c -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SyntheticEstate.generate(SyntheticEstate.MAX_PREMISES + 1, 1L, 10, c -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SyntheticEstate.generate(10, 1L, 0, c -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
