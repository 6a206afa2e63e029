package io.dccsim.sim.server.internal;

import io.dccsim.sim.server.Outcome;
import java.time.Instant;

/**
 * An answer decided before the request reached a worker (a transport refusal, or the metrics page).
 * Passed down the pipeline so that it is written in order with the other answers on the connection.
 *
 * @param sequence the exchange's sequence number
 * @param receivedAt when the request arrived, by the simulator's clock
 * @param startNanos when it arrived, for the elapsed time
 * @param path the URL path
 * @param remoteAddress the peer
 * @param outcome the answer
 * @param closeAfter close the connection once written (the rest of the request is not read)
 * @param report whether listeners, metrics and the log hear of it
 */
record DirectAnswer(
    long sequence,
    Instant receivedAt,
    long startNanos,
    String path,
    String remoteAddress,
    Outcome outcome,
    boolean closeAfter,
    boolean report) {}
