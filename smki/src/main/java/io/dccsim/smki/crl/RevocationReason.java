package io.dccsim.smki.crl;

/** Why a certificate was revoked: the RFC 5280 CRLReason codes a CRL entry can carry. */
public enum RevocationReason {
  UNSPECIFIED(0),
  KEY_COMPROMISE(1),
  CA_COMPROMISE(2),
  AFFILIATION_CHANGED(3),
  SUPERSEDED(4),
  CESSATION_OF_OPERATION(5),
  PRIVILEGE_WITHDRAWN(9);

  private final int code;

  RevocationReason(int code) {
    this.code = code;
  }

  /** The CRLReason code. */
  public int code() {
    return code;
  }

  /** The reason with this CRLReason code. */
  public static RevocationReason fromCode(int code) {
    for (RevocationReason r : values()) {
      if (r.code == code) {
        return r;
      }
    }
    throw new IllegalArgumentException("Not a CRL reason code: " + code);
  }
}
