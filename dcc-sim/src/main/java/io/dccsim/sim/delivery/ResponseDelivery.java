package io.dccsim.sim.delivery;

import io.dccsim.core.value.Eui64;
import io.dccsim.sim.schedule.SimulatedScheduler;
import io.dccsim.smki.repository.InMemoryOutboxStore;
import io.dccsim.smki.repository.OutboxStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Outbox} that delivers: each message is kept in an {@link OutboxStore} (so nothing
 * accepted is lost on a restart where the store is a database) and POSTed, as {@code
 * application/xml}, to its User's registered receiving URL.
 *
 * <ul>
 *   <li><b>Ordered per User.</b> A User's next message is not attempted before the one before it is
 *       delivered or dead-lettered; different Users' messages go in parallel. A message {@linkplain
 *       #enqueue(OutboundMessage, Instant) due later} (a device that answers after a delay) is kept
 *       in the store at once and joins its User's order when its time comes.
 *   <li><b>Bounded.</b> At most {@link DeliverySettings#capacity()} pending messages in all and
 *       {@link DeliverySettings#perUserCapacity()} per User; {@link #enqueue} throws {@link
 *       OutboxFullException} beyond.
 *   <li><b>Retried on simulated time.</b> Any 2xx answer (the DUIS endpoint answers 204) delivers;
 *       any other status, a timeout or a connection failure is a failed attempt, retried after
 *       {@link DeliverySettings#backoff(int)} of the simulator's clock, so jumping the clock brings
 *       retries forward. After {@link DeliverySettings#attempts()} failed attempts the message is a
 *       dead letter, held for {@link DeliverySettings#deadLetterRetention()} of simulated time and
 *       then dropped, unless {@linkplain #redrive(long) driven again} before.
 *   <li><b>No URL, no attempt.</b> A User with no registered URL keeps its messages pending (within
 *       the bounds) and they go, in order, once a URL is registered; waiting uses no attempt.
 *   <li><b>HTTPS</b> URLs are posted to with the {@link DeliveryTls} given: its client certificate
 *       presented, the receiver's certificate checked against its trusted issuers.
 * </ul>
 *
 * <p>At construction it resumes what the store holds: pending messages keep their attempts and next
 * attempt. Every attempt is logged (User, sequence, kind, RequestID, outcome, status or error;
 * never the document). Metrics: {@code dccsim_delivery_attempts_total{outcome}} (delivered, failed,
 * dead), {@code dccsim_delivery_pending} and {@code dccsim_delivery_dead}. Thread-safe.
 */
public final class ResponseDelivery implements Outbox, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ResponseDelivery.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final OutboxStore store;
  private final Clock clock;
  private final DeliverySettings settings;
  private final HttpClient http;
  private final SimulatedScheduler scheduler;
  private final ExecutorService workers;
  private final Object lock = new Object();
  // guarded by lock
  private final Map<Eui64, UserQueue> queues = new HashMap<>();
  private final Map<Eui64, URI> urls = new LinkedHashMap<>();
  private int pendingCount;
  private boolean closed;
  private final AtomicLong deadCount = new AtomicLong();
  // guarded by itself: the last messages delivered, newest last
  private final java.util.ArrayDeque<Delivered> recent = new java.util.ArrayDeque<>();

  /** How many delivered messages are remembered (with their documents), for a look afterwards. */
  public static final int RECENTLY_DELIVERED = 1_000;

  /**
   * A message delivered, remembered for a while after (in memory only).
   *
   * @param entry the message as it was held
   * @param at when it was delivered (simulated time)
   */
  public record Delivered(OutboxStore.Entry entry, Instant at) {
    /** Validates. */
    public Delivered {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(at, "at");
    }
  }

  private final Counter delivered;
  private final Counter failed;
  private final Counter dead;

  /**
   * One User's pending messages, by sequence; those not due yet; how many are being stored; and
   * whether one is in flight or waiting.
   */
  private static final class UserQueue {
    final TreeMap<Long, OutboxStore.Entry> pending = new TreeMap<>();
    final Map<Long, OutboxStore.Entry> notYetDue = new HashMap<>();
    int storing;
    boolean busy;

    int size() {
      return pending.size() + notYetDue.size() + storing;
    }
  }

  /**
   * Delivery over {@code store}, resuming what it holds.
   *
   * @param clock the simulator's clock: retries and dead-letter retention run on it
   * @param registry where the metrics go
   */
  public ResponseDelivery(
      OutboxStore store,
      Clock clock,
      DeliverySettings settings,
      DeliveryTls tls,
      MeterRegistry registry) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(registry, "registry");
    int n = INSTANCES.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.concurrency(),
            r -> {
              Thread t = new Thread(r, "dccsim-delivery-" + n + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(tls.sslContext())
            .build();
    this.scheduler =
        new SimulatedScheduler(clock, 2 * settings.capacity() + 64, "dccsim-delivery-timer-" + n);
    this.delivered = attempts(registry, "delivered");
    this.failed = attempts(registry, "failed");
    this.dead = attempts(registry, "dead");
    Gauge.builder("dccsim.delivery.pending", this, d -> d.pendingCount())
        .description("Messages waiting for delivery to a User's receiving endpoint")
        .register(registry);
    Gauge.builder("dccsim.delivery.dead", deadCount, AtomicLong::get)
        .description("Dead letters held (every delivery attempt failed)")
        .register(registry);
    resume();
  }

  /** Delivery kept in memory only, with the default settings and no TLS client certificate. */
  public static ResponseDelivery inMemory(Clock clock, MeterRegistry registry) {
    return new ResponseDelivery(
        new InMemoryOutboxStore(),
        clock,
        DeliverySettings.defaults(),
        DeliveryTls.none(),
        registry);
  }

  private static Counter attempts(MeterRegistry registry, String outcome) {
    return Counter.builder("dccsim.delivery.attempts")
        .description("Delivery attempts to Users' receiving endpoints, by outcome")
        .tag("outcome", outcome)
        .register(registry);
  }

  private void resume() {
    purgeExpired();
    deadCount.set(store.countDead());
    Instant now = clock.instant();
    for (OutboxStore.Entry e : store.dead(OutboxStore.MAX_LIST)) {
      scheduler.at(e.dead().orElse(now).plus(settings.deadLetterRetention()), this::purgeExpired);
    }
    synchronized (lock) {
      store.receiveUrls().forEach((user, url) -> urls.put(user, URI.create(url)));
      for (OutboxStore.Entry e : store.pending()) {
        UserQueue q = queues.computeIfAbsent(e.user(), u -> new UserQueue());
        if (e.attempts() == 0 && e.nextAttempt().isAfter(now)) {
          q.notYetDue.put(e.sequence(), e);
          scheduler.at(e.nextAttempt(), () -> due(e.user(), e.sequence()));
        } else {
          q.pending.put(e.sequence(), e);
        }
        pendingCount++;
      }
      if (pendingCount > 0) {
        LOG.info("Resuming delivery of {} pending messages", pendingCount);
      }
      List.copyOf(queues.keySet()).forEach(this::kick);
    }
  }

  /** The settings in force. */
  public DeliverySettings settings() {
    return settings;
  }

  @Override
  public long enqueue(OutboundMessage message) {
    return enqueue(message, clock.instant());
  }

  /**
   * Queues a message first to be attempted at {@code due} on the simulator's clock (at once when
   * that has passed). Returns once the message is kept in the store, so a restart before {@code
   * due} loses nothing; the store is written outside this outbox's lock, so that writers in
   * parallel share its syncs.
   *
   * @return the message's sequence number
   * @throws OutboxFullException when the outbox or the User's share of it is at its bound
   */
  @Override
  public long enqueue(OutboundMessage message, Instant due) {
    try {
      return enqueueKept(message, due).join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  /**
   * Queues a message first to be attempted at {@code due}, as {@link #enqueue(OutboundMessage,
   * Instant)} does, but returns once it is committed to the store: the future completes with its
   * sequence number once the store has forced it to disk (at once where the store does so itself).
   *
   * @throws OutboxFullException when the outbox or the User's share of it is at its bound
   */
  @Override
  public java.util.concurrent.CompletableFuture<Long> enqueueKept(
      OutboundMessage message, Instant due) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(due, "due");
    Eui64 user = message.user();
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("The outbox is closed");
      }
      if (pendingCount >= settings.capacity()) {
        throw new OutboxFullException(
            "The outbox holds " + pendingCount + " pending messages, its bound");
      }
      UserQueue q = queues.computeIfAbsent(user, u -> new UserQueue());
      if (q.size() >= settings.perUserCapacity()) {
        throw new OutboxFullException(
            "The outbox holds "
                + q.size()
                + " pending messages for "
                + user
                + ", the bound per User");
      }
      q.storing++;
      pendingCount++;
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Instant first =
        (due.isAfter(now) ? due : now).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Optional<String> requestId = message.requestId().map(Object::toString);
    byte[] document = message.signedXml();
    OutboxStore.Appended appended;
    try {
      appended =
          store.appendAsync(
              user, message.kind().name(), requestId, message.responseCode(), document, now, first);
    } catch (RuntimeException e) {
      synchronized (lock) {
        queues.get(user).storing--;
        pendingCount--;
      }
      throw e;
    }
    long seq = appended.sequence();
    OutboxStore.Entry entry =
        new OutboxStore.Entry(
            seq,
            user,
            message.kind().name(),
            requestId,
            message.responseCode(),
            document,
            now,
            0,
            first,
            Optional.empty(),
            Optional.empty());
    synchronized (lock) {
      UserQueue q = queues.get(user);
      q.storing--;
      if (first.isAfter(clock.instant())) {
        q.notYetDue.put(seq, entry);
        if (!scheduler.at(first, () -> due(user, seq))) {
          // the timer is bounded above the outbox's own bound, so this does not happen; if it
          // did, the message would go at once rather than be lost
          q.pending.put(seq, q.notYetDue.remove(seq));
        }
      } else {
        q.pending.put(seq, entry);
      }
      kick(user);
    }
    return appended.durable().thenApply(v -> seq);
  }

  /** Message {@code seq} of {@code user} is due: it joins its User's order. */
  private void due(Eui64 user, long seq) {
    synchronized (lock) {
      UserQueue q = queues.get(user);
      OutboxStore.Entry e = q == null ? null : q.notYetDue.remove(seq);
      if (e != null) {
        q.pending.put(seq, e);
        kick(user);
      }
    }
  }

  /**
   * Registers (or replaces) a User's receiving URL; its pending messages go there from now on. Kept
   * in the store.
   *
   * @throws IllegalArgumentException unless {@code url} is an absolute http or https URL with a
   *     host
   */
  public void receiveUrl(Eui64 user, URI url) {
    Objects.requireNonNull(user, "user");
    URI checked = checkedUrl(url);
    synchronized (lock) {
      store.receiveUrl(user, Optional.of(checked.toString()));
      urls.put(user, checked);
      LOG.info("Receiving URL of {} registered", user);
      kick(user);
    }
  }

  /**
   * Forgets a User's receiving URL: its messages wait from now on (one in flight finishes).
   *
   * @return whether one was registered
   */
  public boolean removeReceiveUrl(Eui64 user) {
    synchronized (lock) {
      store.receiveUrl(user, Optional.empty());
      return urls.remove(user) != null;
    }
  }

  /** A User's registered receiving URL. */
  public Optional<URI> receiveUrl(Eui64 user) {
    synchronized (lock) {
      return Optional.ofNullable(urls.get(user));
    }
  }

  /** Every registered receiving URL. */
  public Map<Eui64, URI> receiveUrls() {
    synchronized (lock) {
      return Map.copyOf(urls);
    }
  }

  /** {@code url} if it is an absolute http or https URL with a host. */
  public static URI checkedUrl(URI url) {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "A receiving URL is http or https, not '" + url.getScheme() + "'");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException("A receiving URL names its host: " + url);
    }
    if (url.getRawFragment() != null) {
      throw new IllegalArgumentException("A receiving URL has no fragment: " + url);
    }
    return url;
  }

  /** How many messages are pending (waiting, being attempted, or waiting for a retry). */
  public int pendingCount() {
    synchronized (lock) {
      return pendingCount;
    }
  }

  private void remember(Delivered d) {
    synchronized (recent) {
      if (recent.size() >= RECENTLY_DELIVERED) {
        recent.removeFirst();
      }
      recent.addLast(d);
    }
  }

  /**
   * Up to {@code limit} of the last {@value #RECENTLY_DELIVERED} messages delivered, newest first,
   * of one User or of all; in memory only, so a restart forgets them.
   */
  public List<Delivered> recentlyDelivered(Optional<Eui64> user, int limit) {
    List<Delivered> out = new ArrayList<>();
    synchronized (recent) {
      for (java.util.Iterator<Delivered> it = recent.descendingIterator();
          it.hasNext() && out.size() < limit; ) {
        Delivered d = it.next();
        if (user.isEmpty() || user.get().equals(d.entry().user())) {
          out.add(d);
        }
      }
    }
    return out;
  }

  /**
   * The signed document of message {@code sequence}: pending, a dead letter, or among those
   * recently delivered.
   */
  public Optional<byte[]> document(long sequence) {
    synchronized (recent) {
      for (Delivered d : recent) {
        if (d.entry().sequence() == sequence) {
          return Optional.of(d.entry().document());
        }
      }
    }
    synchronized (lock) {
      for (UserQueue q : queues.values()) {
        OutboxStore.Entry e = q.pending.get(sequence);
        if (e == null) {
          e = q.notYetDue.get(sequence);
        }
        if (e != null) {
          return Optional.of(e.document());
        }
      }
    }
    return store.find(sequence).map(OutboxStore.Entry::document);
  }

  /** How many dead letters are held. */
  public long deadCount() {
    return deadCount.get();
  }

  /** Up to {@code limit} pending messages, by sequence. */
  public List<OutboxStore.Entry> pending(int limit) {
    synchronized (lock) {
      List<OutboxStore.Entry> out = new ArrayList<>();
      queues
          .values()
          .forEach(
              q -> {
                out.addAll(q.pending.values());
                out.addAll(q.notYetDue.values());
              });
      out.sort(java.util.Comparator.comparingLong(OutboxStore.Entry::sequence));
      return List.copyOf(out.subList(0, Math.min(Math.max(limit, 0), out.size())));
    }
  }

  /**
   * Up to {@code limit} pending messages of one User, in the order they will go: those due, then
   * those due later by their time.
   */
  public List<OutboxStore.Entry> pending(Eui64 user, int limit) {
    synchronized (lock) {
      UserQueue q = queues.get(user);
      if (q == null) {
        return List.of();
      }
      List<OutboxStore.Entry> later = new ArrayList<>(q.notYetDue.values());
      later.sort(
          java.util.Comparator.comparing(OutboxStore.Entry::nextAttempt)
              .thenComparingLong(OutboxStore.Entry::sequence));
      return java.util.stream.Stream.concat(q.pending.values().stream(), later.stream())
          .limit(Math.max(limit, 0))
          .toList();
    }
  }

  /** Up to {@code limit} (at most {@link OutboxStore#MAX_LIST}) dead letters, by sequence. */
  public List<OutboxStore.Entry> deadLetters(int limit) {
    purgeExpired();
    return store.dead(limit);
  }

  /** Up to {@code limit} dead letters of one User, by sequence. */
  public List<OutboxStore.Entry> deadLetters(Eui64 user, int limit) {
    purgeExpired();
    return store.dead(user, limit);
  }

  /**
   * Drives a dead letter again: pending once more, with no failed attempt, in its place in its
   * User's order (by sequence).
   *
   * @return false when no dead letter {@code sequence} is held
   * @throws OutboxFullException when its User's or the whole outbox's bound is reached
   */
  public boolean redrive(long sequence) {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("The outbox is closed");
      }
      Optional<OutboxStore.Entry> held = store.find(sequence).filter(OutboxStore.Entry::isDead);
      if (held.isEmpty()) {
        return false;
      }
      UserQueue q = queues.computeIfAbsent(held.get().user(), u -> new UserQueue());
      if (pendingCount >= settings.capacity() || q.size() >= settings.perUserCapacity()) {
        throw new OutboxFullException("The outbox is full: dead letter " + sequence + " stays");
      }
      Optional<OutboxStore.Entry> again = store.redrive(sequence, clock.instant());
      if (again.isEmpty()) {
        return false;
      }
      deadCount.decrementAndGet();
      q.pending.put(sequence, again.get());
      pendingCount++;
      LOG.info(
          "Dead letter {} of {} driven again ({} {})",
          sequence,
          again.get().user(),
          again.get().kind(),
          again.get().requestId().orElse("-"));
      kick(again.get().user());
      return true;
    }
  }

  /**
   * Drives every dead letter again (as many as the bounds allow, oldest first).
   *
   * @return how many
   */
  public int redriveAll() {
    int n = 0;
    for (OutboxStore.Entry e : store.dead(OutboxStore.MAX_LIST)) {
      try {
        if (redrive(e.sequence())) {
          n++;
        }
      } catch (OutboxFullException full) {
        break;
      }
    }
    return n;
  }

  /**
   * Drops every dead letter.
   *
   * @return how many
   */
  public int dropDeadLetters() {
    int n = store.dropDead(Optional.empty());
    deadCount.addAndGet(-n);
    return n;
  }

  private void purgeExpired() {
    try {
      int n = store.dropDead(Optional.of(clock.instant().minus(settings.deadLetterRetention())));
      if (n > 0) {
        deadCount.addAndGet(-n);
        LOG.info("Dropped {} dead letters held for {}", n, settings.deadLetterRetention());
      }
    } catch (RuntimeException e) {
      LOG.warn("Dropping expired dead letters failed: {}", e.toString());
    }
  }

  /** Starts or schedules the next attempt of {@code user}'s first message, if it may go. */
  private void kick(Eui64 user) {
    // caller holds lock
    if (closed) {
      return;
    }
    UserQueue q = queues.get(user);
    if (q == null || q.busy || q.pending.isEmpty()) {
      return;
    }
    URI url = urls.get(user);
    if (url == null) {
      return; // waits for a URL
    }
    OutboxStore.Entry head = q.pending.firstEntry().getValue();
    q.busy = true;
    if (head.nextAttempt().isAfter(clock.instant())) {
      if (!scheduler.at(head.nextAttempt(), () -> wake(user))) {
        q.busy = false;
        LOG.warn("Cannot schedule the next delivery attempt for {}: the timer is full", user);
      }
      return;
    }
    try {
      workers.execute(() -> attempt(user, head, url));
    } catch (RejectedExecutionException e) {
      q.busy = false;
    }
  }

  private void wake(Eui64 user) {
    synchronized (lock) {
      UserQueue q = queues.get(user);
      if (q != null) {
        q.busy = false;
        kick(user);
      }
    }
  }

  private record Outcome(boolean ok, String detail) {}

  private Outcome post(URI url, byte[] document) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(url)
              .timeout(settings.responseTimeout())
              .header("Content-Type", "application/xml")
              .POST(HttpRequest.BodyPublishers.ofByteArray(document))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return new Outcome(status >= 200 && status < 300, "HTTP " + status);
    } catch (IOException | IllegalArgumentException e) {
      return new Outcome(false, e.getClass().getSimpleName() + errorText(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(false, "interrupted");
    }
  }

  private static String errorText(Throwable e) {
    String m = e.getMessage();
    if ((m == null || m.isBlank()) && e.getCause() != null) {
      m = e.getCause().toString();
    }
    return m == null || m.isBlank() ? "" : ": " + m;
  }

  private void attempt(Eui64 user, OutboxStore.Entry e, URI url) {
    int attempt = e.attempts() + 1;
    Outcome o = post(url, e.document());
    Instant now = clock.instant();
    String what;
    try {
      if (o.ok()) {
        store.forgetDelivered(e.sequence());
        remember(new Delivered(e, now));
        delivered.increment();
        what = "delivered";
        finish(user, e.sequence(), Optional.empty());
      } else if (attempt >= settings.attempts()) {
        store.deadLetter(e.sequence(), attempt, now, o.detail());
        dead.increment();
        deadCount.incrementAndGet();
        scheduler.at(now.plus(settings.deadLetterRetention()), this::purgeExpired);
        what = "dead letter";
        finish(user, e.sequence(), Optional.empty());
      } else {
        Instant next = now.plus(settings.backoff(attempt));
        store.failedAttempt(e.sequence(), attempt, next, o.detail());
        failed.increment();
        what = "failed, next attempt at " + next;
        finish(
            user,
            e.sequence(),
            Optional.of(
                new OutboxStore.Entry(
                    e.sequence(),
                    e.user(),
                    e.kind(),
                    e.requestId(),
                    e.responseCode(),
                    e.document(),
                    e.accepted(),
                    attempt,
                    next.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                    Optional.of(o.detail()),
                    Optional.empty())));
      }
    } catch (RuntimeException storeFailure) {
      synchronized (lock) {
        UserQueue q = queues.get(user);
        if (q != null) {
          q.busy = false;
        }
      }
      LOG.warn(
          "Delivery of {} for {}: recording attempt {} failed: {}",
          e.sequence(),
          user,
          attempt,
          storeFailure.toString());
      return;
    }
    LOG.info(
        "Delivery of {} {} {} for {} (RequestID {}): attempt {} {} ({})",
        e.kind(),
        e.responseCode(),
        e.sequence(),
        user,
        e.requestId().orElse("-"),
        attempt,
        what,
        o.detail());
  }

  /** The attempt is over: the message stays ({@code still}) or leaves; the next may go. */
  private void finish(Eui64 user, long sequence, Optional<OutboxStore.Entry> still) {
    synchronized (lock) {
      UserQueue q = queues.get(user);
      if (q == null) {
        return;
      }
      if (still.isPresent()) {
        q.pending.put(sequence, still.get());
      } else if (q.pending.remove(sequence) != null) {
        pendingCount--;
      }
      q.busy = false;
      kick(user);
    }
  }

  /**
   * Stops delivering: no new attempt starts, and attempts in flight are given the response timeout
   * to end. What is pending stays in the store, for the next start.
   */
  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    scheduler.close();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(
          settings.responseTimeout().plus(settings.connectTimeout()).toMillis(),
          TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
