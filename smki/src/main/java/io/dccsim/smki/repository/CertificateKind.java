package io.dccsim.smki.repository;

/** What a certificate in the repository is. */
public enum CertificateKind {
  /** A Root, Organisation CA or Device CA certificate. */
  AUTHORITY,
  /** An Organisation Certificate: subject OU = role, x500UniqueIdentifier = EUI. */
  ORGANISATION,
  /** A Device Certificate: empty subject, subjectAltName HardwareModuleName = EUI. */
  DEVICE
}
