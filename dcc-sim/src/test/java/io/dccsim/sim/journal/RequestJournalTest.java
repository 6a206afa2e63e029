package io.dccsim.sim.journal;

import static io.dccsim.sim.journal.ExchangePattern.anyExchange;
import static io.dccsim.sim.journal.ExchangePattern.wanMatrixRequests;
import static io.dccsim.sim.journal.ExpectedCount.atLeast;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static io.dccsim.sim.journal.ExpectedCount.never;
import static io.dccsim.sim.journal.SyntheticExchanges.OTHER_SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.SUPPLIER;
import static io.dccsim.sim.journal.SyntheticExchanges.T0;
import static io.dccsim.sim.journal.SyntheticExchanges.malformed;
import static io.dccsim.sim.journal.SyntheticExchanges.wanMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestJournalTest {

  @Test
  void verifiesInTheTestsWords() {
    RequestJournal journal = new RequestJournal(100);
    journal.onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    journal.onExchange(wanMatrix(2, OTHER_SUPPLIER, "M22 0RR", "I0", T0.plusSeconds(1)));
    journal.onExchange(wanMatrix(3, SUPPLIER, "M22 0RR", "E120101", T0.plusSeconds(2)));
    journal.onExchange(malformed(4, T0.plusSeconds(3)));

    List<Exchange> matched =
        journal.verify(exactly(2), wanMatrixRequests().forPostcode("m220rr").from(SUPPLIER));
    assertThat(matched).extracting(Exchange::sequence).containsExactly(1L, 3L);
    journal.verify(exactly(1), wanMatrixRequests().withResponseCode("E120101"));
    journal.verify(exactly(1), anyExchange().withVerdict(Verdict.REFUSED_MALFORMED));
    journal.verify(exactly(1), anyExchange().withHttpStatus(400));
    journal.verify(never(), wanMatrixRequests().forPostcode("M1 1AA"));
    journal.verify(atLeast(3), wanMatrixRequests());
    journal.verify(exactly(2), anyExchange().receivedBetween(T0.plusSeconds(1), T0.plusSeconds(3)));
    journal.verify(exactly(1), anyExchange().afterSequence(3));
  }

  @Test
  void failureListsNearMisses() {
    RequestJournal journal = new RequestJournal(100, Duration.ZERO);
    journal.onExchange(wanMatrix(1, OTHER_SUPPLIER, "M22 0RR", "I0", T0));
    journal.onExchange(wanMatrix(2, SUPPLIER, "M1 1AA", "I0", T0));
    journal.onExchange(malformed(3, T0));

    assertThatThrownBy(
            () ->
                journal.verify(
                    exactly(1), wanMatrixRequests().forPostcode("M22 0RR").from(SUPPLIER)))
        .isInstanceOf(JournalVerificationError.class)
        .hasMessageContaining("Expected exactly 1 SR 12.1 requests for postcode M22 0RR from")
        .hasMessageContaining("but found 0")
        .hasMessageContaining("Near misses")
        .hasMessageContaining("originator: expected " + SUPPLIER + " but was " + OTHER_SUPPLIER)
        .hasMessageContaining("postcode: expected M22 0RR but was M1 1AA")
        .hasMessageContaining("service reference: expected 12.1 but was (none)");
  }

  @Test
  void tooManyListsTheMatches() {
    RequestJournal journal = new RequestJournal(100);
    journal.onExchange(wanMatrix(7, SUPPLIER, "M22 0RR", "I0", T0));
    journal.onExchange(wanMatrix(8, SUPPLIER, "M22 0RR", "I0", T0));
    assertThatThrownBy(() -> journal.verify(exactly(1), wanMatrixRequests()))
        .isInstanceOf(JournalVerificationError.class)
        .hasMessageContaining("but found 2")
        .hasMessageContaining("Matched:")
        .hasMessageContaining("#7 ")
        .hasMessageContaining("#8 ");
  }

  @Test
  void evictsTheOldestAndCountsIt() {
    RequestJournal journal = new RequestJournal(3);
    for (int i = 1; i <= 5; i++) {
      journal.onExchange(wanMatrix(i, SUPPLIER, "M22 0RR", "I0", T0.plusSeconds(i)));
    }
    assertThat(journal.entries()).extracting(Exchange::sequence).containsExactly(3L, 4L, 5L);
    JournalStatistics stats = journal.statistics();
    assertThat(stats.capacity()).isEqualTo(3);
    assertThat(stats.retained()).isEqualTo(3);
    assertThat(stats.recorded()).isEqualTo(5);
    assertThat(stats.evicted()).isEqualTo(2);
    assertThat(stats.oldestRetainedSequence()).contains(3L);
    assertThat(stats.newestEvictedSequence()).contains(2L);
    assertThat(stats.newestEvictedReceivedAt()).contains(T0.plusSeconds(2));
  }

  @Test
  void verificationReachingIntoEvictedEntriesFailsLoudly() {
    RequestJournal journal = new RequestJournal(2);
    journal.onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    journal.onExchange(wanMatrix(2, SUPPLIER, "M1 1AA", "I0", T0.plusSeconds(1)));
    journal.onExchange(wanMatrix(3, SUPPLIER, "M1 1AA", "I0", T0.plusSeconds(2)));

    // Sequence 1 (for M22 0RR) was evicted: "never" would be a lie.
    assertThatThrownBy(() -> journal.verify(never(), wanMatrixRequests().forPostcode("M22 0RR")))
        .isInstanceOfSatisfying(
            JournalVerificationError.class, e -> assertThat(e.isEvictionUncertainty()).isTrue())
        .hasMessageContaining("1 exchange(s) were evicted")
        .hasMessageContaining("oldest retained is sequence 2")
        .hasMessageContaining("capacity 2");

    // A window that starts after the evicted entry is safe, by time or by sequence.
    journal.verify(
        never(), wanMatrixRequests().forPostcode("M22 0RR").receivedSince(T0.plusSeconds(1)));
    journal.verify(exactly(2), wanMatrixRequests().afterSequence(1));
    assertThat(journal.evictionProblem(anyExchange().afterSequence(1))).isEmpty();
    assertThat(journal.evictionProblem(anyExchange())).isPresent();
  }

  @Test
  void clearForgetsEntriesAndEvictionUncertainty() {
    RequestJournal journal = new RequestJournal(1);
    journal.onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    journal.onExchange(wanMatrix(2, SUPPLIER, "M22 0RR", "I0", T0));
    journal.clear();
    journal.verify(never(), anyExchange());
    assertThat(journal.statistics().evicted()).isEqualTo(1);
    assertThat(journal.statistics().evictedSinceClear()).isZero();
    assertThat(journal.statistics().recorded()).isEqualTo(2);
    journal.onExchange(wanMatrix(3, SUPPLIER, "M22 0RR", "I0", T0));
    journal.verify(exactly(1), anyExchange());
  }

  @Test
  void verificationWaitsForAnExchangeReportedLate() throws Exception {
    RequestJournal journal = new RequestJournal(10, Duration.ofSeconds(30));
    journal.onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    CountDownLatch verifying = new CountDownLatch(1);
    Thread reporter =
        new Thread(
            () -> {
              try {
                verifying.await();
                Thread.sleep(50); // the server reports just after the client has its answer
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              journal.onExchange(wanMatrix(2, SUPPLIER, "M22 0RR", "I0", T0));
            });
    reporter.start();
    verifying.countDown();
    assertThat(journal.verify(exactly(2), wanMatrixRequests())).hasSize(2);
    reporter.join();
  }

  @Test
  void tooManyFailsWithoutWaiting() {
    RequestJournal journal = new RequestJournal(10, Duration.ofDays(1));
    journal.onExchange(wanMatrix(1, SUPPLIER, "M22 0RR", "I0", T0));
    assertThatThrownBy(() -> journal.verify(never(), wanMatrixRequests()))
        .isInstanceOf(JournalVerificationError.class);
  }

  @Test
  void capacityIsBounded() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RequestJournal(10, Duration.ofSeconds(-1)));
    assertThatIllegalArgumentException().isThrownBy(() -> new RequestJournal(0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new RequestJournal(RequestJournal.MAX_CAPACITY + 1));
  }

  @Test
  void recordsConcurrentlyWithoutLosingCount() throws Exception {
    RequestJournal journal = new RequestJournal(500);
    int threads = 4;
    int each = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<java.util.concurrent.Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * each;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 1; i <= each; i++) {
                  journal.onExchange(wanMatrix(base + i, SUPPLIER, "M22 0RR", "I0", T0));
                }
                return null;
              }));
    }
    start.countDown();
    for (var f : done) {
      f.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    JournalStatistics stats = journal.statistics();
    assertThat(stats.recorded()).isEqualTo(threads * each);
    assertThat(stats.retained()).isEqualTo(500);
    assertThat(stats.evicted()).isEqualTo(threads * each - 500);
    assertThat(journal.entries()).hasSize(500).doesNotContainNull();
  }
}
