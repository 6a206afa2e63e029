package io.dccsim.smki.extract;

/** Whether an extract holds the whole repository or the changes since the previous extract. */
public enum ExtractKind {
  /** Every certificate of the repository as it stood at the cut-off. */
  FULL,
  /** The latest state of each certificate changed since the previous extract. */
  DELTA
}
