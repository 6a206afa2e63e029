package io.dccsim.sim.pipeline;

import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.SignatureRejectedException;
import io.dccsim.core.value.RemotePartyRole;
import io.dccsim.smki.repository.CertificateKind;
import io.dccsim.smki.repository.CertificateRecord;
import io.dccsim.smki.repository.CertificateStatus;
import io.dccsim.smki.repository.CertificateUsage;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stage 2: who signed it. The signature is verified on the request's DOM with the certificate found
 * in the SMKI repository by {@code X509IssuerSerial}; that certificate must be an in-use ({@code
 * I}) {@code xmlSign} Organisation Certificate for digital signing whose EUI is the RequestID's
 * originator, and the RequestID counter must be greater than the last one accepted from that
 * originator. Any failure is E1 with a precise reason.
 */
public final class SignerAuthentication {
  private final RepositoryCertificateResolver resolver;
  private final ReplayGuard replays;
  private final boolean checkSignatures;

  /** Authenticates against this repository, remembering counters in {@code replays}. */
  public SignerAuthentication(RepositoryCertificateResolver resolver, ReplayGuard replays) {
    this(resolver, replays, true);
  }

  /**
   * As {@link #SignerAuthentication(RepositoryCertificateResolver, ReplayGuard)}, or, with {@code
   * checkSignatures} false, the load-test setting: every request is taken to come from its
   * RequestID's originator, with no signature, certificate or counter check. Never use it to test a
   * client's security.
   */
  public SignerAuthentication(
      RepositoryCertificateResolver resolver, ReplayGuard replays, boolean checkSignatures) {
    this.resolver = resolver;
    this.replays = replays;
    this.checkSignatures = checkSignatures;
  }

  /** Whether signatures, signer certificates and counters are checked. */
  public boolean checksSignatures() {
    return checkSignatures;
  }

  /** Checks the request's signer. */
  public Authentication authenticate(ParsedRequest request) {
    if (!checkSignatures) {
      return Authentication.ACCEPTED;
    }
    // The verifier looks the signer up once; keep that record instead of a second lookup.
    AtomicReference<CertificateRecord> signer = new AtomicReference<>();
    DuisSignatureVerifier verifier =
        new DuisSignatureVerifier(
            (issuer, serial) ->
                resolver
                    .record(issuer, serial)
                    .map(
                        r -> {
                          signer.set(r);
                          return resolver.certificateOf(r);
                        }));
    try {
      verifier.verify(request.document());
    } catch (SignatureRejectedException e) {
      String tag =
          switch (e.reason()) {
            case UNKNOWN_SIGNER -> "unknown-signer";
            case BAD_DIGEST, BAD_SIGNATURE_VALUE -> "bad-signature";
            case NO_SIGNATURE -> "no-signature";
            default -> "malformed-signature";
          };
      return Authentication.refused("E1", tag + ": " + e.getMessage());
    }
    CertificateRecord record = signer.get();
    if (record.kind() != CertificateKind.ORGANISATION
        || record.role().orElse(null) != RemotePartyRole.XML_SIGN
        || record.usage() != CertificateUsage.DS) {
      return Authentication.refused(
          "E1",
          "wrong-role: certificate "
              + record.serialHex()
              + " is "
              + record.kind()
              + " "
              + record.role().map(RemotePartyRole::gbcsName).orElse("no role")
              + " "
              + record.usage()
              + ", not an xmlSign signing organisation certificate");
    }
    if (record.status() != CertificateStatus.IN_USE) {
      return Authentication.refused(
          "E1",
          "certificate-not-in-use: certificate "
              + record.serialHex()
              + " has status "
              + record.status());
    }
    if (!record.subjectEui().equals(Optional.of(request.requestId().originator()))) {
      return Authentication.refused(
          "E1",
          "eui-mismatch: certificate "
              + record.serialHex()
              + " belongs to "
              + record.subjectEui().map(Object::toString).orElse("no EUI")
              + ", the RequestID's originator is "
              + request.requestId().originator());
    }
    // A signed pre-command (command variants 5 to 7) carries the RequestID of the command
    // variant 4 it answers, whose counter was accepted then: each pre-command is used once
    // instead (see DeviceCommandService).
    if (!request.commandVariant().isSignedPreCommand() && !replays.accept(request.requestId())) {
      return Authentication.refused(
          "E1",
          "replayed-counter: counter "
              + request.requestId().counterText()
              + " is not greater than the last accepted from "
              + request.requestId().originator());
    }
    return Authentication.ACCEPTED;
  }
}
