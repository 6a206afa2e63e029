package io.dccsim.sim.cli;

import io.dccsim.sim.Simulator;
import io.dccsim.smki.crl.RevocationAuthority;
import io.dccsim.smki.extract.ExtractPublisher;
import io.dccsim.smki.extract.ExtractRegimePolicy;
import io.dccsim.smki.extract.ExtractSchedule;
import io.dccsim.smki.extract.ExtractScheduleSpec;
import io.dccsim.smki.extract.ExtractScheduler;
import io.dccsim.smki.pki.SmkiHierarchy;
import io.dccsim.smki.repository.CertificateRepository;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the standalone SMKI repository publishes while it runs, driven by the simulator's clock:
 * extracts on the configured schedule, and the CRL and ARL, reissued after a revocation and when
 * the current list reaches its nextUpdate. One timer thread looks at the clock every {@link
 * #PERIOD}, so a clock moved by the control API is followed within a second: everything that fell
 * due in between is caught up by one extract, never twice (see {@link ExtractScheduler}).
 */
final class SmkiPublication implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SmkiPublication.class);

  /** How often (real time) the clock is looked at. */
  static final Duration PERIOD = Duration.ofSeconds(1);

  /** How long (simulated time) after a failed extract run the next attempt may start. */
  static final Duration RETRY_DELAY = Duration.ofMinutes(1);

  private final ExtractPublisher publisher;
  private final ExtractScheduler scheduler;
  private final RevocationAuthority revocation;
  private final ExtractScheduleSpec spec;
  private final ExtractSchedule schedule;
  private final ScheduledExecutorService timer;

  private SmkiPublication(
      ExtractPublisher publisher,
      ExtractScheduler scheduler,
      RevocationAuthority revocation,
      ExtractScheduleSpec spec,
      ExtractSchedule schedule) {
    this.publisher = publisher;
    this.scheduler = scheduler;
    this.revocation = revocation;
    this.spec = spec;
    this.schedule = schedule;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "dccsim-smki-publication");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts publishing.
   *
   * @param revocationState where the CRL and ARL state is kept ({@code oca.crl}, {@code root.arl}):
   *     the PKI's hierarchy directory, shared with {@code smki revocation-lists}
   */
  static SmkiPublication start(
      Simulator simulator,
      SmkiHierarchy hierarchy,
      CertificateRepository repository,
      ExtractScheduleSpec spec,
      Path extractDir,
      Path revocationState) {
    // "baseline" follows the simulator's policy as it stands at each day, also after the control
    // API changes it.
    ExtractSchedule schedule =
        spec.schedule(ExtractRegimePolicy.fromBaseline(simulator::baselinePolicy));
    ExtractPublisher publisher = new ExtractPublisher(repository, extractDir, simulator.clock());
    ExtractScheduler scheduler =
        new ExtractScheduler(
            schedule, publisher, simulator.clock(), RETRY_DELAY, simulator.metrics().registry());
    RevocationAuthority revocation =
        RevocationAuthority.builder(hierarchy, repository)
            .clock(simulator.clock())
            .stateDirectory(revocationState)
            .build();
    SmkiPublication p = new SmkiPublication(publisher, scheduler, revocation, spec, schedule);
    p.timer.scheduleWithFixedDelay(p::tick, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    return p;
  }

  private void tick() {
    try {
      scheduler.tick();
    } catch (RuntimeException e) {
      LOG.warn("Extract schedule tick failed: {}", e.toString());
    }
    try {
      // Reissues a list only when a revocation changed it or it reached its nextUpdate.
      revocation.currentCrlDer();
      revocation.currentArlDer();
    } catch (RuntimeException e) {
      LOG.warn("Revocation list refresh failed: {}", e.toString());
    }
  }

  ExtractPublisher publisher() {
    return publisher;
  }

  ExtractScheduler scheduler() {
    return scheduler;
  }

  RevocationAuthority revocation() {
    return revocation;
  }

  ExtractScheduleSpec spec() {
    return spec;
  }

  /** The plan the scheduler follows (the regime of each day included). */
  ExtractSchedule schedule() {
    return schedule;
  }

  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(30, TimeUnit.SECONDS)) {
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      timer.shutdownNow();
      Thread.currentThread().interrupt();
    }
    scheduler.close();
  }
}
