package io.dccsim.smki.extract;

import io.dccsim.smki.repository.CertificateStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an extract says about itself: its header (known before the first entry is written) and its
 * trailer (entry counts and content digest, known after the last).
 *
 * @param formatVersion the version of the file format, {@value #FORMAT_VERSION} for this library
 * @param kind full or delta
 * @param number the extract number, strictly increasing across all extracts of a directory
 * @param basedOnFull for a delta, the number of the full extract it builds on; empty for a full
 * @param previous the number of the extract published just before this one, if any
 * @param fromSequence repository change-feed sequence after which changes are covered (exclusive; 0
 *     for a full extract)
 * @param toSequence the last repository sequence covered (inclusive): the content is the repository
 *     as it stood at this sequence point
 * @param cutOff the instant the repository was read at {@code toSequence}
 * @param scheduledFor the planned run this extract fulfils; empty for a manual run
 * @param entryCount how many entries the extract holds
 * @param statusCounts entries per status (statuses without entries omitted)
 * @param contentSha256 lower-case hex SHA-256 of the content (every byte before the trailer)
 */
public record ExtractManifest(
    int formatVersion,
    ExtractKind kind,
    long number,
    OptionalLong basedOnFull,
    OptionalLong previous,
    long fromSequence,
    long toSequence,
    Instant cutOff,
    Optional<Instant> scheduledFor,
    long entryCount,
    Map<CertificateStatus, Long> statusCounts,
    String contentSha256) {

  /** The format version this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Validates. */
  public ExtractManifest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(basedOnFull, "basedOnFull");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(cutOff, "cutOff");
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    Objects.requireNonNull(contentSha256, "contentSha256");
    if (number <= 0) {
      throw new IllegalArgumentException("Extract numbers start at 1: " + number);
    }
    if (fromSequence < 0 || toSequence < fromSequence) {
      throw new IllegalArgumentException(
          "Bad sequence range (" + fromSequence + ", " + toSequence + "]");
    }
    if (kind == ExtractKind.FULL && (fromSequence != 0 || basedOnFull.isPresent())) {
      throw new IllegalArgumentException("A full extract starts at sequence 0 and builds on none");
    }
    if (kind == ExtractKind.DELTA && (basedOnFull.isEmpty() || previous.isEmpty())) {
      throw new IllegalArgumentException("A delta names its full extract and its previous one");
    }
    EnumMap<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
    counts.putAll(Objects.requireNonNull(statusCounts, "statusCounts"));
    statusCounts = Collections.unmodifiableMap(counts);
  }

  /** The file name of this extract. */
  public ExtractFileName fileName() {
    return new ExtractFileName(number, kind, cutOff);
  }
}
