package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox contract on H2 file stores, and what outlives a reopen. */
class H2OutboxStoreTest extends OutboxStoreContract {
  @TempDir static Path stores;
  private static final AtomicInteger NEXT = new AtomicInteger();

  private CertificateRepository repo;

  @Override
  protected OutboxStore newStore() {
    repo = CertificateRepositories.h2File(stores.resolve("outbox-" + NEXT.incrementAndGet()));
    return repo.outbox().orElseThrow();
  }

  @Override
  protected void release() {
    repo.close();
  }

  @Test
  void theOutboxOutlivesAReopen() {
    Path dir = stores.resolve("reopened");
    long a;
    long b;
    try (CertificateRepository first = CertificateRepositories.h2File(dir)) {
      OutboxStore s = first.outbox().orElseThrow();
      a = s.append(SUPPLIER, "RESPONSE", Optional.of("r"), "I0", doc("a"), T0);
      b = s.append(GAS, "RESPONSE", Optional.empty(), "I0", doc("b"), T0);
      s.deadLetter(b, 5, T0.plusSeconds(450), "HTTP 400");
      s.receiveUrl(SUPPLIER, Optional.of("http://127.0.0.1:9000/duis"));
    }
    try (CertificateRepository again = CertificateRepositories.h2File(dir)) {
      OutboxStore s = again.outbox().orElseThrow();
      assertThat(s.pending()).extracting(OutboxStore.Entry::sequence).containsExactly(a);
      assertThat(s.pending().get(0).document()).isEqualTo(doc("a"));
      assertThat(s.dead(10)).extracting(OutboxStore.Entry::sequence).containsExactly(b);
      assertThat(s.receiveUrls()).containsOnlyKeys(SUPPLIER);
      s.delivered(a);
      // numbers are reserved in blocks: the next start goes on beyond the block the first used
      assertThat(s.append(SUPPLIER, "RESPONSE", Optional.empty(), "I0", doc("c"), T0))
          .isGreaterThan(b);
    }
  }
}
