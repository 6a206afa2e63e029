package io.dccsim.examples.meterread;

import io.dccsim.core.client.AsyncResponse;
import io.dccsim.core.client.DuisClient;
import io.dccsim.core.client.ResponseReceiver;
import io.dccsim.core.gbcs.AccessResponse;
import io.dccsim.core.gbcs.DlmsApdu;
import io.dccsim.core.gbcs.DlmsData;
import io.dccsim.core.gbcs.EncryptedData;
import io.dccsim.core.gbcs.GeneralCiphering;
import io.dccsim.core.gbcs.GeneralSigning;
import io.dccsim.core.gbcs.KeyDerivation;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.gbcs.SharedSecret;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.smki.http.SmkiRepositoryClient;
import io.dccsim.smki.repository.CertificateUsage;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * A supplier's adapter reading an electricity meter's instantaneous import registers, with nothing
 * but what a supplier has: its DUIS client and receiving endpoint, the SMKI repository's interface,
 * and its own Key Agreement private key.
 *
 * <ol>
 *   <li>SR 4.1.1 with command variant 1: the DCC acknowledges {@code I99};
 *   <li>the meter's response arrives at the receiving endpoint, signed by the DCC;
 *   <li>the meter's KA certificate is looked up in SMKI by its EUI ({@code
 *       CertificateSubjectAltName});
 *   <li>the GBCS MAC is checked with the key agreed from the supplier's KA private key and the
 *       meter's certificate;
 *   <li>the registers are decrypted with the encryption key derived from the same agreement.
 * </ol>
 */
public final class MeterReader {
  private static final ServiceReferenceVariant READ = ServiceReferenceVariant.parse("4.1.1");

  private final DuisClient duis;
  private final ResponseReceiver receiver;
  private final SmkiRepositoryClient smki;
  private final PrivateKey keyAgreement;

  /**
   * A meter reading.
   *
   * @param activeImportWh the active import register, Wh
   * @param reactiveImportVarh the reactive import register, varh
   */
  public record Registers(long activeImportWh, long reactiveImportVarh) {}

  /**
   * @param duis the supplier's DUIS client
   * @param receiver the supplier's receiving endpoint (registered with the DCC)
   * @param smki the SMKI repository's interface
   * @param keyAgreement the supplier's own Key Agreement private key
   */
  public MeterReader(
      DuisClient duis,
      ResponseReceiver receiver,
      SmkiRepositoryClient smki,
      PrivateKey keyAgreement) {
    this.duis = Objects.requireNonNull(duis, "duis");
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.smki = Objects.requireNonNull(smki, "smki");
    this.keyAgreement = Objects.requireNonNull(keyAgreement, "keyAgreement");
  }

  /**
   * Reads the meter's registers.
   *
   * @throws IllegalStateException when the DCC does not acknowledge, the meter does not answer
   *     {@code I0}, it has no KA certificate in use, or its MAC does not verify
   */
  public Registers read(Eui64 meter, Duration timeout) {
    ServiceRequest request =
        duis.newRequest(
            READ,
            CommandVariant.SEND_VIA_WAN,
            meter,
            RawRequestBody.emptyElement("ReadInstantaneousImportRegisters"));
    AsyncResponse async = duis.sendAsync(request, receiver);
    if (!async.isAcknowledged()) {
      throw new IllegalStateException(
          "not acknowledged: " + async.acknowledgement().header().responseCode().code());
    }
    ServiceResponse response = async.await(timeout);
    if (!response.header().responseCode().code().equals("I0")) {
      throw new IllegalStateException(
          "the meter answered " + response.header().responseCode().code());
    }
    byte[] payload =
        Base64.getMimeDecoder()
            .decode(((RawResponseBody) response.body()).element().orElseThrow().getTextContent());
    return decode(meter, payload);
  }

  /** Checks the MAC of a 4.1.1 response from {@code meter} and decrypts its registers. */
  public Registers decode(Eui64 meter, byte[] payload) {
    X509Certificate ka =
        smki.deviceCertificate(meter, CertificateUsage.KA)
            .orElseThrow(() -> new IllegalStateException("no KA certificate in use for " + meter));
    GeneralCiphering frame = GeneralCiphering.decode(payload);
    GeneralSigning apdu = frame.generalSigning();
    if (!apdu.originator().equals(meter) || !apdu.messageCode().equals(MessageCode.ECS17B)) {
      throw new IllegalStateException("not an ECS17b response from " + meter);
    }
    SharedSecret z = SharedSecret.agree(keyAgreement, ka.getPublicKey());
    if (!frame.macVerifies(KeyDerivation.macKey(z, apdu))) {
      throw new IllegalStateException("the MAC does not verify");
    }
    AccessResponse content = (AccessResponse) DlmsApdu.decode(apdu.content());
    DlmsData.OctetString sealed = (DlmsData.OctetString) content.data().get(0);
    byte[] plain =
        EncryptedData.decode(sealed.value().toByteArray())
            .decrypt(KeyDerivation.encryptionKey(z, apdu), apdu.originator());
    DlmsData.Structure registers = (DlmsData.Structure) DlmsData.decode(plain);
    return new Registers(
        ((DlmsData.UInt32) registers.elements().get(0)).value(),
        ((DlmsData.UInt32) registers.elements().get(1)).value());
  }
}
