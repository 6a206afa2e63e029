package io.dccsim.sim.journal;

import java.time.Instant;
import java.util.Optional;

/**
 * The journal's counters at one moment.
 *
 * @param capacity how many exchanges it retains at most
 * @param retained how many it retains now
 * @param recorded how many it has been told of since it was made
 * @param evicted how many it has dropped to make room since it was made
 * @param evictedSinceClear how many it has dropped since it was last cleared
 * @param oldestRetainedSequence the sequence of the oldest retained exchange, when any
 * @param newestEvictedSequence the greatest sequence dropped since the last clear, when any
 * @param newestEvictedReceivedAt the latest receive time dropped since the last clear, when any
 */
public record JournalStatistics(
    int capacity,
    int retained,
    long recorded,
    long evicted,
    long evictedSinceClear,
    Optional<Long> oldestRetainedSequence,
    Optional<Long> newestEvictedSequence,
    Optional<Instant> newestEvictedReceivedAt) {}
