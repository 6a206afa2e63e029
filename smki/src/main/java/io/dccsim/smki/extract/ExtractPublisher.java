package io.dccsim.smki.extract;

import io.dccsim.smki.extract.internal.ChangeFold;
import io.dccsim.smki.extract.internal.ExtractHeader;
import io.dccsim.smki.extract.internal.ExtractWriter;
import io.dccsim.smki.extract.internal.WritebackStream;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes extracts of a repository into an {@link ExtractDirectory} and publishes them atomically:
 * the file is written under a temporary name in the same directory, forced to disk, renamed into
 * place and the directory forced, so a reader sees a complete extract or none. One publication runs
 * at a time.
 *
 * <p>A full extract records the repository's last sequence, streams {@link
 * CertificateRepository#scan}, then reads the last sequence again and appends the latest state of
 * every certificate changed while the scan ran (a later entry supersedes an earlier one with the
 * same serial). Its content is thus the repository exactly at its closing sequence point. A delta
 * covers the changes after the previous extract's sequence point up to the last sequence read at
 * its start, one entry per changed certificate holding its latest state.
 */
public final class ExtractPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractPublisher.class);

  private static final long WRITEBACK_INTERVAL = 32L << 20;

  /** The default bound on certificates in a delta or in a full extract's catch-up section. */
  public static final int DEFAULT_MAX_CHANGED = 500_000;

  private final CertificateRepository repository;
  private final ExtractDirectory directory;
  private final Clock clock;
  private final RetentionPolicy retention;
  private final int maxChanged;
  private final ReentrantLock lock = new ReentrantLock();

  /**
   * A publisher.
   *
   * @param maxChanged the most certificates a delta may hold (a larger delta is published as a full
   *     extract instead) and the most that may change during a full extract's scan (more fails the
   *     run, to be retried)
   */
  public ExtractPublisher(
      CertificateRepository repository,
      ExtractDirectory directory,
      Clock clock,
      RetentionPolicy retention,
      int maxChanged) {
    this.repository = Objects.requireNonNull(repository, "repository");
    this.directory = Objects.requireNonNull(directory, "directory");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.retention = Objects.requireNonNull(retention, "retention");
    if (maxChanged < 1) {
      throw new IllegalArgumentException("maxChanged must be positive: " + maxChanged);
    }
    this.maxChanged = maxChanged;
  }

  /** A publisher keeping 4 full extracts, with the default bound on changes. */
  public ExtractPublisher(CertificateRepository repository, Path directory, Clock clock) {
    this(
        repository,
        new ExtractDirectory(directory),
        clock,
        RetentionPolicy.keepFullExtracts(4),
        DEFAULT_MAX_CHANGED);
  }

  /** The directory published into. */
  public ExtractDirectory directory() {
    return directory;
  }

  /**
   * Publishes one extract now. A delta asked for when no full extract exists yet, or larger than
   * the bound, is published as a full extract.
   *
   * @param scheduledFor the planned run this fulfils; empty for a manual run
   * @return the manifest of the published extract
   * @throws ExtractException when the extract cannot be written; nothing partial is left visible
   */
  public ExtractManifest publish(ExtractKind kind, Optional<Instant> scheduledFor) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    lock.lock();
    try {
      return publishLocked(kind, scheduledFor);
    } finally {
      lock.unlock();
    }
  }

  private ExtractManifest publishLocked(ExtractKind kind, Optional<Instant> scheduledFor) {
    try {
      Files.createDirectories(directory.path());
    } catch (IOException e) {
      throw new ExtractException(
          "Cannot create extract directory " + directory.path() + ": " + e, e);
    }
    directory.recover();
    Optional<ExtractManifest> latest = directory.latest();
    Optional<ExtractManifest> latestFull = directory.latestFull();
    long number = latest.map(m -> m.number() + 1).orElse(1L);
    OptionalLong previous =
        latest.isPresent() ? OptionalLong.of(latest.get().number()) : OptionalLong.empty();

    if (kind == ExtractKind.DELTA && latestFull.isEmpty()) {
      LOG.info("No full extract yet: publishing extract {} as a full extract", number);
      kind = ExtractKind.FULL;
    }
    ChangeFold deltaFold = null;
    long deltaTo = 0;
    Instant deltaCutOff = null;
    if (kind == ExtractKind.DELTA) {
      deltaTo = repository.lastSequence();
      deltaCutOff = clock.instant();
      long from = latest.get().toSequence();
      deltaFold = new ChangeFold(repository, from, deltaTo, maxChanged);
      if (!deltaFold.index()) {
        LOG.info(
            "More than {} certificates changed since extract {}: publishing a full extract",
            maxChanged,
            latest.get().number());
        kind = ExtractKind.FULL;
      }
    }

    String tempName = ".smki-extract-" + number + ExtractDirectory.TEMP_SUFFIX;
    Path temp = directory.path().resolve(tempName);
    Path digestTemp = directory.path().resolve(".smki-extract-" + number + ".sha256.tmp");
    try {
      ExtractWriter.Finished done;
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        WritebackStream out = new WritebackStream(ch, WRITEBACK_INTERVAL);
        if (kind == ExtractKind.FULL) {
          ExtractHeader header =
              new ExtractHeader(kind, number, OptionalLong.empty(), previous, 0, scheduledFor);
          done = writeFull(out, header);
        } else {
          ExtractHeader header =
              new ExtractHeader(
                  kind,
                  number,
                  OptionalLong.of(latestFull.get().number()),
                  previous,
                  latest.get().toSequence(),
                  scheduledFor);
          ExtractWriter w = new ExtractWriter(out, header);
          deltaFold.emit(unchecked(w));
          done = w.finish(deltaTo, deltaCutOff);
        }
        out.forceAll();
      }
      ExtractFileName name = done.manifest().fileName();
      try (FileChannel ch =
          FileChannel.open(digestTemp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        byte[] line =
            ExtractFile.digestLine(done.fileSha256(), name.toString())
                .getBytes(StandardCharsets.US_ASCII);
        ch.write(ByteBuffer.wrap(line));
        ch.force(true);
      }
      // Digest first: whenever the extract is visible, its digest is too.
      Files.move(digestTemp, directory.digestFile(name), StandardCopyOption.ATOMIC_MOVE);
      Files.move(temp, directory.file(name), StandardCopyOption.ATOMIC_MOVE);
      directory.syncDirectory();
      LOG.info(
          "Published {} ({} entries, {} bytes, sequence {}..{})",
          name,
          done.manifest().entryCount(),
          done.size(),
          done.manifest().fromSequence(),
          done.manifest().toSequence());
      List<ExtractFileName> deleted = directory.applyRetention(retention);
      if (!deleted.isEmpty()) {
        LOG.info("Retention removed {}", deleted);
      }
      return done.manifest();
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(temp);
      deleteQuietly(digestTemp);
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new ExtractException(
          "Cannot write " + kind + " extract " + number + " in " + directory.path() + ": " + cause,
          cause);
    } catch (RuntimeException e) {
      deleteQuietly(temp);
      deleteQuietly(digestTemp);
      throw e;
    }
  }

  private ExtractWriter.Finished writeFull(OutputStream out, ExtractHeader header)
      throws IOException {
    long before = repository.lastSequence();
    ExtractWriter w = new ExtractWriter(out, header);
    repository.scan(unchecked(w));
    long after = repository.lastSequence();
    Instant cutOff = clock.instant();
    if (after > before) {
      // Certificates changed while the scan ran: append their state as of `after`.
      ChangeFold fold = new ChangeFold(repository, before, after, maxChanged);
      if (!fold.index()) {
        throw new ExtractException(
            "More than " + maxChanged + " certificates changed during the full extract's scan");
      }
      fold.emit(unchecked(w));
    }
    return w.finish(after, cutOff);
  }

  private static java.util.function.Consumer<CertificateRecord> unchecked(ExtractWriter w) {
    return r -> {
      try {
        w.write(r);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("Cannot remove temporary file {}: {}", p, e.toString());
    }
  }
}
