package io.dccsim.smki.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.value.Eui64;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link OutboxStore} does: in memory, on H2 and on PostgreSQL. */
public abstract class OutboxStoreContract {
  protected static final Eui64 SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  protected static final Eui64 GAS = Eui64.parse("90-B3-D5-1F-30-03-00-00");
  protected static final Instant T0 = Instant.parse("2021-06-23T12:00:00.123Z");

  protected OutboxStore store;

  /** A fresh, empty store. */
  protected abstract OutboxStore newStore();

  /** Releases what {@link #newStore()} opened. */
  protected void release() {}

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    release();
  }

  protected static byte[] doc(String text) {
    return ("<sr:Response>" + text + "</sr:Response>").getBytes(StandardCharsets.UTF_8);
  }

  protected long append(Eui64 user, String text) {
    return store.append(
        user, "RESPONSE", Optional.of("90-B3-D5-1F-30-01-00-00:" + text), "I0", doc(text), T0);
  }

  @Test
  void aMessageMayBeDueLaterAndManyWritersAppendAtOnceEachWithItsOwnSequence() throws Exception {
    long later =
        store.append(
            SUPPLIER, "RESPONSE", Optional.empty(), "E21", doc("later"), T0, T0.plusSeconds(30));
    OutboxStore.Entry e = store.find(later).orElseThrow();
    assertThat(e.accepted()).isEqualTo(T0);
    assertThat(e.nextAttempt()).isEqualTo(T0.plusSeconds(30));
    assertThat(e.attempts()).isZero();
    // writers in parallel (sharing syncs where the store syncs) lose nothing
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Long>> seqs = new java.util.ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = "p" + i;
        Eui64 user = i % 2 == 0 ? SUPPLIER : GAS;
        seqs.add(pool.submit(() -> append(user, text)));
      }
      java.util.Set<Long> distinct = new java.util.HashSet<>();
      for (java.util.concurrent.Future<Long> f : seqs) {
        distinct.add(f.get());
      }
      assertThat(distinct).hasSize(40);
      assertThat(store.countPending()).isEqualTo(41);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void messagesAppendedWithoutWaitingAreSeenAtOnceAndBecomeKept() throws Exception {
    List<OutboxStore.Appended> appended = new java.util.ArrayList<>();
    // more than one sequence block and one write batch of the JDBC stores
    for (int i = 0; i < 700; i++) {
      appended.add(
          store.appendAsync(
              i % 3 == 0 ? GAS : SUPPLIER,
              "RESPONSE",
              Optional.of("r" + i),
              "I0",
              doc("a" + i),
              T0,
              T0));
    }
    // read at once, before any durable future is awaited: the store reads as if written
    OutboxStore.Appended last = appended.get(appended.size() - 1);
    assertThat(store.find(last.sequence()).orElseThrow().document()).isEqualTo(doc("a699"));
    for (OutboxStore.Appended a : appended) {
      a.durable().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }
    List<Long> seqs = appended.stream().map(OutboxStore.Appended::sequence).toList();
    assertThat(seqs).doesNotHaveDuplicates().isSorted();
    assertThat(store.pending()).extracting(OutboxStore.Entry::sequence).isEqualTo(seqs);
    // a change right after an append finds its row
    OutboxStore.Appended failing =
        store.appendAsync(SUPPLIER, "RESPONSE", Optional.empty(), "I0", doc("x"), T0, T0);
    assertThat(store.deadLetter(failing.sequence(), 1, T0, "HTTP 400")).isTrue();
    assertThat(store.dead(10))
        .extracting(OutboxStore.Entry::sequence)
        .containsExactly(failing.sequence());
  }

  @Test
  void deliveredMessagesToldOfSoonAreForgottenByTheFlushAtTheLatest() {
    List<Long> seqs = new java.util.ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      seqs.add(append(i % 2 == 0 ? SUPPLIER : GAS, "f" + i));
    }
    long kept = append(SUPPLIER, "kept");
    seqs.forEach(store::forgetDelivered);
    store.flush();
    assertThat(store.pending()).extracting(OutboxStore.Entry::sequence).containsExactly(kept);
    assertThat(store.countPending()).isEqualTo(1);
  }

  @Test
  void appendedMessagesArePendingInSequenceOrderAndDueAtOnce() {
    long a = append(SUPPLIER, "a");
    long b = append(GAS, "b");
    long c = append(SUPPLIER, "c");
    long d =
        store.append(SUPPLIER, "DCC_ALERT", Optional.empty(), "N24", doc("d"), T0.plusSeconds(1));
    assertThat(a).isPositive();
    assertThat(List.of(a, b, c, d)).isSorted().doesNotHaveDuplicates();
    assertThat(store.pending()).extracting(OutboxStore.Entry::sequence).containsExactly(a, b, c, d);
    assertThat(store.pending(SUPPLIER, 10))
        .extracting(OutboxStore.Entry::sequence)
        .containsExactly(a, c, d);
    assertThat(store.pending(SUPPLIER, 2)).hasSize(2);
    OutboxStore.Entry first = store.find(a).orElseThrow();
    assertThat(first.user()).isEqualTo(SUPPLIER);
    assertThat(first.kind()).isEqualTo("RESPONSE");
    assertThat(first.requestId()).hasValue("90-B3-D5-1F-30-01-00-00:a");
    assertThat(first.responseCode()).isEqualTo("I0");
    assertThat(first.document()).isEqualTo(doc("a"));
    assertThat(first.accepted()).isEqualTo(T0);
    assertThat(first.nextAttempt()).isEqualTo(T0);
    assertThat(first.attempts()).isZero();
    assertThat(first.lastError()).isEmpty();
    assertThat(first.isDead()).isFalse();
    assertThat(store.find(d).orElseThrow().requestId()).isEmpty();
    assertThat(store.countPending()).isEqualTo(4);
    assertThat(store.countDead()).isZero();
  }

  @Test
  void aDeliveredMessageIsForgottenAndItsSequenceNotReused() {
    long a = append(SUPPLIER, "a");
    assertThat(store.delivered(a)).isTrue();
    assertThat(store.delivered(a)).isFalse();
    assertThat(store.find(a)).isEmpty();
    assertThat(store.pending()).isEmpty();
    assertThat(append(SUPPLIER, "b")).isGreaterThan(a);
  }

  @Test
  void failedAttemptsAreRecordedThenTheMessageBecomesADeadLetter() {
    long a = append(SUPPLIER, "a");
    Instant next = T0.plus(Duration.ofSeconds(30));
    assertThat(store.failedAttempt(a, 1, next, "HTTP 400")).isTrue();
    OutboxStore.Entry e = store.find(a).orElseThrow();
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(e.nextAttempt()).isEqualTo(next);
    assertThat(e.lastError()).hasValue("HTTP 400");
    Instant died = T0.plusSeconds(450);
    assertThat(store.deadLetter(a, 5, died, "connection refused")).isTrue();
    assertThat(store.failedAttempt(a, 6, died, "late")).isFalse();
    assertThat(store.deadLetter(a, 6, died, "late")).isFalse();
    assertThat(store.pending()).isEmpty();
    assertThat(store.countPending()).isZero();
    assertThat(store.countDead()).isEqualTo(1);
    OutboxStore.Entry dead = store.dead(10).get(0);
    assertThat(dead.sequence()).isEqualTo(a);
    assertThat(dead.dead()).hasValue(died);
    assertThat(dead.attempts()).isEqualTo(5);
    assertThat(dead.lastError()).hasValue("connection refused");
    assertThat(store.dead(SUPPLIER, 10)).containsExactly(dead);
    assertThat(store.dead(GAS, 10)).isEmpty();
    assertThat(store.failedAttempt(9_999, 1, next, "x")).isFalse();
  }

  @Test
  void aRedrivenDeadLetterIsPendingAgainWithNoAttempt() {
    long a = append(SUPPLIER, "a");
    long b = append(SUPPLIER, "b");
    store.deadLetter(a, 5, T0.plusSeconds(450), "HTTP 400");
    assertThat(store.redrive(b, T0)).isEmpty(); // not dead
    Instant now = T0.plusSeconds(600);
    OutboxStore.Entry again = store.redrive(a, now).orElseThrow();
    assertThat(again.isDead()).isFalse();
    assertThat(again.attempts()).isZero();
    assertThat(again.nextAttempt()).isEqualTo(now);
    assertThat(again.document()).isEqualTo(doc("a"));
    assertThat(store.pending(SUPPLIER, 10))
        .extracting(OutboxStore.Entry::sequence)
        .containsExactly(a, b);
    assertThat(store.dead(10)).isEmpty();
    assertThat(store.redrive(a, now)).isEmpty();
  }

  @Test
  void deadLettersAreDroppedByAgeOrAll() {
    long a = append(SUPPLIER, "a");
    long b = append(GAS, "b");
    long c = append(GAS, "c");
    store.deadLetter(a, 5, T0.plusSeconds(10), "x");
    store.deadLetter(b, 5, T0.plusSeconds(20), "y");
    assertThat(store.dropDead(Optional.of(T0.plusSeconds(10)))).isEqualTo(1);
    assertThat(store.find(a)).isEmpty();
    assertThat(store.dead(10)).extracting(OutboxStore.Entry::sequence).containsExactly(b);
    assertThat(store.dropDead(Optional.empty())).isEqualTo(1);
    assertThat(store.countDead()).isZero();
    assertThat(store.pending()).extracting(OutboxStore.Entry::sequence).containsExactly(c);
  }

  @Test
  void receivingUrlsAreReplacedAndForgotten() {
    assertThat(store.receiveUrls()).isEmpty();
    store.receiveUrl(SUPPLIER, Optional.of("http://127.0.0.1:9000/duis"));
    store.receiveUrl(GAS, Optional.of("https://gas.example/receive"));
    store.receiveUrl(SUPPLIER, Optional.of("http://127.0.0.1:9001/duis"));
    assertThat(store.receiveUrls())
        .isEqualTo(
            Map.of(SUPPLIER, "http://127.0.0.1:9001/duis", GAS, "https://gas.example/receive"));
    store.receiveUrl(GAS, Optional.empty());
    assertThat(store.receiveUrls()).containsOnlyKeys(SUPPLIER);
  }

  @Test
  void clearForgetsEverythingButSequencesGoOnUp() {
    long a = append(SUPPLIER, "a");
    long b = append(SUPPLIER, "b");
    store.deadLetter(b, 5, T0, "x");
    store.receiveUrl(SUPPLIER, Optional.of("http://127.0.0.1:9000/duis"));
    store.clear();
    assertThat(store.pending()).isEmpty();
    assertThat(store.dead(10)).isEmpty();
    assertThat(store.receiveUrls()).isEmpty();
    assertThat(append(SUPPLIER, "c")).isGreaterThan(Math.max(a, b));
  }

  @Test
  void aLargeDocumentIsKeptWhole() {
    byte[] big = new byte[200_000];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    long a = store.append(GAS, "DEVICE_ALERT", Optional.empty(), "8F1C", big, T0);
    assertThat(store.find(a).orElseThrow().document()).isEqualTo(big);
  }
}
