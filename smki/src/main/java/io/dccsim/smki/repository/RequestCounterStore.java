package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import java.util.Map;

/**
 * The last accepted DUIS RequestID counter of each originator, kept in the same store as the
 * certificates so that it survives a restart, as the DCC's does. Counters are unsigned 64-bit
 * values held in a {@code long} (compare them with {@link Long#compareUnsigned}).
 */
public interface RequestCounterStore {

  /** Every originator's last accepted counter. */
  Map<Eui64, Long> load();

  /**
   * Records {@code counters}, keeping for each originator the greater (unsigned) of the stored and
   * the given value, in one transaction.
   */
  void save(Map<Eui64, Long> counters);

  /** Forgets every counter. */
  void clear();
}
