package io.dccsim.core.release;

import java.util.Optional;

/**
 * The set of SEC rules in force: before or after the June 2021 release. Behaviour that differs
 * between the two asks {@link #isInForce(Modification)}; which baseline applies at a given moment
 * is decided by a {@link BaselinePolicy}.
 */
public enum Baseline {
  /** The SEC as it stood before the June 2021 release went live. */
  PRE_JUNE_2021(null),
  /** The SEC from the June 2021 release's go-live (2021-06-24) on. */
  JUNE_2021(SecRelease.JUNE_2021);

  private final SecRelease release;

  Baseline(SecRelease release) {
    this.release = release;
  }

  /** The release that made this baseline, if any of the modelled releases did. */
  public Optional<SecRelease> release() {
    return Optional.ofNullable(release);
  }

  /** Whether {@code modification}'s rule applies under this baseline. */
  public boolean isInForce(Modification modification) {
    return release != null && release.includes(modification);
  }
}
