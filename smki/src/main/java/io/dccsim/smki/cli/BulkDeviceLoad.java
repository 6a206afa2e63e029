package io.dccsim.smki.cli;

import io.dccsim.core.value.Eui64;
import io.dccsim.smki.pki.DeviceCertificateFactory;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Issues many Device Certificates and adds them to a repository: several threads sign, one thread
 * writes batches with {@link CertificateRepository#addAll}. Between them sits a small bounded
 * queue, so memory stays bounded whatever the count: at most {@code 2 x threads + 1} batches are in
 * flight.
 *
 * <p>Devices get consecutive EUIs from {@code firstEui}.
 *
 * @param factory signs the certificates
 * @param firstEui the EUI of the first device
 * @param count how many devices
 * @param usage the usage of every certificate
 * @param status the repository status every record starts with
 * @param threads signing threads
 * @param batchSize records per {@code addAll}
 */
public record BulkDeviceLoad(
    DeviceCertificateFactory factory,
    Eui64 firstEui,
    long count,
    CertificateUsage usage,
    CertificateStatus status,
    int threads,
    int batchSize) {

  /** Validates. */
  public BulkDeviceLoad {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(firstEui, "firstEui");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(status, "status");
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1..256: " + threads);
    }
    if (batchSize < 1 || batchSize > 10_000) {
      throw new IllegalArgumentException("batchSize must be 1..10000: " + batchSize);
    }
  }

  /**
   * Runs the load.
   *
   * @param repository where the records go
   * @param progress told how many more records were written, after each batch
   * @return how many records were new to the repository
   * @throws IllegalStateException when signing failed (the cause attached)
   * @throws InterruptedException when interrupted; signing threads are stopped
   */
  public long run(CertificateRepository repository, LongConsumer progress)
      throws InterruptedException {
    BlockingQueue<List<CertificateRecord>> queue = new ArrayBlockingQueue<>(2 * threads + 1);
    AtomicLong nextIndex = new AtomicLong();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "device-signer");
              t.setDaemon(true);
              return t;
            });
    List<Future<?>> workers = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        workers.add(pool.submit(() -> sign(queue, nextIndex)));
      }
      long written = 0;
      long added = 0;
      while (written < count) {
        List<CertificateRecord> batch = queue.poll(200, TimeUnit.MILLISECONDS);
        if (batch == null) {
          failIfAWorkerFailed(workers);
          continue;
        }
        added += repository.addAll(batch);
        written += batch.size();
        progress.accept(batch.size());
      }
      return added;
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  private Void sign(BlockingQueue<List<CertificateRecord>> queue, AtomicLong nextIndex)
      throws InterruptedException {
    long base = firstEui.value();
    while (!Thread.currentThread().isInterrupted()) {
      long start = nextIndex.getAndAdd(batchSize);
      if (start >= count) {
        return null;
      }
      int n = (int) Math.min(batchSize, count - start);
      List<CertificateRecord> batch = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        batch.add(factory.issueRecord(Eui64.of(base + start + i), usage, status));
      }
      queue.put(batch);
    }
    return null;
  }

  private static void failIfAWorkerFailed(List<Future<?>> workers) throws InterruptedException {
    for (Future<?> f : workers) {
      if (f.isDone()) {
        try {
          f.get();
        } catch (ExecutionException e) {
          throw new IllegalStateException("Signing failed: " + e.getCause(), e.getCause());
        }
      }
    }
  }
}
