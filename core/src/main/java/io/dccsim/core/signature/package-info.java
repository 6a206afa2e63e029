/**
 * DUIS XML signatures: {@link io.dccsim.core.signature.DuisSigner} signs and {@link
 * io.dccsim.core.signature.DuisSignatureVerifier} verifies in the one profile DUIS uses (enveloped,
 * one {@code Reference URI=""} whose transforms are enveloped-signature alone or then exclusive
 * canonicalisation, exclusive canonicalisation of {@code SignedInfo}, ECDSA P-256 with SHA-256,
 * {@code X509IssuerSerial} key information), refusing anything else with a {@link
 * io.dccsim.core.signature.SignatureRejectedException.Reason}.
 */
package io.dccsim.core.signature;
