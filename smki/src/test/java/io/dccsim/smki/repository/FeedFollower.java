package io.dccsim.smki.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A reader that follows a repository's change feed on a pool thread while writers run, as an
 * extract publisher would, recording every sequence it sees; {@link #finish} tells it the writers
 * are done and returns what it saw once it has read to the end.
 */
final class FeedFollower {
  private final AtomicBoolean writing = new AtomicBoolean(true);
  private final Future<List<Long>> reading;

  /** Starts following {@code repository} once {@code start} opens, {@code pageSize} at a time. */
  FeedFollower(
      ExecutorService pool, CountDownLatch start, CertificateRepository repository, int pageSize) {
    reading =
        pool.submit(
            () -> {
              start.await();
              List<Long> seen = new ArrayList<>();
              long last = 0;
              while (true) {
                boolean done = !writing.get();
                List<CertificateChange> page = repository.changesAfter(last, pageSize);
                for (CertificateChange c : page) {
                  seen.add(c.sequence());
                  last = c.sequence();
                }
                if (done && page.isEmpty()) {
                  return seen;
                }
              }
            });
  }

  /** The writers are done: reads to the end of the feed and returns every sequence seen. */
  List<Long> finish() throws Exception {
    writing.set(false);
    return reading.get(2, TimeUnit.MINUTES);
  }
}
