package io.dccsim.smki.repository;

import java.util.Objects;

/**
 * One entry of the repository's change feed.
 *
 * @param sequence strictly increasing across the repository, starting at 1; never reused
 * @param type whether the certificate was added or its status changed
 * @param record the certificate as it stood right after this change
 */
public record CertificateChange(long sequence, Type type, CertificateRecord record) {

  /** What happened. */
  public enum Type {
    /** The certificate was stored. */
    ADDED,
    /** The certificate's status changed. */
    STATUS_CHANGED
  }

  /** Validates. */
  public CertificateChange {
    if (sequence <= 0) {
      throw new IllegalArgumentException("sequence starts at 1: " + sequence);
    }
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(record, "record");
  }
}
