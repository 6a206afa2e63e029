package io.dccsim.sim.pipeline;

import io.dccsim.core.codec.DuisCodec;
import io.dccsim.core.message.ResponseBody;
import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.value.RequestId;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Stage 6: every DUIS answer is an {@code sr:Response} written by core's codec (Header with
 * RequestID, ResponseCode and ResponseDateTime; Body with ResponseMessage holding ServiceReference,
 * ServiceReferenceVariant and the SR-specific element, in the form of the request's schema
 * version), signed with the DCC's {@code dspXmlSign} credential. Non-device responses carry no
 * ResponseID.
 */
public final class ResponseWriter {
  private final DuisSigner signer;
  private final DuisCodec codec = new DuisCodec();

  /** Signs with this signer. */
  public ResponseWriter(DuisSigner signer) {
    this.signer = signer;
  }

  /**
   * The signed response bytes.
   *
   * @param breakSignature spoil the signature after signing (an intervention for testing clients)
   */
  public byte[] write(
      SchemaVersion version,
      RequestId requestId,
      ResponseCode responseCode,
      Instant at,
      ResponseBody body,
      boolean breakSignature) {
    ServiceResponse response =
        new ServiceResponse(
            version,
            new ResponseHeader(
                Optional.of(requestId),
                Optional.empty(),
                responseCode,
                at.truncatedTo(ChronoUnit.MILLIS)),
            body);
    Document doc = codec.writeResponse(response);
    Element signature = signer.sign(doc);
    if (breakSignature) {
      spoil(signature);
    }
    return codec.toBytes(doc);
  }

  /**
   * The signed bytes of a whole response, as given: for asynchronous responses and alerts, which
   * carry a ResponseID.
   */
  public byte[] write(ServiceResponse response) {
    Document doc = codec.writeResponse(response);
    signer.sign(doc);
    return codec.toBytes(doc);
  }

  private static void spoil(Element signature) {
    Node value =
        signature
            .getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "DigestValue")
            .item(0);
    String digest = value.getTextContent();
    value.setTextContent((digest.charAt(0) == 'A' ? "B" : "A") + digest.substring(1));
  }
}
