package io.dccsim.smki.repository;

/** The repository's store failed (a database error, a lost connection, a corrupt row). */
public final class CertificateRepositoryException extends RuntimeException {

  /** With a message saying what was being done, and the cause. */
  public CertificateRepositoryException(String message, Throwable cause) {
    super(message, cause);
  }

  /** With a message. */
  public CertificateRepositoryException(String message) {
    super(message);
  }
}
