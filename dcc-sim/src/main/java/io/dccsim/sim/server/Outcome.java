package io.dccsim.sim.server;

import io.dccsim.sim.spi.RequestFacts;
import io.dccsim.sim.spi.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the server is to do with a processed request: after {@code delay} (scheduled on the event
 * loop's timer), either answer or reset the connection; and what to report about it.
 *
 * @param delay how long to wait before acting
 * @param action answer or reset
 * @param verdict how the pipeline judged the request
 * @param reason the precise reason (for the journal, the log and the metrics, never the client)
 * @param facts what was known about the request
 * @param responseCode the DUIS response code sent, if any
 * @param kept completed once what the answer promises is kept: the server acts only then (and
 *     answers 503 when it fails), without holding a worker thread meanwhile
 */
public record Outcome(
    Duration delay,
    Action action,
    Verdict verdict,
    String reason,
    Optional<RequestFacts> facts,
    Optional<String> responseCode,
    java.util.concurrent.CompletableFuture<?> kept) {

  private static final java.util.concurrent.CompletableFuture<?> DONE =
      java.util.concurrent.CompletableFuture.completedFuture(null);

  /** An outcome that waits for nothing. */
  public Outcome(
      Duration delay,
      Action action,
      Verdict verdict,
      String reason,
      Optional<RequestFacts> facts,
      Optional<String> responseCode) {
    this(delay, action, verdict, reason, facts, responseCode, DONE);
  }

  /** The same outcome, acted on once {@code promise} is kept. */
  public Outcome after(java.util.concurrent.CompletableFuture<?> promise) {
    return new Outcome(delay, action, verdict, reason, facts, responseCode, promise);
  }

  /** Validates. */
  public Outcome {
    Objects.requireNonNull(kept, "kept");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(facts, "facts");
    Objects.requireNonNull(responseCode, "responseCode");
  }

  /** An HTTP answer with a short plain-text message, nothing else known. */
  public static Outcome plain(int status, Verdict verdict, String message, String reason) {
    return new Outcome(
        Duration.ZERO,
        Action.Respond.plain(status, message),
        verdict,
        reason,
        Optional.empty(),
        Optional.empty());
  }

  /** The same outcome with another reason. */
  public Outcome withReason(String other) {
    return new Outcome(delay, action, verdict, other, facts, responseCode, kept);
  }

  /** The same outcome after a further delay. */
  public Outcome delayedBy(Duration more) {
    return new Outcome(delay.plus(more), action, verdict, reason, facts, responseCode, kept);
  }

  /** What the server does on the connection. */
  public sealed interface Action {

    /**
     * Write an HTTP response.
     *
     * @param status the HTTP status
     * @param contentType the content type, or empty for an empty body
     * @param body the body
     * @param retryAfterSeconds a Retry-After header value, or 0 for none
     */
    record Respond(int status, String contentType, byte[] body, int retryAfterSeconds)
        implements Action {
      /** Validates. */
      public Respond {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
      }

      /** A short plain-text answer. */
      public static Respond plain(int status, String message) {
        return new Respond(
            status,
            "text/plain; charset=utf-8",
            (message + "\n").getBytes(StandardCharsets.UTF_8),
            0);
      }

      /** A DUIS XML answer. */
      public static Respond xml(int status, byte[] body) {
        return new Respond(status, "application/xml", body, 0);
      }
    }

    /** Close the connection with a TCP reset, answering nothing. */
    record Reset() implements Action {}
  }
}
