package io.dccsim.sim.junit;

import io.dccsim.core.client.ResponseReceiver;
import io.dccsim.core.client.ResponseTimeoutException;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.value.RequestId;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * A receiving endpoint for a test: what the simulated DCC delivers later (device responses, DCC
 * schedule runs, alerts) arrives here, on loopback. Each document is checked as a User's endpoint
 * must: the DCC's signature verified and the document read; one that fails is answered 400 and kept
 * among the {@link #refused()} reasons. A test waits for what it expects with a timeout, and a
 * failure to arrive is an {@link AssertionError}. Thread-safe; holds at most {@value #CAPACITY}
 * messages (the oldest go first), each at most 1 MiB. The {@link #receiver()} underneath is the
 * core library's, which {@code DuisClient#sendAsync} takes.
 */
public final class Inbox implements AutoCloseable {
  /** The most messages kept. */
  public static final int CAPACITY = ResponseReceiver.CAPACITY;

  private final ResponseReceiver receiver;

  private Inbox(ResponseReceiver receiver) {
    this.receiver = receiver;
  }

  /** An inbox on a free loopback port, trusting answers signed with {@code dcc}'s key. */
  public static Inbox start(X509Certificate dcc) {
    return new Inbox(ResponseReceiver.start(CertificateResolver.of(dcc)));
  }

  /** The URL to register as a User's receiving URL. */
  public URI url() {
    return receiver.url();
  }

  /** The receiving endpoint itself, e.g. for {@code DuisClient#sendAsync}. */
  public ResponseReceiver receiver() {
    return receiver;
  }

  /**
   * Waits for the response to {@code requestId}.
   *
   * @throws AssertionError when none arrived within {@code timeout}
   */
  public ServiceResponse awaitResponse(RequestId requestId, Duration timeout) {
    try {
      return receiver.awaitResponse(requestId, timeout);
    } catch (ResponseTimeoutException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  /**
   * Waits for an alert (device or DCC).
   *
   * @throws AssertionError when none arrived within {@code timeout}
   */
  public ServiceResponse awaitAlert(Duration timeout) {
    try {
      return receiver.awaitAlert(timeout);
    } catch (ResponseTimeoutException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  /**
   * Waits for a message that {@code matches}, and takes it out of the inbox.
   *
   * @throws AssertionError naming {@code what} when none arrived within {@code timeout}
   */
  public ServiceResponse await(Predicate<ServiceResponse> matches, Duration timeout, String what) {
    try {
      return receiver.await(matches, timeout, what);
    } catch (ResponseTimeoutException e) {
      throw new AssertionError(e.getMessage());
    }
  }

  /** The messages received and not yet taken, oldest first. */
  public List<ServiceResponse> received() {
    return receiver.received();
  }

  /** Why documents were answered 400 (not signed by the DCC, not a DUIS response...). */
  public List<String> refused() {
    return receiver.refused();
  }

  /** Forgets everything received and refused. */
  public void clear() {
    receiver.clear();
  }

  /** Stops listening. */
  @Override
  public void close() {
    receiver.close();
  }
}
