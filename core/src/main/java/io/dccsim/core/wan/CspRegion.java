package io.dccsim.core.wan;

import io.dccsim.core.value.SchemaVersion;
import java.util.Optional;

/**
 * The CSP region named in an SR 12.1 answer. The 4G regions exist only in the per-region response
 * of schema version 5.3 on; the flat 5.0/5.1 response knows North, Central, South, Unknown and
 * SMETS1.
 */
public enum CspRegion {
  /** The North CSP region. */
  NORTH("North", false),
  /** The Central CSP region. */
  CENTRAL("Central", false),
  /** The South CSP region. */
  SOUTH("South", false),
  /** 4G in the North region (per-region answers, schema 5.3 on). */
  NORTH_4G("4G North", true),
  /** 4G in the Central region (per-region answers, schema 5.3 on). */
  CENTRAL_4G("4G Central", true),
  /** 4G in the South region (per-region answers, schema 5.3 on). */
  SOUTH_4G("4G South", true),
  /** The region could not be determined. */
  UNKNOWN("Unknown", false),
  /** A SMETS1 premises, served by the SMETS1 service. */
  SMETS1("SMETS1", false);

  private final String xmlText;
  private final boolean fourG;

  CspRegion(String xmlText, boolean fourG) {
    this.xmlText = xmlText;
    this.fourG = fourG;
  }

  /** The text written in {@code CSPRegion}, e.g. {@code 4G North}. */
  public String xmlText() {
    return xmlText;
  }

  /** Whether this is one of the 4G regions. */
  public boolean is4G() {
    return fourG;
  }

  /** Whether a document of {@code version} may name this region. */
  public boolean existsIn(SchemaVersion version) {
    return !fourG || version.perRegionWanMatrix();
  }

  /** The region whose XML text is exactly {@code text}. */
  public static Optional<CspRegion> fromXmlText(String text) {
    for (CspRegion r : values()) {
      if (r.xmlText.equals(text)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
