package io.dccsim.core.gbcs;

import io.dccsim.core.value.Eui64;
import java.util.Objects;

/**
 * The User on whose behalf the DSP originated a command, in a grouping header's other information:
 * its EUI-64 and its DUIS counter (the supplementary remote party counter).
 *
 * @param id the User's EUI-64
 * @param counter the User's counter, 8 bytes
 */
public record SupplementaryRemoteParty(Eui64 id, long counter) {
  /** A supplementary remote party. */
  public SupplementaryRemoteParty {
    Objects.requireNonNull(id, "id");
  }
}
