package io.dccsim.sim.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.sim.spi.Exchange;
import io.dccsim.sim.spi.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RequestJournal#follow}: what a follower has not seen, bounded, with what it missed. */
class JournalFollowTest {
  private static Exchange exchange(long sequence) {
    return new Exchange(
        sequence,
        Instant.parse("2021-06-24T09:00:00Z"),
        "/api/v1/serviceD",
        "127.0.0.1:1",
        Optional.empty(),
        Optional.empty(),
        Verdict.REFUSED_MALFORMED,
        "test",
        400,
        Optional.empty(),
        new byte[0],
        new byte[0],
        Duration.ZERO);
  }

  private static List<Long> sequences(RequestJournal.Followed f) {
    return f.exchanges().stream().map(Exchange::sequence).toList();
  }

  @Test
  void aFollowerGetsWhatCameAfterItsMarkAndCountsWhatItMissed() {
    RequestJournal journal = new RequestJournal(4);
    RequestJournal.Followed none = journal.follow(0, 10);
    assertThat(none.exchanges()).isEmpty();
    assertThat(none.mark()).isZero();
    for (long i = 1; i <= 3; i++) {
      journal.onExchange(exchange(i));
    }
    RequestJournal.Followed first = journal.follow(0, 2);
    assertThat(sequences(first)).containsExactly(2L, 3L);
    assertThat(first.mark()).isEqualTo(3);
    assertThat(first.skipped()).isEqualTo(1);

    assertThat(journal.follow(first.mark(), 10).exchanges()).isEmpty();

    for (long i = 4; i <= 9; i++) {
      journal.onExchange(exchange(i));
    }
    // Six recorded since the mark; the journal keeps four.
    RequestJournal.Followed later = journal.follow(first.mark(), 10);
    assertThat(sequences(later)).containsExactly(6L, 7L, 8L, 9L);
    assertThat(later.skipped()).isEqualTo(2);
    assertThat(later.mark()).isEqualTo(9);

    journal.clear();
    journal.onExchange(exchange(10));
    RequestJournal.Followed afterClear = journal.follow(later.mark(), 10);
    assertThat(sequences(afterClear)).containsExactly(10L);
    assertThat(afterClear.skipped()).isZero();
  }
}
