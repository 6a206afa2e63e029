package io.dccsim.core.signature;

import java.util.Objects;

/** A document whose signature {@link DuisSignatureVerifier} refused, with the {@link Reason}. */
public final class SignatureRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a signature was refused. */
  public enum Reason {
    /** The document carries no {@code ds:Signature}. */
    NO_SIGNATURE,
    /** The document carries more than one {@code ds:Signature}. */
    MULTIPLE_SIGNATURES,
    /** The signature is not the last element child of the root element. */
    MISPLACED_SIGNATURE,
    /** The signature element does not have the structure the profile requires. */
    MALFORMED_SIGNATURE,
    /**
     * Not exactly one {@code Reference URI=""} with transforms enveloped-signature, optionally then
     * exclusive canonicalisation.
     */
    BAD_REFERENCE,
    /**
     * An algorithm other than the profile's (SHA-1, RSA, HMAC, comments canonicalisation, XPath,
     * ...), or a non-P-256 key.
     */
    FORBIDDEN_ALGORITHM,
    /** The resolver knows no certificate for the issuer and serial in {@code KeyInfo}. */
    UNKNOWN_SIGNER,
    /** The document's digest differs from the signed one: the document was changed. */
    BAD_DIGEST,
    /** The signature value does not verify with the signer's public key. */
    BAD_SIGNATURE_VALUE
  }

  private final Reason reason;

  /** A rejection for {@code reason}, described by {@code message}. */
  public SignatureRejectedException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Why the signature was refused. */
  public Reason reason() {
    return reason;
  }
}
