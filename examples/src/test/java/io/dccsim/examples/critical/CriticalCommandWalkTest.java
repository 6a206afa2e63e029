package io.dccsim.examples.critical;

import static io.dccsim.sim.journal.ExchangePattern.anyExchange;
import static io.dccsim.sim.journal.ExpectedCount.exactly;
import static org.assertj.core.api.Assertions.assertThat;

import io.dccsim.core.client.DuisClient;
import io.dccsim.core.gbcs.GeneralSigning;
import io.dccsim.core.gbcs.MessageCode;
import io.dccsim.core.inventory.DeviceStatus;
import io.dccsim.core.inventory.DeviceType;
import io.dccsim.core.inventory.SyntheticEstate;
import io.dccsim.core.message.RawRequestBody;
import io.dccsim.core.message.RawResponseBody;
import io.dccsim.core.message.RequestHeader;
import io.dccsim.core.message.ServiceRequest;
import io.dccsim.core.message.ServiceResponse;
import io.dccsim.core.value.CommandVariant;
import io.dccsim.core.value.Eui64;
import io.dccsim.core.value.ServiceReferenceVariant;
import io.dccsim.core.xml.SecureXml;
import io.dccsim.sim.junit.DccSimulatorHandle;
import io.dccsim.sim.junit.DccSimulatorTest;
import io.dccsim.smki.http.SmkiRepositoryClient;
import io.dccsim.smki.http.SmkiRepositoryServer;
import io.dccsim.smki.repository.CertificateUsage;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A critical command, as a supplier's adapter sends it: SR 8.1.1 Commission Device for a meter that
 * is Pending. The DCC transforms the request into a pre-command (command variant 4); the supplier
 * signs the GBCS with its Digital Signing key and sends it back with the same RequestID (command
 * variant 5); the DCC acknowledges it {@code I99}, the meter answers, and the inventory shows it
 * commissioned. The pre-command is the real GBCS command (ECS70, the meter's clock set), and the
 * meter's response, delivered to the supplier's inbox, is signed by the meter: the supplier checks
 * it with the meter's Digital Signing certificate from the SMKI repository's interface.
 */
@DccSimulatorTest(startAt = "2021-07-01T09:00:00Z")
class CriticalCommandWalkTest {
  private static final String NS = "http://www.dccinterface.co.uk/ServiceUserGateway";
  private static final ServiceReferenceVariant COMMISSION = ServiceReferenceVariant.parse("8.1.1");

  @Test
  void transformSignSend(DccSimulatorHandle dcc) throws Exception {
    DuisClient adapter = dcc.newClient();
    Eui64 meter = SyntheticEstate.eui(DeviceType.ESME, 17);
    dcc.inventory().updateStatus(meter, DeviceStatus.PENDING);

    // 1. Command variant 4 on serviceT: the DCC answers the GBCS command to sign.
    ServiceRequest transform =
        adapter.newRequest(
            COMMISSION,
            CommandVariant.TRANSFORM_TO_PRE_COMMAND,
            meter,
            RawRequestBody.of(element("<sr:CommissionDevice></sr:CommissionDevice>")));
    ServiceResponse answered = adapter.send(transform);
    assertThat(answered.header().responseCode().code()).isEqualTo("I0");
    Element pre = ((RawResponseBody) answered.body()).element().orElseThrow();
    assertThat(pre.getLocalName()).isEqualTo("PreCommand");
    assertThat(text(pre, "GBCSVersion")).isEqualTo("3.2");
    byte[] preCommand = Base64.getDecoder().decode(text(pre, "GBCSPayload"));
    GeneralSigning command = GeneralSigning.decode(preCommand);
    assertThat(command.messageCode()).isEqualTo(MessageCode.ECS70);
    assertThat(command.recipient()).isEqualTo(meter);

    // 2. The supplier signs it with its Digital Signing key (not its XML-signing key).
    PrivateKey ds =
        dcc.simulator().digitalSigningCredential(dcc.supplier().eui()).orElseThrow().privateKey();
    byte[] signed = sign(preCommand, ds);

    // 3. Command variant 5 on serviceS, with the RequestID of the transform.
    ServiceRequest send =
        new ServiceRequest(
            transform.schemaVersion(),
            new RequestHeader(
                transform.header().requestId(),
                CommandVariant.SIGNED_PRE_COMMAND_VIA_WAN,
                COMMISSION),
            RawRequestBody.of(
                element(
                    "<sr:SignedPreCommand><sr:GBCSPayload>"
                        + Base64.getEncoder().encodeToString(signed)
                        + "</sr:GBCSPayload></sr:SignedPreCommand>")));
    assertThat(adapter.send(send).header().responseCode().code()).isEqualTo("I99");

    // 4. The meter answers (at once: the clock is frozen and devices answer without delay by
    // default); its response goes to the supplier's outbox, and the meter is commissioned.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (dcc.inventory().find(meter).orElseThrow().status() != DeviceStatus.COMMISSIONED
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(dcc.inventory().find(meter).orElseThrow().status())
        .isEqualTo(DeviceStatus.COMMISSIONED);

    dcc.journal().verify(exactly(1), anyExchange().forVariant("8.1.1").withResponseCode("I0"));
    dcc.journal().verify(exactly(1), anyExchange().forVariant("8.1.1").withResponseCode("I99"));

    // 5. The meter's response, signed by the meter, checked with its certificate from SMKI.
    ServiceResponse response =
        dcc.inbox().awaitResponse(transform.header().requestId(), Duration.ofSeconds(10));
    assertThat(response.header().responseCode().code()).isEqualTo("I0");
    Element payload = ((RawResponseBody) response.body()).element().orElseThrow();
    GeneralSigning answer =
        GeneralSigning.decode(Base64.getDecoder().decode(payload.getTextContent().strip()));
    assertThat(answer.messageCode()).isEqualTo(MessageCode.ECS70);
    assertThat(answer.originatorCounter()).isEqualTo(command.originatorCounter());
    try (SmkiRepositoryServer smki =
        SmkiRepositoryServer.builder(dcc.repository()).port(0).start()) {
      X509Certificate meterDs =
          SmkiRepositoryClient.of(smki.baseUri())
              .deviceCertificate(meter, CertificateUsage.DS)
              .orElseThrow();
      assertThat(answer.signatureVerifies(meterDs.getPublicKey())).isTrue();
    }
  }

  /**
   * GBCS signing: drop the null signature ({@code 00}), sign from the byte after {@code DF} with
   * ECDSA P-256 / SHA-256, append {@code 40} and the signature as r||s.
   */
  private static byte[] sign(byte[] preCommand, PrivateKey key) throws Exception {
    byte[] unsigned = Arrays.copyOf(preCommand, preCommand.length - 1);
    Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
    ecdsa.initSign(key);
    ecdsa.update(unsigned, 1, unsigned.length - 1);
    byte[] rs = ecdsa.sign();
    byte[] out = Arrays.copyOf(unsigned, unsigned.length + 1 + rs.length);
    out[unsigned.length] = 0x40;
    System.arraycopy(rs, 0, out, unsigned.length + 1, rs.length);
    return out;
  }

  /** An element written with the {@code sr} prefix. */
  private static Element element(String xml) {
    return SecureXml.withDefaults()
        .parse(xml.replaceFirst(">", " xmlns:sr=\"" + NS + "\">").getBytes(StandardCharsets.UTF_8))
        .getDocumentElement();
  }

  private static String text(Element parent, String field) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && field.equals(e.getLocalName())) {
        return e.getTextContent();
      }
    }
    return null;
  }
}
