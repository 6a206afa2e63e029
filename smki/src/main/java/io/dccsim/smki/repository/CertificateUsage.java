package io.dccsim.smki.repository;

/** The key usage of a GBCS certificate: exactly one of the two. */
public enum CertificateUsage {
  /** DS: digital signing (keyUsage digitalSignature). */
  DS,
  /** KA: key agreement (keyUsage keyAgreement). */
  KA
}
