package io.dccsim.core.client;

import io.dccsim.core.message.RegionResult;
import io.dccsim.core.wan.WanVariant;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of an SR 12.1 answer with its WAN variant interpreted under the client's baseline (so
 * that, from the June 2021 release, a single space reads as Unknown).
 *
 * @param result the result as the DCC sent it
 * @param wanVariant the interpreted {@code WANTechnology}, when the result carries coverage facts
 */
public record WanMatrixEntry(RegionResult result, Optional<WanVariant> wanVariant) {
  /** Requires both parts. */
  public WanMatrixEntry {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(wanVariant, "wanVariant");
  }
}
