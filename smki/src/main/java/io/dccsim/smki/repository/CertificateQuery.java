package io.dccsim.smki.repository;

import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.RemotePartyRole;
import java.util.Optional;

/**
 * A search of the repository: every criterion given must match; an empty query matches everything.
 *
 * @param subjectEui organisation EUI (x500UniqueIdentifier)
 * @param subjectAltNameEui device EUI (HardwareModuleName)
 * @param role remote party role
 * @param usage DS or KA
 * @param status repository status
 * @param limit at most this many results (positive)
 */
public record CertificateQuery(
    Optional<Eui64> subjectEui,
    Optional<Eui64> subjectAltNameEui,
    Optional<RemotePartyRole> role,
    Optional<CertificateUsage> usage,
    Optional<CertificateStatus> status,
    int limit) {

  /** The default and largest limit of one search. */
  public static final int MAX_LIMIT = 10_000;

  /** Validates. */
  public CertificateQuery {
    if (limit <= 0 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
    }
  }

  /** A query that matches everything, up to {@link #MAX_LIMIT}. */
  public static CertificateQuery all() {
    return new CertificateQuery(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        MAX_LIMIT);
  }

  /** Certificates whose subject is this organisation EUI. */
  public static CertificateQuery bySubjectEui(Eui64 eui) {
    return all().withSubjectEui(eui);
  }

  /** Certificates whose subjectAltName is this device EUI. */
  public static CertificateQuery bySubjectAltNameEui(Eui64 eui) {
    return new CertificateQuery(
        Optional.empty(),
        Optional.of(eui),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        MAX_LIMIT);
  }

  /** This query also requiring the subject EUI. */
  public CertificateQuery withSubjectEui(Eui64 eui) {
    return new CertificateQuery(Optional.of(eui), subjectAltNameEui, role, usage, status, limit);
  }

  /** This query also requiring the role. */
  public CertificateQuery withRole(RemotePartyRole r) {
    return new CertificateQuery(
        subjectEui, subjectAltNameEui, Optional.of(r), usage, status, limit);
  }

  /** This query also requiring the usage. */
  public CertificateQuery withUsage(CertificateUsage u) {
    return new CertificateQuery(subjectEui, subjectAltNameEui, role, Optional.of(u), status, limit);
  }

  /** This query also requiring the status. */
  public CertificateQuery withStatus(CertificateStatus s) {
    return new CertificateQuery(subjectEui, subjectAltNameEui, role, usage, Optional.of(s), limit);
  }

  /** This query with another limit. */
  public CertificateQuery withLimit(int newLimit) {
    return new CertificateQuery(subjectEui, subjectAltNameEui, role, usage, status, newLimit);
  }

  /** Whether a record satisfies every criterion (used by in-memory implementations and tests). */
  public boolean matches(CertificateRecord r) {
    return subjectEui.map(e -> r.subjectEui().equals(Optional.of(e))).orElse(true)
        && subjectAltNameEui.map(e -> r.subjectAltNameEui().equals(Optional.of(e))).orElse(true)
        && role.map(x -> r.role().equals(Optional.of(x))).orElse(true)
        && usage.map(x -> r.usage() == x).orElse(true)
        && status.map(x -> r.status() == x).orElse(true);
  }
}
