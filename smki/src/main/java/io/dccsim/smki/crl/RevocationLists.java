package io.dccsim.smki.crl;

/**
 * The revocation lists the SMKI Repository publishes, each as DER: the Organisation CA's CRL and
 * the Root's ARL (authority revocation list). Each call returns the list in force now: a new list
 * (with a higher cRLNumber) once a revocation has been recorded or the previous list reached its
 * nextUpdate, otherwise the same bytes as before.
 */
public interface RevocationLists {

  /** The Organisation CA's current CRL: revoked Organisation Certificates. */
  byte[] currentCrlDer();

  /** The Root's current ARL: revoked CA certificates. */
  byte[] currentArlDer();
}
