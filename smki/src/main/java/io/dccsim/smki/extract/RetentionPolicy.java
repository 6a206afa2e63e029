package io.dccsim.smki.extract;

/**
 * Which extracts a directory keeps: the newest {@code fullExtracts} full extracts and every delta
 * that builds on one of them (that is, every extract numbered after the oldest full kept).
 *
 * @param fullExtracts how many full extracts to keep, at least 1
 */
public record RetentionPolicy(int fullExtracts) {

  /** Validates. */
  public RetentionPolicy {
    if (fullExtracts < 1) {
      throw new IllegalArgumentException("Keep at least one full extract: " + fullExtracts);
    }
  }

  /** Keep the newest {@code n} full extracts and the deltas after the oldest of them. */
  public static RetentionPolicy keepFullExtracts(int n) {
    return new RetentionPolicy(n);
  }
}
