package io.dccsim.core.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.message.ResponseHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.message.WanMatrixResponse;
import io.dccsim.core.signature.CertificateResolver;
import io.dccsim.core.signature.DuisSignatureVerifier;
import io.dccsim.core.signature.DuisSigner;
import io.dccsim.core.signature.SigningCredential;
import io.dccsim.core.signature.TestCredentials;
import io.dccsim.core.value.ResponseCode;
import io.dccsim.core.value.SchemaVersion;
import io.dccsim.core.wan.CspRegion;
import io.dccsim.core.xml.SecureXml;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What the codec writes can be signed, sent as bytes, verified and read back. */
class SignedRoundTripTest {
  private static final SigningCredential USER =
      TestCredentials.credential("CN=Test OCA", BigInteger.valueOf(4711));

  private final DuisCodec codec = new DuisCodec();
  private final DuisSignatureVerifier verifier =
      new DuisSignatureVerifier(CertificateResolver.of(USER.certificate()));

  @Test
  void aSignedRequestVerifiesAfterTheBytesAndReadsBack() {
    ServiceRequest request = DuisCodecTest.wanMatrixRequest(SchemaVersion.V5_1);
    Document doc = codec.writeRequest(request);
    new DuisSigner(USER).sign(doc);
    Document received = SecureXml.withDefaults().parse(codec.toBytes(doc));
    verifier.verify(received);
    assertThat(codec.readRequest(received)).isEqualTo(request);
  }

  @Test
  void aSignedAnswerKeepsItsSingleSpace() {
    ServiceResponse response =
        new ServiceResponse(
            SchemaVersion.V5_1,
            ResponseHeader.answering(DuisCodecTest.ID, ResponseCode.I0, DuisCodecTest.WHEN),
            WanMatrixResponse.flat(
                DuisCodecTest.threapwoodRoad(), CspRegion.CENTRAL, DuisCodecTest.coverage(" ")));
    Document doc = codec.writeResponse(response);
    new DuisSigner(USER).sign(doc);
    Document received = SecureXml.withDefaults().parse(codec.toBytes(doc));
    verifier.verify(received);
    assertThat(codec.readResponse(received)).isEqualTo(response);
  }
}
