package io.dccsim.smki.extract.internal;

import io.dccsim.smki.extract.ExtractKind;
import io.dccsim.smki.extract.ExtractManifest;
import io.dccsim.smki.repository.CertificateStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The manifest fields fixed before an extract's first entry is written; the sequence point and
 * cut-off go in the trailer because a full extract only knows them once its scan has ended.
 */
public record ExtractHeader(
    ExtractKind kind,
    long number,
    OptionalLong basedOnFull,
    OptionalLong previous,
    long fromSequence,
    Optional<Instant> scheduledFor) {

  /** The manifest once the content is known. */
  public ExtractManifest complete(
      long toSequence,
      Instant cutOff,
      long entryCount,
      Map<CertificateStatus, Long> statusCounts,
      String contentSha256) {
    return new ExtractManifest(
        ExtractManifest.FORMAT_VERSION,
        kind,
        number,
        basedOnFull,
        previous,
        fromSequence,
        toSequence,
        cutOff,
        scheduledFor,
        entryCount,
        statusCounts,
        contentSha256);
  }
}
