package io.dccsim.smki.repository;

/** The states a certificate has in the SMKI Repository. */
public enum CertificateStatus {
  /** P: pending, not yet in use. */
  PENDING('P'),
  /** I: in use. */
  IN_USE('I'),
  /** N: not in use. */
  NOT_IN_USE('N'),
  /** E: expired. */
  EXPIRED('E'),
  /** R: revoked. */
  REVOKED('R');

  private final char code;

  CertificateStatus(char code) {
    this.code = code;
  }

  /** The one-letter code used by the repository interface. */
  public char code() {
    return code;
  }

  /** The status with this one-letter code. */
  public static CertificateStatus fromCode(char code) {
    for (CertificateStatus s : values()) {
      if (s.code == Character.toUpperCase(code)) {
        return s;
      }
    }
    throw new IllegalArgumentException("Not a certificate status: '" + code + "'");
  }
}
