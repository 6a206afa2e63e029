package io.dccsim.smki.extract.internal;

import io.dccsim.smki.repository.CertificateChange;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Folds a range of the change feed into the latest state of each certificate changed in it, in two
 * passes over the feed so that memory holds only serial -> last sequence, never the records.
 */
public final class ChangeFold {
  private static final int PAGE = 1000;

  private final CertificateRepository repository;
  private final long afterSequence;
  private final long upToSequence;
  private final int maxCertificates;
  private Map<BigInteger, Long> last;

  /**
   * A fold of the changes in {@code (afterSequence, upToSequence]}.
   *
   * @param maxCertificates the most distinct certificates this fold may hold
   */
  public ChangeFold(
      CertificateRepository repository,
      long afterSequence,
      long upToSequence,
      int maxCertificates) {
    this.repository = repository;
    this.afterSequence = afterSequence;
    this.upToSequence = upToSequence;
    this.maxCertificates = maxCertificates;
  }

  /**
   * First pass: finds the last change of each certificate.
   *
   * @return false when more than {@code maxCertificates} certificates changed
   */
  public boolean index() {
    last = new HashMap<>();
    long cursor = afterSequence;
    while (cursor < upToSequence) {
      List<CertificateChange> page = repository.changesAfter(cursor, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (CertificateChange c : page) {
        if (c.sequence() > upToSequence) {
          return true;
        }
        last.put(c.record().serial(), c.sequence());
        if (last.size() > maxCertificates) {
          last = null;
          return false;
        }
        cursor = c.sequence();
      }
    }
    return true;
  }

  /** How many certificates changed (after {@link #index()}). */
  public int size() {
    return last.size();
  }

  /**
   * Second pass: the latest state of each changed certificate, in the order of its last change.
   *
   * @return how many records were delivered
   */
  public long emit(Consumer<CertificateRecord> sink) {
    long cursor = afterSequence;
    long n = 0;
    while (cursor < upToSequence) {
      List<CertificateChange> page = repository.changesAfter(cursor, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (CertificateChange c : page) {
        if (c.sequence() > upToSequence) {
          return n;
        }
        CertificateRecord r = c.record();
        if (last.get(r.serial()) == c.sequence()) {
          sink.accept(r);
          n++;
        }
        cursor = c.sequence();
      }
    }
    return n;
  }
}
