package io.dccsim.smki.repository.bulk;

import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Loads many certificate records into a repository in batches, reporting progress after each.
 * Memory is bounded by one batch: records are pulled from the source as they are written.
 */
public final class BulkLoader {

  /** The largest batch handed to {@link CertificateRepository#addAll} at once. */
  public static final int MAX_BATCH_SIZE = 100_000;

  /** Told how far a load has got, after every batch (on the loading thread). */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param offered records taken from the source so far
     * @param added of those, how many were new to the repository
     */
    void loaded(long offered, long added);

    /** Progress that reports nothing. */
    static Progress none() {
      return (offered, added) -> {};
    }
  }

  private final CertificateRepository repository;
  private final int batchSize;

  /**
   * @param repository where to load
   * @param batchSize how many records per {@code addAll} (1..{@value #MAX_BATCH_SIZE})
   */
  public BulkLoader(CertificateRepository repository, int batchSize) {
    this.repository = Objects.requireNonNull(repository, "repository");
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "batchSize must be 1.." + MAX_BATCH_SIZE + ": " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * Loads every record {@code records} yields. Idempotent like {@link CertificateRepository#add}:
   * records already held are skipped, so a load interrupted part way can simply be run again.
   *
   * @return how many records were new
   */
  public long load(Iterator<CertificateRecord> records, Progress progress) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(progress, "progress");
    List<CertificateRecord> batch = new ArrayList<>(batchSize);
    long offered = 0;
    long added = 0;
    while (records.hasNext()) {
      batch.add(records.next());
      if (batch.size() == batchSize || !records.hasNext()) {
        added += repository.addAll(batch);
        offered += batch.size();
        batch.clear();
        progress.loaded(offered, added);
      }
    }
    return added;
  }

  /** Loads records {@code 0..count-1} of {@code source}. */
  public long load(SyntheticDeviceRecords source, long count, Progress progress) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    Iterator<CertificateRecord> records =
        new Iterator<>() {
          private long next;

          @Override
          public boolean hasNext() {
            return next < count;
          }

          @Override
          public CertificateRecord next() {
            if (!hasNext()) {
              throw new java.util.NoSuchElementException();
            }
            return source.record(next++);
          }
        };
    return load(records, progress);
  }
}
